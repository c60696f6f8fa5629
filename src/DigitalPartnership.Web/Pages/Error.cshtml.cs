using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalPartnership.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";

    /// <summary>The store was locked or full: a passing condition the reader can simply retry.</summary>
    public bool Busy { get; private set; }

    public void OnGet()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Busy = Response.StatusCode == StatusCodes.Status503ServiceUnavailable;
        if (Busy)
        {
            Response.Headers.RetryAfter = "10";
        }
    }

    public void OnPost() => OnGet();
}
