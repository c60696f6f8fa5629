using DigitalPartnership.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Admin;

public sealed class UserDetailsModel(UserManager<IdentityUser> users, PortalAccountService accounts, TimeProvider time,
    IStringLocalizer<UserDetailsModel> text) : PageModel
{
    public IdentityUser Account { get; private set; } = null!;
    public IList<string> Roles { get; private set; } = [];
    public bool Locked { get; private set; }

    [BindProperty] public List<string> SelectedRoles { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (SelectedRoles.Any(role => !PortalRoles.All.Contains(role)))
        {
            ModelState.AddModelError("", text["Choose roles from the list."]);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        await accounts.SetRolesAsync(Account, SelectedRoles, User.Identity!.Name!);
        TempData.SetStatusMessage(text["Roles saved. They take effect at the person's next request."]);
        return RedirectToPage("/Admin/UserDetails", new { id });
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Account.UserName == User.Identity!.Name)
        {
            ModelState.AddModelError("", text["You cannot lock your own account."]);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        await accounts.SetLockedAsync(Account, locked: true, User.Identity!.Name!);
        TempData.SetStatusMessage(text["Account locked: its sessions have ended."]);
        return RedirectToPage("/Admin/UserDetails", new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await accounts.SetLockedAsync(Account, locked: false, User.Identity!.Name!);
        TempData.SetStatusMessage(text["Account unlocked."]);
        return RedirectToPage("/Admin/UserDetails", new { id });
    }

    private async Task<bool> LoadAsync(string id)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        Roles = await users.GetRolesAsync(account);
        Locked = account.LockoutEnd > time.GetUtcNow();
        return true;
    }
}
