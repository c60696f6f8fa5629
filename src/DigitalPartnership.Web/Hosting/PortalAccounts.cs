using System.Globalization;
using System.Threading.RateLimiting;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Hosting;

/// <summary>Who may do what: Identity on the portal's store, the role policies, the sign-in limits and the cookie.</summary>
public static class PortalAccounts
{
    public const string CanEdit = nameof(CanEdit);
    public const string CanReport = nameof(CanReport);
    public const string CanAdminister = nameof(CanAdminister);
    public const string SignInLimit = "sign-in";

    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                // Long passwords without composition rules, as current guidance recommends.
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<PortalIdentityErrors>()
            .AddPasswordValidator<PasswordRules>();
        services.AddScoped<PortalSessions>();
        // One for the process, made from the first request's context: the store's driver, connection string and names.
        services.AddSingleton(sp =>
        {
            using var scope = sp.CreateScope();
            return new SessionStateReader(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
        });
        services.AddScoped<PortalSignIn>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((cookie, environment) =>
            {
                cookie.LoginPath = "/account/signin";
                cookie.LogoutPath = "/account/signout";
                cookie.Cookie.Name = "dpp.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing")
                    ? CookieSecurePolicy.SameAsRequest
                    : CookieSecurePolicy.Always;
                cookie.ExpireTimeSpan = PortalSessions.Lifetime;
                cookie.SlidingExpiration = true;
                // Each request checks its session in the store (one indexed read) instead of Identity's periodic rebuild:
                // sign-out, a lock and a role change all take effect at the next request, on every instance.
                cookie.Events.OnValidatePrincipal = PortalSessions.ValidateAsync;
                // Relative, so a forged Host header is never echoed into a redirect.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.Redirect(PathAndQuery(context.RedirectUri));
                    return Task.CompletedTask;
                };
                // Signed in but not allowed: answer 403 with the portal's page, not a redirect to nowhere.
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });

        // After the cookie handler's own post-configuration has made its ticket format from the key ring.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure(cookie => cookie.TicketDataFormat = new KeptTickets(cookie.TicketDataFormat));

        services.AddAuthorizationBuilder()
            .AddPolicy(CanEdit, policy => policy.RequireRole(PortalRoles.Editor, PortalRoles.Admin))
            .AddPolicy(CanReport, policy => policy.RequireRole(PortalRoles.Manager, PortalRoles.Admin))
            .AddPolicy(CanAdminister, policy => policy.RequireRole(PortalRoles.Admin));
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<PortalOptions>>((authorization, portal) =>
            authorization.FallbackPolicy = portal.Value.PublicReadOnly
                ? null
                : new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                var text = rejected.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>()
                    .Create(typeof(PortalAccounts));
                await response.WriteAsync(text["Too many sign-in attempts from this address. Try again in {0} seconds.", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))], ct);
            };
            limiter.AddPolicy(SignInLimit, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var perMinute = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        // The key ring lives in the store: sessions and forms survive a restart, and a cookie or form token issued by one
        // instance is accepted by every other.
        services.AddDataProtection().SetApplicationName("DigitalPartnershipPortal").PersistKeysToDbContext<PortalDbContext>();
        return services;
    }

    /// <summary>"https://host/account/signin?ReturnUrl=%2F" → "/account/signin?ReturnUrl=%2F".</summary>
    private static string PathAndQuery(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : uri;
}
