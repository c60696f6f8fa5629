using System.Security.Claims;
using System.Text.Encodings.Web;
using DigitalPartnership.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Api;

/// <summary>
/// The API's one way in: <c>Authorization: Bearer &lt;token&gt;</c>, checked against the store on every request. A
/// wrong, revoked or locked token gets the same 401 with the same words; nothing is logged of the token itself.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, PersonalTokens tokens, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Present (as "true") on the principal of a read-only token.</summary>
    public const string ReadOnlyClaim = "dpp:read-only";

    public const string TokenClaim = "dpp:token";

    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerSecret(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        if (await tokens.CheckAsync(secret, ApiTokenKind.Api, Context.RequestAborted) is not { } holder)
        {
            return AuthenticateResult.Fail("The token is not valid.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, holder.UserId),
            new(ClaimTypes.Name, holder.UserName),
            new(TokenClaim, holder.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(holder.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (holder.ReadOnly)
        {
            claims.Add(new Claim(ReadOnlyClaim, "true"));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // RFC 6750: say that a token was refused, never why (wrong, revoked and locked look the same).
        var sent = BearerSecret(Request) is not null;
        Response.Headers.WWWAuthenticate = sent ? "Bearer realm=\"portal\", error=\"invalid_token\"" : "Bearer realm=\"portal\"";
        return WriteAsync(StatusCodes.Status401Unauthorized, "A valid API token is needed.",
            sent ? "The token is not valid." : "Send a personal API token as 'Authorization: Bearer <token>'. You make one on your account page.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "This token may not do that.",
            Context.User.HasClaim(ReadOnlyClaim, "true")
                ? "The token is read-only: make a token that is not read-only to change anything."
                : "The token's owner does not have a role that may do this.");

    private Task WriteAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    private static string? BearerSecret(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && header.Length > Bearer.Length
            ? header[Bearer.Length..].Trim()
            : null;
    }
}
