using System.Security.Claims;
using DigitalPartnership.Core.Accounts;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace DigitalPartnership.Web.Hosting.Http;

/// <summary>
/// Marks a page whose HTML depends only on the store's content, the reader and the day: it may be served again from
/// <see cref="PageCache"/> while none of them changes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CachedByStoreVersionAttribute : Attribute;

/// <summary>
/// Keeps the HTML of the reading pages (those marked <see cref="CachedByStoreVersionAttribute"/>) and serves it again while
/// nothing it depends on has changed. The key holds the store's version (read from the store on every request, so an
/// edit on any instance shows at the very next request), the reader's session and roles (a page carries the reader's
/// name and their form tokens, so pages are never shared between sessions), the reader's time zone and language (times are
/// written in the one, words in the other, and choosing either moves no store version), the partnership the reader is looking at (chosen in the address or
/// remembered in a cookie: the same address shows another partnership's figures), the UTC day (countdowns and
/// "overdue"), and the address. A response that sets a cookie, or a request carrying a message for the next page, is never cached.
/// Bounded by size; entries of an old version simply age out.
/// </summary>
public sealed class PageCache(RequestDelegate next)
{
    /// <summary>The cache's size in bytes of HTML: enough for a few hundred pages, small beside the portal's heap.</summary>
    public const long CapacityBytes = 24 * 1024 * 1024;

    private const int MaxPageBytes = 1024 * 1024;

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = CapacityBytes, CompactionPercentage = 0.25 });

    public async Task InvokeAsync(HttpContext context, TimeProvider time)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<CachedByStoreVersionAttribute>() is null
            || request.Cookies.ContainsKey(Pages.Shared.StatusMessage.CookieName))
        {
            await next(context);
            return;
        }

        var key = new PageKey(
            await StoreVersions.CurrentAsync(context),
            context.User.FindFirstValue(PortalSessions.SessionClaim) ?? "public",
            string.Join(',', PortalRoles.All.Where(context.User.IsInRole)),
            Pages.Shared.ReaderTimeZone.IdOf(context.User),
            System.Globalization.CultureInfo.CurrentUICulture.Name,
            (await Pages.Shared.PartnershipScope.OfAsync(context)).Key,
            DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            request.Path.Value ?? "",
            request.QueryString.Value ?? "");
        if (_pages.TryGetValue(key, out CachedPage? cached))
        {
            context.Response.ContentType = cached!.ContentType;
            context.Response.ContentLength = cached.Body.Length;
            context.Response.Headers.CacheControl = "no-cache, no-store";
            if (HttpMethods.IsGet(request.Method))
            {
                await context.Response.Body.WriteAsync(cached.Body, context.RequestAborted);
            }

            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK
            && response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true
            && !response.Headers.ContainsKey(HeaderNames.SetCookie)
            && buffer.Length is > 0 and <= MaxPageBytes)
        {
            var page = new CachedPage(response.ContentType, buffer.ToArray());
            _pages.Set(key, page, new MemoryCacheEntryOptions { Size = page.Body.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private sealed record PageKey(long StoreVersion, string Session, string Roles, string TimeZone, string Language, string Partnership, DateOnly Day, string Path, string Query);

    private sealed record CachedPage(string ContentType, byte[] Body);
}
