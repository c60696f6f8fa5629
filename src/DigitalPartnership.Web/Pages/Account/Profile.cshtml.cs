using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Account;

/// <summary>The signed-in person's own page: who they are, their roles, where they are signed in, and "sign out everywhere".</summary>
public sealed class ProfileModel(UserManager<IdentityUser> users, PortalSessions sessions, PortalAccountService accounts, TimeProvider time,
    IStringLocalizer<ProfileModel> text) : PageModel
{
    /// <summary>The time zone times are written in: an IANA name ("Europe/Brussels") or "UTC".</summary>
    [BindProperty]
    public string? Zone { get; set; }

    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;

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

        Zone = (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == ReaderTimeZone.ClaimType)?.Value ?? ReaderTimeZone.UtcId;
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostTimeZoneAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (ReaderTimeZone.Find(Zone) is not { } zone)
        {
            ModelState.AddModelError(nameof(Zone), text["Choose a time zone from the list."]);
            await LoadAsync(user);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var id = zone == TimeZoneInfo.Utc ? ReaderTimeZone.UtcId : Zone!;
        await accounts.SetTimeZoneAsync(user, id);
        TempData.SetStatusMessage(id == ReaderTimeZone.UtcId
            ? text["Times are now shown in UTC."]
            : text["Times are now shown in {0} time. Hold the pointer over a time to see it in UTC.", ReaderTimeZone.PlaceName(id)]);
        return RedirectToPage();
    }

    private async Task LoadAsync(IdentityUser user)
    {
        Email = user.Email ?? user.UserName ?? "";
        Roles = Display.RolesOf(User);
        Sessions = await sessions.OfAsync(user.Id);
        CurrentSession = User.FindFirst(PortalSessions.SessionClaim)?.Value;
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
