using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Hosting;

public enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,
}

/// <summary>
/// Signing in, so that the answer tells nobody whether an address has an account: a wrong password costs the same
/// time for a known and an unknown address (an unknown one is checked against a throw-away hash), and after the same
/// number of failures both say "locked". Every attempt is in the audit log, in the same save as its effect.
/// </summary>
public sealed class PortalSignIn(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, PortalSessions sessions,
    PortalDbContext db, TimeProvider time, IOptions<IdentityOptions> identity)
{
    private static readonly IdentityUser Nobody = new("nobody@invalid");
    private static string? _throwAwayHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, bool persistent, HttpContext context)
    {
        var address = email.Trim();
        var now = time.GetUtcNow().UtcDateTime;
        var user = await users.FindByEmailAsync(address);
        SignInOutcome outcome;
        if (user is null)
        {
            HashAnyway(password);
            var window = now - identity.Value.Lockout.DefaultLockoutTimeSpan;
            var actor = address.ToLowerInvariant();
            var failures = await db.AuditEntries.CountAsync(a => a.Actor == actor && a.Action == AuditActions.SignInFailed && a.AtUtc >= window);
            outcome = failures + 1 >= identity.Value.Lockout.MaxFailedAccessAttempts ? SignInOutcome.LockedOut : SignInOutcome.Refused;
        }
        else if (await users.IsLockedOutAsync(user))
        {
            HashAnyway(password); // a locked account must not answer faster than a live one
            outcome = SignInOutcome.LockedOut;
        }
        else
        {
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            outcome = result.Succeeded ? SignInOutcome.SignedIn : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Refused;
        }

        db.Audit(now, address.ToLowerInvariant(), outcome == SignInOutcome.SignedIn ? AuditActions.SignInSucceeded : AuditActions.SignInFailed,
            $"Account: {address}", outcome switch
            {
                SignInOutcome.SignedIn => null,
                SignInOutcome.LockedOut => "locked out",
                _ => "wrong email or password",
            });
        await db.SaveChangesAsync();
        if (outcome == SignInOutcome.SignedIn)
        {
            await sessions.SignInAsync(user!, persistent, context);
        }

        return outcome;
    }

    private void HashAnyway(string password)
    {
        _throwAwayHash ??= users.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(Nobody, _throwAwayHash, password);
    }
}
