using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Web.Api;
using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Feeds;

/// <summary>
/// Atom feeds of changes (the whole portal, an area, an outcome, a partnership) and the milestones calendar. Feed readers
/// and calendars cannot sign in, so the address carries the person's feed token; in a browser the sign-in session does,
/// and a public portal needs neither. Every answer is read from the store when asked, with an ETag.
/// </summary>
public static class FeedEndpoints
{
    public const string Prefix = "/feeds";
    public const string TokenParameter = "token";

    public const string AtomMediaType = "application/atom+xml";
    public const string CalendarMediaType = "text/calendar";

    public static void Map(IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup(Prefix).WithTags("Feeds")
            .AllowAnonymous() // the feed token, the session or a public portal decide, below
            .AddEndpointFilter(RequireReaderAsync)
            .RequireRateLimiting(TokenRateLimit.Name);
        feeds.MapGet("/changes.atom", (ChangeFeed feed, HttpContext http, CancellationToken ct) => feed.OfPortalAsync(http, ct))
            .WithName(FeedKinds.Changes).Atom("Changes to every deliverable, the latest first");
        feeds.MapGet("/areas/{slug}.atom", (string slug, ChangeFeed feed, HttpContext http, CancellationToken ct) => feed.OfAreaAsync(slug, http, ct))
            .WithName(FeedKinds.Area).Atom("Changes to the deliverables filed under one area");
        feeds.MapGet("/outcomes/{slug}.atom", (string slug, ChangeFeed feed, HttpContext http, CancellationToken ct) => feed.OfOutcomeAsync(slug, http, ct))
            .WithName(FeedKinds.Outcome).Atom("Changes to the deliverables of one key outcome");
        feeds.MapGet("/partnerships/{slug}.atom", (string slug, ChangeFeed feed, HttpContext http, CancellationToken ct) => feed.OfPartnershipAsync(slug, http, ct))
            .WithName(FeedKinds.Partnership).Atom("Changes to the deliverables of one partnership");
        feeds.MapGet("/milestones.ics", (MilestoneCalendar calendar, HttpContext http, CancellationToken ct) => calendar.WriteAsync(http, ct))
            .WithName(FeedKinds.Milestones)
            .WithSummary("An iCalendar (RFC 5545) of the next Councils and the open deliverables' target dates")
            .Produces(StatusCodes.Status200OK, contentType: CalendarMediaType)
            .Produces(StatusCodes.Status304NotModified)
            .WithResponseExample(ApiExamples.Calendar);
    }

    private static RouteHandlerBuilder Atom(this RouteHandlerBuilder builder, string summary) => builder
        .WithSummary(summary)
        .Produces(StatusCodes.Status200OK, contentType: AtomMediaType)
        .Produces(StatusCodes.Status304NotModified)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithResponseExample(ApiExamples.AtomFeed);

    /// <summary>A feed token in the address decides alone (a wrong or revoked one is 401 even on a public portal, so its owner learns of it).</summary>
    private static async ValueTask<object?> RequireReaderAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = http.Request.Query[TokenParameter].ToString();
        var allowed = token.Length > 0
            ? await http.RequestServices.GetRequiredService<PersonalTokens>().CheckAsync(token, ApiTokenKind.Feed, http.RequestAborted) is not null
            : http.User.Identity?.IsAuthenticated == true || http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.PublicReadOnly;
        return allowed
            ? await next(context)
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A feed token is needed.",
                detail: token.Length > 0
                    ? "The feed token is not valid."
                    : "Add your feed token to the address (?token=…): copy the subscribe link from a page of the portal, or make a token on your account page.");
    }
}

/// <summary>The feeds by the names their links are made with (<see cref="SubscribeLinkTagHelper"/>).</summary>
public static class FeedKinds
{
    public const string Changes = "changes";
    public const string Area = "area-changes";
    public const string Outcome = "outcome-changes";
    public const string Partnership = "partnership-changes";
    public const string Milestones = "milestones";

    public static bool IsCalendar(string kind) => kind == Milestones;
}

/// <summary>A feed or calendar's bytes, answered through <see cref="ConditionalGet"/>.</summary>
public sealed class FeedResult(byte[] body, string mediaType) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => ConditionalGet.WriteAsync(httpContext, body, $"{mediaType}; charset=utf-8");

    public static Results<FeedResult, ProblemHttpResult> NotFound(string what) => ApiResults.NotFound(what);
}
