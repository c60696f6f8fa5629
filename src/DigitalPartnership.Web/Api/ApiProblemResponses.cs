using DigitalPartnership.Web.Feeds;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DigitalPartnership.Web.Api;

/// <summary>
/// Where the portal shows a person an HTML page for an error status (an unknown address, a method not taken), a program
/// calling the API or a feed gets RFC 9457 problem details instead: it asked for data, not a page.
/// </summary>
public sealed class ApiProblemResponses(RequestDelegate next)
{
    public static bool IsApi(PathString path) => path.StartsWithSegments(ApiEndpoints.Prefix) || path.StartsWithSegments(FeedEndpoints.Prefix);

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        await next(context);
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType)
            && IsApi(context.Request.Path))
        {
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context });
        }
    }
}

/// <summary>An unexpected failure in the API or a feed: problem details with the status the pipeline chose (503 when the store is busy).</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!ApiProblemResponses.IsApi(path))
        {
            return false; // a page: the portal's error page says it in words
        }

        var busy = httpContext.Response.StatusCode == StatusCodes.Status503ServiceUnavailable;
        if (busy)
        {
            httpContext.Response.Headers.RetryAfter = "10";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = httpContext.Response.StatusCode,
                Title = busy ? "The store is busy." : "Something went wrong in the portal.",
                Detail = busy ? "Nothing was changed. Try again in a few seconds." : "It is in the portal's log; nothing you sent caused it.",
            },
        });
    }
}
