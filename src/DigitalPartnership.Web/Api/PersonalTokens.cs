using System.Security.Cryptography;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Api;

/// <summary>Who a token speaks for, as the store says now: a role change or a lock takes effect at the token's next use.</summary>
public sealed record TokenHolder(int TokenId, string UserId, string UserName, IReadOnlyList<string> Roles, bool ReadOnly);

/// <summary>
/// A person's API and feed tokens: made, listed and revoked by their owner on the tokens page, and checked on every
/// API or feed request. A secret leaves this class once, to its owner; only its hash is stored (a feed token's secret is
/// also kept sealed, so its owner's pages can link to the feeds with it). Every change is in the audit log, never the secret.
/// </summary>
public sealed class PersonalTokens(PortalDbContext db, TimeProvider time, IDataProtectionProvider protection)
{
    /// <summary>Tokens one person may hold at once: enough for every program they use, not a store to fill.</summary>
    public const int MaxActive = 20;

    private IDataProtector FeedSealer => protection.CreateProtector("DigitalPartnership.FeedTokens.v1");

    /// <summary>The person's tokens that still work, the newest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ActiveOfAsync(string userId, CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedAtUtc == null)
            .OrderByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id)
            .ToListAsync(ct);

    /// <summary>A new API token; its secret, returned here, is never shown again.</summary>
    public async Task<string> CreateApiTokenAsync(IdentityUser user, string name, bool readOnly, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (token, secret) = ApiToken.Issue(user.Id, name, ApiTokenKind.Api, readOnly, now);
        db.ApiTokens.Add(token);
        db.Audit(now, Actor(user), ApiTokenAudit.Created, Subject(user), $"API token \"{token.Name}\"{(token.ReadOnly ? ", read-only" : "")}");
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>A new feed token in place of the person's current one (whose addresses stop working), in one save.</summary>
    public async Task<string> RenewFeedTokenAsync(IdentityUser user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var old in await db.ApiTokens.Where(t => t.UserId == user.Id && t.Kind == ApiTokenKind.Feed && t.RevokedAtUtc == null).ToListAsync(ct))
        {
            old.Revoke(now);
        }

        var (token, secret) = ApiToken.Issue(user.Id, "Feeds and calendars", ApiTokenKind.Feed, readOnly: true, now);
        token.Seal(FeedSealer.Protect(secret));
        db.ApiTokens.Add(token);
        db.Audit(now, Actor(user), ApiTokenAudit.Created, Subject(user), "feed token");
        await SaveMovingPagesOnAsync(ct);
        return secret;
    }

    /// <summary>Revokes one of the person's own tokens; false when they have no such token in use.</summary>
    public async Task<bool> RevokeAsync(IdentityUser user, int tokenId, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id && t.RevokedAtUtc == null, ct);
        if (token is null)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        token.Revoke(now);
        db.Audit(now, Actor(user), ApiTokenAudit.Revoked, Subject(user),
            token.Kind == ApiTokenKind.Feed ? "feed token" : $"API token \"{token.Name}\"");
        if (token.Kind == ApiTokenKind.Feed)
        {
            await SaveMovingPagesOnAsync(ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    /// <summary>The person's feed token, for the subscribe links on their pages; null when they have none.</summary>
    public async Task<string?> FeedSecretAsync(string userId, CancellationToken ct)
    {
        var sealedSecret = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.Kind == ApiTokenKind.Feed && t.RevokedAtUtc == null)
            .OrderByDescending(t => t.Id).Select(t => t.SealedSecret).FirstOrDefaultAsync(ct);
        try
        {
            return sealedSecret is null ? null : FeedSealer.Unprotect(sealedSecret);
        }
        catch (CryptographicException)
        {
            return null; // the key that sealed it is gone: the person makes a new one
        }
    }

    /// <summary>
    /// The holder of <paramref name="secret"/> if it is a <paramref name="kind"/> token in use, of an account that is not
    /// locked; otherwise null, the same null for a wrong, a revoked or a locked token, so an answer tells nothing more.
    /// </summary>
    public async Task<TokenHolder?> CheckAsync(string secret, ApiTokenKind kind, CancellationToken ct)
    {
        if (ApiToken.LookupOf(secret) is not { } lookup)
        {
            return null;
        }

        // The index finds the candidates by the secret's first characters; the secret itself is compared here, in constant time.
        var candidates = await db.ApiTokens.AsNoTracking().Where(t => t.Lookup == lookup).ToListAsync(ct);
        var token = candidates.FirstOrDefault(t => t.Matches(secret));
        if (token is not { IsActive: true } || token.Kind != kind)
        {
            return null;
        }

        var account = await db.Users.AsNoTracking().Where(u => u.Id == token.UserId)
            .Select(u => new { u.UserName, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        if (account?.UserName is null || account.LockoutEnd > time.GetUtcNow())
        {
            return null;
        }

        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where link.UserId == token.UserId
                           select role.Name).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (token.UseIsWorthRecording(now))
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAtUtc, now), ct);
        }

        return new TokenHolder(token.Id, token.UserId, account.UserName, roles.OfType<string>().ToList(), token.ReadOnly);
    }

    /// <summary>
    /// Saves a change of feed token together with a move of the store's version: the subscribe links on the reading
    /// pages carry the token, and those pages are kept by store version (PageCache), so a kept page would otherwise
    /// still link with the old token, or with none. Feed tokens change rarely; API tokens, used on every call, move nothing.
    /// </summary>
    private async Task SaveMovingPagesOnAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.StoreVersions.Where(v => v.Id == StoreVersion.RowId).ExecuteUpdateAsync(set => set.SetProperty(v => v.Value, v => v.Value + 1), ct);
        await transaction.CommitAsync(ct);
    }

    private static string Actor(IdentityUser user) => (user.Email ?? user.UserName ?? user.Id).ToLowerInvariant();

    private static string Subject(IdentityUser user) => $"Account: {user.Email ?? user.UserName}";
}
