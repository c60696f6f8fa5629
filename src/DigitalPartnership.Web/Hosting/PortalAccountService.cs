using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Account changes made by an administrator or the command line. Each change and its audit line commit together in one
/// transaction (Identity saves step by step; a failure part-way leaves nothing), every <see cref="IdentityResult"/> is
/// checked, and role changes and locks take effect at the person's next request (see <see cref="PortalSessions"/>).
/// </summary>
public sealed class PortalAccountService(UserManager<IdentityUser> users, PortalDbContext db, PortalSessions sessions, TimeProvider time)
{
    public async Task<IdentityResult> CreateAsync(string email, string password, string role, string by)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created; // nothing was written; the transaction rolls back as it is disposed
        }

        Check(await users.AddToRoleAsync(user, role));
        await AuditAsync(by, AuditActions.AccountCreated, email, $"role {role}");
        await transaction.CommitAsync();
        return created;
    }

    public async Task SetRolesAsync(IdentityUser user, IReadOnlyCollection<string> roles, string by)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles).ToList()));
        Check(await users.AddToRolesAsync(user, roles.Except(current).ToList()));
        // A new stamp: each of the person's sessions notices it at its next request and goes on with the new roles.
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(by, AuditActions.AccountRolesChanged, user.Email!,
            $"{(current.Count == 0 ? "none" : string.Join(", ", current))} → {(roles.Count == 0 ? "none" : string.Join(", ", PortalRoles.All.Where(roles.Contains)))}");
        await transaction.CommitAsync();
    }

    public async Task SetLockedAsync(IdentityUser user, bool locked, string by)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (!locked)
        {
            Check(await users.ResetAccessFailedCountAsync(user));
        }

        Check(await users.UpdateSecurityStampAsync(user));
        if (locked)
        {
            await sessions.EndAllAsync(user.Id); // signed out everywhere, at once
        }

        await AuditAsync(by, locked ? AuditActions.AccountLocked : AuditActions.AccountUnlocked, user.Email!, null);
        await transaction.CommitAsync();
    }

    /// <summary>The person ends all their own sessions ("sign out everywhere").</summary>
    public async Task<int> SignOutEverywhereAsync(IdentityUser user)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ended = await sessions.EndAllAsync(user.Id);
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(user.Email!, AuditActions.SignedOutEverywhere, user.Email!, $"{Pages.Shared.Display.Count(ended, "session")} ended");
        await transaction.CommitAsync();
        return ended;
    }

    /// <summary>
    /// The person chooses the time zone their pages are written in (<see cref="Pages.Shared.ReaderTimeZone"/>). It is a
    /// claim of the account, so a new stamp makes every session of theirs take it up at its next request.
    /// </summary>
    public async Task SetTimeZoneAsync(IdentityUser user, string zoneId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var previous = (await users.GetClaimsAsync(user)).Where(c => c.Type == Pages.Shared.ReaderTimeZone.ClaimType).ToList();
        Check(await users.RemoveClaimsAsync(user, previous));
        if (zoneId != Pages.Shared.ReaderTimeZone.UtcId)
        {
            Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(Pages.Shared.ReaderTimeZone.ClaimType, zoneId)));
        }

        Check(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync();
    }

    /// <summary>Identity reports failures as results; one left unread would leave an account half-changed.</summary>
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The account could not be changed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    private async Task AuditAsync(string by, string action, string email, string? details)
    {
        db.Audit(time.GetUtcNow().UtcDateTime, by, action, $"Account: {email}", details);
        await db.SaveChangesAsync();
    }
}
