using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalPartnership.Web.Hosting.Http;

/// <summary>
/// Remembers the partnership a page's address chose (<c>?partnership=…</c>, which is what the header's switcher sends), so
/// the next page without it shows the same partnership. Pages only: the API's <c>partnership</c> filter is no choice of a
/// reader's. A slug that names no partnership is not remembered. The cookie is set before the page runs, and a response
/// that sets a cookie is never kept by <see cref="PageCache"/>.
/// </summary>
public sealed class RememberedPartnership(RequestDelegate next)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(365);

    public async Task InvokeAsync(HttpContext context)
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.Request.Query.ContainsKey(PartnershipScope.QueryName)
            && context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        {
            var scope = await PartnershipScope.OfAsync(context);
            if (scope.FromAddress && context.Request.Cookies[PartnershipScope.CookieName] != scope.Key)
            {
                context.Response.Cookies.Append(PartnershipScope.CookieName, scope.Key, new CookieOptions
                {
                    HttpOnly = true,
                    IsEssential = true, // a reader's own choice of what to see, like the time zone; it tracks nobody
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    MaxAge = KeptFor,
                    Path = "/",
                });
            }
        }

        await next(context);
    }
}
