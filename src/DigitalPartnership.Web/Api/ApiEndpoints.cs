namespace DigitalPartnership.Web.Api;

/// <summary>
/// <c>/api/v1</c>: every endpoint reads with any valid API token, is limited per token, and answers JSON or problem details.
/// Writing and reporting ask for more (<see cref="ApiPolicies"/>).
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(ApiPolicies.Read)
            .RequireRateLimiting(TokenRateLimit.Name);
        CatalogueEndpoints.Map(api);
        DeliverableEndpoints.Map(api);
        PlanningEndpoints.Map(api);
    }
}
