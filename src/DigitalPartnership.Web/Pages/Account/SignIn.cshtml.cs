using System.ComponentModel.DataAnnotations;
using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Pages.Account;

[EnableRateLimiting(PortalAccounts.SignInLimit)]
public sealed class SignInModel(PortalSignIn signIn, IHostEnvironment environment, IOptions<DemoOptions> demo, IStringLocalizer<SignInModel> text) : PageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    /// <summary>Development only: the demo accounts and their password, so a newcomer can sign in at once.</summary>
    public IReadOnlyList<(string Email, string Role)> DemoAccounts => environment.IsDevelopment() ? DemoOptions.Accounts : [];

    public string DemoPassword => demo.Value.Password;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var outcome = await signIn.SignInAsync(Input.Email, Input.Password, Input.RememberMe, HttpContext);
        if (outcome == SignInOutcome.SignedIn)
        {
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
        }

        // The same words whether the account exists or not: the form must not tell who has an account.
        Problem = outcome == SignInOutcome.LockedOut
            ? text["Too many failed attempts: sign-in with this address is locked for 15 minutes. Ask an administrator if you need it sooner."]
            : text["The email or password is not right."];
        Input.Password = "";
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(512)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }
}
