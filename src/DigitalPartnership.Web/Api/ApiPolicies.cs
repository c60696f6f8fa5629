using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace DigitalPartnership.Web.Api;

/// <summary>
/// Who may call what. Each policy is answered by the token scheme alone, so a sign-in cookie never reaches the API (no
/// cross-site request can write through it); writing and reporting ask the portal's own policies, so a token can do what
/// its owner's pages allow — and a read-only token never writes.
/// </summary>
public static class ApiPolicies
{
    public const string Read = "api-read";
    public const string Edit = "api-edit";
    public const string Report = "api-report";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, Token().Build());
        options.AddPolicy(Edit, Token().Combine(Portal(options, PortalAccounts.CanEdit))
            .RequireAssertion(context => !context.User.HasClaim(ApiTokenAuthenticationHandler.ReadOnlyClaim, "true")).Build());
        options.AddPolicy(Report, Token().Combine(Portal(options, PortalAccounts.CanReport)).Build());
    }

    private static AuthorizationPolicyBuilder Token() =>
        new AuthorizationPolicyBuilder(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser();

    private static AuthorizationPolicy Portal(AuthorizationOptions options, string name) =>
        options.GetPolicy(name) ?? throw new InvalidOperationException($"The portal's {name} policy is not registered before the API's.");
}
