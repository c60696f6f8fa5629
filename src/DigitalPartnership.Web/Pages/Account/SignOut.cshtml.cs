using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalPartnership.Web.Pages.Account;

/// <summary>
/// Signing out is a POST (with its antiforgery token): a link or an image must not be able to sign anyone out. It ends
/// the session in the store, so the cookie is refused from then on even if someone kept a copy of it.
/// </summary>
public sealed class SignOutModel(PortalSessions sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.SignOutAsync(User);
        return RedirectToPage("/Account/SignIn");
    }
}
