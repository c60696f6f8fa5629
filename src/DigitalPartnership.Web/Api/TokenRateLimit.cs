using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Api;

/// <summary>
/// So many requests a minute per token — the bearer token of an API call, the token in a feed's address — or, without
/// one, per client address. The limiter runs before authentication, so the partition is a hash of what was sent, never
/// the secret itself; a guessed token is a partition of its own that authentication then refuses.
/// </summary>
public sealed class TokenRateLimit : IRateLimiterPolicy<string>
{
    public const string Name = "api-token";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var perMinute = httpContext.RequestServices.GetRequiredService<IOptions<PortalApiOptions>>().Value.RequestsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(PartitionOf(httpContext),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, _) =>
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This token has made its requests for this minute. Try again in {seconds} seconds.",
            },
        });
    };

    private static string PartitionOf(HttpContext context)
    {
        var sent = context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization
            ? authorization
            : context.Request.Query["token"].ToString();
        return sent.Length > 0
            ? "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sent)))
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local");
    }
}
