using System.Text.Json;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Serilog;

namespace DigitalPartnership.Web.Hosting;

/// <summary>The HTTP surface: services and the request pipeline, kept here so Program.cs reads as a table of contents.</summary>
public static class PortalWeb
{
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
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Admin", PortalAccounts.CanAdminister);
            pages.Conventions.AllowAnonymousToFolder("/Account");
        });
        services.AddSingleton<MarkdownRenderer>();
        services.AddMemoryCache(cache => cache.SizeLimit = 1000);
        services.AddHostedService<StorePreparationService>();
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        return services;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        // A reader who leaves before the page is ready cancels its queries: that is no error of the portal's.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                context.Response.StatusCode = 499; // client closed request; nobody is there to read it
            }
        });

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
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/css/status-colours.css", StatusColoursCss).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
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
