using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>
/// The line a page shows once after a post redirected to it ("Saved."). It travels in TempData, never in the address,
/// so a link cannot make the portal announce a change that did not happen. <c>_StatusMessage.cshtml</c> shows it.
/// </summary>
public static class StatusMessage
{
    private const string Key = nameof(StatusMessage);

    /// <summary>The cookie TempData travels in (configured in Hosting/PortalWeb.cs).</summary>
    public const string CookieName = "dpp.message";

    /// <summary>Keeps <paramref name="message"/> for the next page that shows status messages.</summary>
    public static void SetStatusMessage(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    /// <summary>
    /// The message, marked as read: it is shown once. TempData is opened only when the request carries its cookie:
    /// opening it makes the response delete the cookie, and a response that sets a cookie is never kept by the page cache.
    /// </summary>
    public static string? TakeStatusMessage(this ITempDataDictionary tempData, HttpRequest request) =>
        request.Cookies.ContainsKey(CookieName) ? tempData[Key] as string : null;
}
