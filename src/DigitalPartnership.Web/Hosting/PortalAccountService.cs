using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Account changes made by an administrator or the command line, each with its audit line. Both role changes and locks
/// take effect at the person's next request: sessions are revalidated against the store on every request.
/// </summary>
public sealed class PortalAccountService(UserManager<IdentityUser> users, PortalDbContext db, TimeProvider time)
{
    public async Task<IdentityResult> CreateAsync(string email, string password, string role, string by)
    {
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        await users.AddToRoleAsync(user, role);
        await AuditAsync(by, AuditActions.AccountCreated, email, $"role {role}");
        return created;
    }

    public async Task SetRolesAsync(IdentityUser user, IReadOnlyCollection<string> roles, string by)
    {
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles).ToList());
        await users.AddToRolesAsync(user, roles.Except(current).ToList());
        // No new security stamp: the stamp validator rebuilds the session's roles from the store at the next request,
        // so the person keeps working with the new roles instead of being signed out.
        await AuditAsync(by, AuditActions.AccountRolesChanged, user.Email!,
            $"{(current.Count == 0 ? "none" : string.Join(", ", current))} → {(roles.Count == 0 ? "none" : string.Join(", ", PortalRoles.All.Where(roles.Contains)))}");
    }

    public async Task SetLockedAsync(IdentityUser user, bool locked, string by)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        await users.UpdateSecurityStampAsync(user); // a new stamp ends the locked person's sessions
        await AuditAsync(by, locked ? AuditActions.AccountLocked : AuditActions.AccountUnlocked, user.Email!, null);
    }

    private async Task AuditAsync(string by, string action, string email, string? details)
    {
        db.Audit(time.GetUtcNow().UtcDateTime, by, action, $"Account: {email}", details);
        await db.SaveChangesAsync();
    }
}
