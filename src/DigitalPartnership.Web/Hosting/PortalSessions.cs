using System.Security.Claims;
using System.Security.Cryptography;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Sign-in sessions kept in the store. The sign-in cookie names its session; each request checks, in one indexed read,
/// that the session still exists and that the account's security stamp has not moved. Signing out deletes the session,
/// so a copied cookie is refused at once on every instance; a role change or a lock moves the stamp, so it takes effect at
/// the next request without rebuilding the person's principal on every other one.
/// </summary>
public sealed class PortalSessions(PortalDbContext db, SignInManager<IdentityUser> signIn, TimeProvider time)
{
    public const string SessionClaim = "dpp:session";

    /// <summary>How long a session lasts without use; the sign-in cookie slides with it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>A session's last use is written at most this often: a read per request, a write per few minutes.</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);

    /// <summary>Starts a session for <paramref name="user"/> and issues its cookie.</summary>
    public async Task SignInAsync(IdentityUser user, bool persistent, HttpContext context)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.UserSessions.Add(new UserSession(id, user.Id, context.Request.Headers.UserAgent.ToString(), now, Lifetime));
        // Sessions of this person that ran out are of no use to anyone: tidy them as a new one starts.
        await db.UserSessions.Where(s => s.UserId == user.Id && s.ExpiresAtUtc < now).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        await signIn.SignInWithClaimsAsync(user, persistent, [new Claim(SessionClaim, id)]);
    }

    /// <summary>Ends the session of this request (and its cookie).</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(SessionClaim) is { } id)
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync();
        }

        await signIn.SignOutAsync();
    }

    /// <summary>Ends every session of the person, wherever it was started; returns how many there were.</summary>
    public Task<int> EndAllAsync(string userId) => db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();

    /// <summary>The person's sessions still running, the latest used first.</summary>
    public Task<List<UserSession>> OfAsync(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.ExpiresAtUtc > now)
            .OrderByDescending(s => s.LastSeenAtUtc).ToListAsync();
    }

    /// <summary>
    /// The cookie handler's check of every request (<see cref="CookieAuthenticationEvents.OnValidatePrincipal"/>): one
    /// prepared statement (<see cref="SessionStateReader"/>) reads the session, the account's stamp and lock, and the
    /// store's version (kept for the page cache, see <see cref="Http.PageCache"/>). Only when the stamp moved is the
    /// person's principal rebuilt.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal!;
        var sessionId = principal.FindFirstValue(SessionClaim);
        var userId = principal.FindFirstValue(identity.UserIdClaimType);
        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow().UtcDateTime;
        var state = sessionId is null || userId is null
            ? null
            : await services.GetRequiredService<SessionStateReader>().ReadAsync(sessionId, userId, http.RequestAborted);
        if (state is null || state.ExpiresAtUtc <= now || state.LockoutEnd > time.GetUtcNow())
        {
            // Signed out, expired, ended from another device, or locked by an administrator.
            if (state is not null)
            {
                await services.GetRequiredService<PortalDbContext>().UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync();
            }

            context.RejectPrincipal();
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        StoreVersions.Remember(http, state.StoreVersion);
        if (state.SecurityStamp != principal.FindFirstValue(identity.SecurityStampClaimType))
        {
            // The account changed (roles, password): the session goes on with the person as they are now.
            var signIn = services.GetRequiredService<SignInManager<IdentityUser>>();
            if (await signIn.UserManager.FindByIdAsync(userId!) is not { } user)
            {
                context.RejectPrincipal();
                return;
            }

            var rebuilt = await signIn.CreateUserPrincipalAsync(user);
            ((ClaimsIdentity)rebuilt.Identity!).AddClaim(new Claim(SessionClaim, sessionId!));
            context.ReplacePrincipal(rebuilt);
            context.ShouldRenew = true;
        }

        if (now - state.LastSeenAtUtc >= SeenResolution)
        {
            await services.GetRequiredService<PortalDbContext>().UserSessions.Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAtUtc, now).SetProperty(s => s.ExpiresAtUtc, now + Lifetime));
        }
    }
}
