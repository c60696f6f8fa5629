using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalPartnership.Web.Pages.Account;

/// <summary>The signed-in person's own page: who they are, their roles, where they are signed in, and "sign out everywhere".</summary>
public sealed class ProfileModel(UserManager<IdentityUser> users, PortalSessions sessions, PortalAccountService accounts) : PageModel
{
    public string Email { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];
    public string? CurrentSession { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Email = user.Email ?? user.UserName ?? "";
        Roles = Display.RolesOf(User);
        Sessions = await sessions.OfAsync(user.Id);
        CurrentSession = User.FindFirst(PortalSessions.SessionClaim)?.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await accounts.SignOutEverywhereAsync(user);
        await sessions.SignOutAsync(User);
        return RedirectToPage("/Account/SignIn");
    }
}
