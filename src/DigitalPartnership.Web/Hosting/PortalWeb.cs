using Microsoft.AspNetCore.Diagnostics;
using System.Text.Json;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using DigitalPartnership.Web.Hosting.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace DigitalPartnership.Web.Hosting;

/// <summary>The HTTP surface: services and the request pipeline, kept here so Program.cs reads as a table of contents.</summary>
public static class PortalWeb
{
    private const string Ready = "ready";

    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services));
        return builder;
    }

    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddPortalLocalization();
        services.AddRazorPages(pages =>
            {
                pages.Conventions.AuthorizeFolder("/Admin", PortalAccounts.CanAdminister);
                pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
                pages.Conventions.AllowAnonymousToPage("/Account/SignOut");
            })
            .AddMvcOptions(mvc =>
            {
                mvc.Filters.Add(new MethodNotAllowedFilter());
                mvc.ModelBinderProviders.Insert(0, new BooleanFieldBinderProvider());
            })
            .AddViewLocalization()
            // A form's messages ([Required(ErrorMessage = …)] on a page's InputModel) are translated with its page's.
            .AddDataAnnotationsLocalization(annotations =>
                annotations.DataAnnotationLocalizerProvider = (type, factory) => factory.Create(type.DeclaringType ?? type));
        services.Configure<CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.Name = Pages.Shared.StatusMessage.CookieName; // a "Saved." message carried to the next page
            tempData.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            tempData.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "dpp.form";
            // Secure whenever the request is https (directly or, with forwarded headers, at the proxy).
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddSingleton<MarkdownRenderer>();
        services.AddMemoryCache(cache => cache.SizeLimit = 1000);
        services.AddHostedService<StorePreparationService>();
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready]);
        services.AddPortalApi();
        return services;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        // Behind nginx: the client's address and scheme as the proxy saw them, from trusted proxies only.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.KnownProxies)
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(forwarded);
        // Before the error pages, so that a failure is explained in the reader's language too. The API, its document and
        // the feeds answer programs: their words stay English whatever the reader's browser asks.
        app.UseWhen(context => !PortalCultures.IsForPrograms(context.Request.Path), pages => pages.UseRequestLocalization());
        Pages.Shared.Display.Words = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<PortalText>>();

        // Readers never see a stack trace, in any environment: the error page says what happened and what to do.
        // A database locked past the busy timeout, or a full disk, passes: 503 and "try again", not a 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = e => app.Services.GetRequiredService<IStoreProvider>().IsUnavailable(e)
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        // The exception handler re-executes /error with the failed request's query string: a form posted to a named
        // handler ("?handler=Link") would ask the error page for that handler, which it lacks, and answer 404.
        app.UseWhen(context => context.Features.Get<IExceptionHandlerPathFeature>() is not null, error => error.Use((context, next) =>
        {
            context.Request.QueryString = QueryString.Empty;
            return next(context);
        }));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseSerilogRequestLogging(logging => logging.GetLevel = (context, _, exception) =>
            context.RequestAborted.IsCancellationRequested ? LogEventLevel.Information
            : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : LogEventLevel.Information);

        // A reader who leaves before the page is ready cancels its queries: that is no error of the portal's. Caught
        // inside the request log, so the log says 499 without a stack, and no error page is attempted for nobody.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = 499; // client closed request
                }
            }
        });
        app.UseMiddleware<RequestTextGuard>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RememberedPartnership>();
        app.UseMiddleware<PageCache>();
        app.MapGet("/css/status-colours.css", StatusColoursCss).AllowAnonymous();
        // /health: everything, for people; /health/live: the process answers (restart it if not); /health/ready: the store
        // is reachable and at the code's migration (send it traffic only then) — what a proxy or orchestrator polls.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteHealthAsync })
            .AllowAnonymous();
        app.MapPortalApi();
        app.MapLanguageSwitch();
        app.MapRazorPages();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            app.Logger.LogInformation("Digital Partnership Portal is ready at {Urls} ({Environment})",
                string.Join(", ", addresses), app.Environment.EnvironmentName);
        });
        return app;
    }

    /// <summary>The status colours as CSS variables, from the one place they are defined.</summary>
    private static IResult StatusColoursCss() => Results.Text(
        ":root {\n" + string.Concat(DeliverableStatusText.All.Select(s => $"    --status-{s.Slug()}: {s.Colour()};\n")) + "}\n",
        "text/css");

    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
