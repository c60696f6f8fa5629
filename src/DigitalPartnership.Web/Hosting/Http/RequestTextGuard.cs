using Microsoft.Net.Http.Headers;

namespace DigitalPartnership.Web.Hosting.Http;

/// <summary>
/// Text the portal cannot take is refused with 400 and a sentence before anything reads it: a body in another character
/// set than UTF-8 (UTF-7, say, which .NET cannot even decode), and the NUL character in an address or a form, which no
/// person types and PostgreSQL refuses to store or compare.
/// </summary>
public sealed class RequestTextGuard(RequestDelegate next)
{
    private static readonly string[] Accepted = ["utf-8", "utf8", "us-ascii"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentType is { } contentType
            && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && mediaType.Charset.HasValue
            && !Accepted.Contains(mediaType.Charset.Value.Trim('"'), StringComparer.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, $"The request says its text is in \"{mediaType.Charset.Value}\"; the portal takes UTF-8 only.");
            return;
        }

        var hasNul = request.Query.Any(pair => pair.Key.Contains('\0') || pair.Value.Any(value => value?.Contains('\0') == true));
        if (!hasNul && request.HasFormContentType)
        {
            // The form is read once and kept on the request: model binding reuses it.
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e)
            {
                await RefuseAsync(context, $"The form could not be read: {e.Message}");
                return;
            }

            hasNul = form.Any(pair => pair.Key.Contains('\0') || pair.Value.Any(value => value?.Contains('\0') == true));
        }

        if (hasNul)
        {
            await RefuseAsync(context, "The request holds a NUL character, which is not text; type or paste it again as plain text.");
            return;
        }

        await next(context);
    }

    private static Task RefuseAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message);
    }
}
