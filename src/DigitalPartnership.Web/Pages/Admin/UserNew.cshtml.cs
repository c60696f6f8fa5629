using System.ComponentModel.DataAnnotations;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.Identity;
using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Admin;

public sealed class UserNewModel(PortalAccountService accounts, IStringLocalizer<UserNewModel> text) : PageModel
{
    [BindProperty] public NewUserForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PortalRoles.All.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", text["Choose a role from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var result = await accounts.CreateAsync(Input.Email.Trim(), Input.Password, Input.Role, User.Identity!.Name!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", InReadersLanguage(error));
            }

            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        return RedirectToPage("/Admin/Users");
    }

    /// <summary>
    /// The password rules' refusals (<see cref="PasswordRules"/>) in the reader's language; Identity's own are worded by
    /// <see cref="PortalIdentityErrors"/> already. English keeps the words as they are.
    /// </summary>
    private string InReadersLanguage(IdentityError error)
    {
        if (!PortalCultures.IsJapanese)
        {
            return error.Description;
        }

        return error.Code switch
        {
            "CommonPassword" or "PasswordIsEmail" => text[error.Description],
            "RepeatedCharacters" when error.Description.Split('"') is { Length: >= 3 } parts =>
                text["The password only repeats \"{0}\". Choose one that is not a repetition: a few unrelated words make a strong one.", parts[1]],
            _ => error.Description,
        };
    }

    public sealed class NewUserForm
    {
        [Required(ErrorMessage = "Enter the email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = PortalRoles.Staff;

        [Required(ErrorMessage = "Enter a first password for the account.")]
        [StringLength(512, MinimumLength = 12, ErrorMessage = "The password must be at least 12 characters long.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
