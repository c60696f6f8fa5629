using Microsoft.Net.Http.Headers;

namespace DigitalPartnership.Web.Hosting.Http;

/// <summary>
/// The portal's forms are UTF-8. A request body that says it is in another character set (UTF-7, say, which .NET
/// cannot even decode) is refused with 400 and a sentence, before anything tries to read it.
/// </summary>
public sealed class RequestCharset(RequestDelegate next)
{
    private static readonly string[] Accepted = ["utf-8", "utf8", "us-ascii"];

    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (contentType is not null
            && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && mediaType.Charset.HasValue
            && !Accepted.Contains(mediaType.Charset.Value.Trim('"'), StringComparer.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync($"The request says its text is in \"{mediaType.Charset.Value}\"; the portal takes UTF-8 only.");
        }

        return next(context);
    }
}
