using DigitalPartnership.Web.Api;
using DigitalPartnership.Web.Feeds;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// The open API (<c>/api/v1</c>, its OpenAPI description), the Atom feeds and the calendar: their token scheme, policies,
/// rate limit, problem details and endpoints, registered here so the rest of the portal meets them in two lines.
/// </summary>
public static class PortalApi
{
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddOptions<PortalApiOptions>().BindConfiguration(PortalApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddScoped<PersonalTokens>();
        services.AddScoped<ChangeFeed>();
        services.AddScoped<MilestoneCalendar>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        // After the portal's own policies are registered, whatever the order of registration: the API's combine them.
        services.AddOptions<AuthorizationOptions>().PostConfigure(ApiPolicies.Add);
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy<string, TokenRateLimit>(TokenRateLimit.Name));
        services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);
        return services;
    }

    /// <summary>Maps the API, the feeds and the OpenAPI document; call after authorization and before the pages.</summary>
    public static WebApplication MapPortalApi(this WebApplication app)
    {
        app.UseMiddleware<ApiProblemResponses>();
        ApiEndpoints.Map(app);
        FeedEndpoints.Map(app);
        // Read like a page: by anyone signed in, or by anyone on a public portal. It describes the API, not its data.
        app.MapOpenApi(ApiDocument.Path).WithName(ApiDocument.EndpointName);
        return app;
    }
}
