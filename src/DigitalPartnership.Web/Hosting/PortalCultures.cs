using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using DigitalPartnership.Core.Domain;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// The portal's two interface languages, English and Japanese. The reader's choice (the switch in the header, kept in a
/// cookie) decides; otherwise the browser's Accept-Language; anything else is English. Texts are English keys in the
/// code, translated by the <c>.ja.resx</c> files under <c>Resources/</c> (one per view or class, and
/// <see cref="PortalText"/> for words every page uses).
/// </summary>
public static class PortalCultures
{
    public const string CookieName = "dpp.lang";

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");

    public static IReadOnlyList<CultureInfo> All { get; } = [English, Japanese];

    /// <summary>True when the current request is read in Japanese.</summary>
    public static bool IsJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Japanese.Name;

    /// <summary>The <c>lang</c> of the page being written: "en" or "ja".</summary>
    public static string Language => IsJapanese ? Japanese.Name : English.Name;

    /// <summary>The culture a language writes dates and numbers in: British English, or Japanese as written in Japan.</summary>
    public static CultureInfo Formatting => IsJapanese ? JapanFormatting : BritishFormatting;

    private static readonly CultureInfo BritishFormatting = CultureInfo.GetCultureInfo("en-GB");

    private static readonly CultureInfo JapanFormatting = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>The addresses programs read (the API, the OpenAPI document, feeds and calendars): always English.</summary>
    public static bool IsForPrograms(PathString path) =>
        path.StartsWithSegments("/api/v1") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/feeds");

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        // Registered before AddLocalization, which then keeps it: every lookup passes TranslationGaps on its way.
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, TranslationGaps.Factory>();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(English);
            options.SupportedCultures = [.. All];
            options.SupportedUICultures = [.. All];
            options.FallBackToParentCultures = true; // "ja-JP" and "en-US" ask for Japanese and English
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// <c>GET /language?to=ja&amp;return=/deliverables/12</c>: remembers the reader's language and goes back to the page
    /// they were on. An unknown language is English; a return address off the portal is the dashboard.
    /// </summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/language", (HttpContext context, string? to, string? @return) =>
        {
            var culture = All.FirstOrDefault(c => string.Equals(c.Name, to, StringComparison.OrdinalIgnoreCase)) ?? English;
            context.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true, // a preference the reader set themselves, not tracking
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
                });
            var local = @return is { Length: > 0 } && @return[0] == '/' && !@return.StartsWith("//", StringComparison.Ordinal)
                && !@return.StartsWith("/\\", StringComparison.Ordinal);
            return Results.Redirect(local ? context.Request.PathBase + @return : context.Request.PathBase + "/");
        }).AllowAnonymous();

    /// <summary>The address of the language switch that brings the reader back to the page they are on.</summary>
    public static string SwitchTo(HttpContext context, CultureInfo culture) =>
        $"{context.Request.PathBase}/language{QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("to", culture.Name),
            new("return", context.Request.Path + context.Request.QueryString),
        })}";
}

/// <summary>Shared words that need a little more than a look-up.</summary>
public static class PortalTextWords
{
    /// <summary>"In progress", "進行中": a status as the reader reads it (addresses and the API keep the English slug).</summary>
    public static string Status(this IStringLocalizer<PortalText> words, DeliverableStatus status) =>
        words[status.DisplayName()];
}
