using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace DigitalPartnership.Web.Api;

/// <summary>
/// The answer to a GET of the API or a feed: the bytes with their ETag, or 304 Not Modified when the client's
/// If-None-Match already names them. Every answer is made from the store at the time of asking, so the tag changes
/// the moment the data does, and a feed reader polling every few minutes costs one query and no transfer.
/// </summary>
public static class ConditionalGet
{
    /// <summary>A strong ETag of <paramref name="body"/>: the first 128 bits of its SHA-256.</summary>
    public static string TagOf(ReadOnlySpan<byte> body) => $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";

    public static async Task WriteAsync(HttpContext context, byte[] body, string contentType, string? etag = null)
    {
        var response = context.Response;
        etag ??= TagOf(body);
        response.Headers.ETag = etag;
        // Each answer depends on who asks (a token, a session): shared caches must not keep it, and a client's own copy
        // is checked with the ETag before use.
        response.Headers.CacheControl = "private, no-cache";
        if (Matches(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Whether If-None-Match names <paramref name="etag"/> (weakly, as RFC 9110 says for GET) or is "*".</summary>
    private static bool Matches(HttpRequest request, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
        {
            return false;
        }

        var ours = EntityTagHeaderValue.Parse(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ours, useStrongComparison: false));
    }
}
