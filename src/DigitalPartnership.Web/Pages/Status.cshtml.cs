using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages;

/// <summary>The page shown for an error status (404 and friends), keeping the status code of the original request.</summary>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class StatusModel(IStringLocalizer<StatusModel> text) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public IActionResult OnGet(int code)
    {
        // Reached directly (/status/404) rather than re-executed: there is no such page.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            return NotFound();
        }

        var (heading, explanation) = code switch
        {
            404 => ("Page not found", "There is no page at this address. The outcome, area, meeting or deliverable may have a different address, or it may not exist."),
            400 => ("The request could not be understood", "Something in the address or the form was not valid."),
            403 => ("Not allowed", "Your account may not open this page."),
            405 => ("Not allowed", "This page cannot be used that way."),
            _ => ("Something went wrong", "The portal could not answer this request."),
        };
        (Heading, Explanation) = (text[heading].Value, text[explanation].Value);
        return Page();
    }

    public IActionResult OnPost(int code) => OnGet(code);
}
