using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalPartnership.Web.Hosting.Http;

/// <summary>
/// A request with a method the page has no handler for (POST to a read-only page, TRACE, PUT…) is answered 405 with the
/// methods it does take in <c>Allow</c>, and a handler name the page does not have is a 404. Without this, Razor Pages
/// renders such a page with no handler run, on a model that was never loaded. Runs before antiforgery validation, so
/// the method is judged before the token.
/// </summary>
public sealed class MethodNotAllowedFilter : IAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor is not CompiledPageActionDescriptor page)
        {
            return;
        }

        var request = context.HttpContext.Request;
        var method = HttpMethods.IsHead(request.Method) ? HttpMethods.Get : request.Method;
        var handlerName = context.RouteData.Values["handler"] as string ?? request.Query["handler"].FirstOrDefault();
        var allowed = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (page.HandlerMethods.Count == 0)
        {
            allowed.Add(HttpMethods.Get); // a page without handlers is only rendered
        }

        if (!allowed.Contains(method.ToUpperInvariant()))
        {
            if (allowed.Contains(HttpMethods.Get))
            {
                allowed.Add(HttpMethods.Head);
            }

            context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed.Order(StringComparer.Ordinal));
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        var named = !string.IsNullOrEmpty(handlerName);
        var found = page.HandlerMethods.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
            && (named ? string.Equals(h.Name, handlerName, StringComparison.OrdinalIgnoreCase) : h.Name is null));
        if (!found && (named || page.HandlerMethods.Count > 0))
        {
            context.Result = new NotFoundResult();
        }
    }
}
