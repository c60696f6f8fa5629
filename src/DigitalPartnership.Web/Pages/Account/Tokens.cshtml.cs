using System.ComponentModel.DataAnnotations;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Api;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Account;

/// <summary>
/// A person's tokens for programs that cannot sign in: API tokens (named, carrying the person's roles or only reading,
/// each shown once) and the feed token that feed readers and calendars carry in their addresses.
/// </summary>
public sealed class TokensModel(UserManager<IdentityUser> users, PersonalTokens tokens, IStringLocalizer<TokensModel> text) : PageModel
{
    [BindProperty]
    public NewTokenForm Input { get; set; } = new();

    public IReadOnlyList<ApiToken> ApiTokens { get; private set; } = [];
    public ApiToken? FeedToken { get; private set; }
    public bool CanWrite { get; private set; }

    /// <summary>The secret of the token just made: in this one answer, never again.</summary>
    public string? NewSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user, ct) : Challenge();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var name = Input.Name?.Trim();
        if (TextRules.Problem(text["The name"], name, ApiToken.NameMaxLength, TextKind.SingleLine) is { } problem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", problem);
        }

        if ((await tokens.ActiveOfAsync(user.Id, ct)).Count(t => t.Kind == ApiTokenKind.Api) >= PersonalTokens.MaxActive)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", text["You have {0} API tokens: revoke one you no longer use first.", PersonalTokens.MaxActive]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(user, ct, StatusCodes.Status400BadRequest);
        }

        NewSecret = await tokens.CreateApiTokenAsync(user, name!, Input.ReadOnly, ct);
        // The form starts empty again: the posted name is the token's now, not a draft of the next one.
        ModelState.Clear();
        Input = new NewTokenForm();
        // Shown in the answer to this post, not after a redirect: the secret is never put in a cookie or an address, and
        // no cache may keep the page that holds it.
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync(user, ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        TempData.SetStatusMessage(await tokens.RevokeAsync(user, id, ct)
            ? text["Revoked. Programs that used the token are refused from now on."]
            : text["That token was revoked already."]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFeedTokenAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await tokens.RenewFeedTokenAsync(user, ct);
        TempData.SetStatusMessage(text["Your feed token is ready: the subscribe links on the portal's pages carry it. Addresses with an earlier one stop working."]);
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(IdentityUser user, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var active = await tokens.ActiveOfAsync(user.Id, ct);
        ApiTokens = active.Where(t => t.Kind == ApiTokenKind.Api).ToList();
        FeedToken = active.FirstOrDefault(t => t.Kind == ApiTokenKind.Feed);
        CanWrite = User.IsInRole(PortalRoles.Editor) || User.IsInRole(PortalRoles.Admin);
        return new PageResult { StatusCode = status };
    }

    public sealed class NewTokenForm
    {
        [Display(Name = "Name")]
        [Required(ErrorMessage = "Name the token after the program that will use it.")]
        public string? Name { get; set; }

        [Display(Name = "Read-only: it may read whatever you may, and change nothing")]
        public bool ReadOnly { get; set; }
    }
}
