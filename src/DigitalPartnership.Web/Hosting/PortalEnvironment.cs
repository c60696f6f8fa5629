using System.Reflection;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Which environment the portal runs in, and where it listens, when nobody said. We ship no launchSettings.json:
/// <c>dotnet run</c> prints "Using launch settings from …" on stdout, which would spoil <c>import --dry-run --json</c>.
/// Instead a Debug build (what <c>dotnet run</c> makes from source) is Development and a Release build (what
/// <c>dotnet publish</c> makes) is Production, unless ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or
/// <c>--environment</c> says otherwise.
/// </summary>
public static class PortalEnvironment
{
    /// <summary>Where a Development portal listens when no setting names an address.</summary>
    public const string DevelopmentUrls = "http://localhost:5080";

    public static WebApplicationOptions Options(string[] args)
    {
        // Started from another folder (a test, a service manager), the portal still finds the settings beside its binaries.
        var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory;
        var given = HostSettings(args);
        // Only when the portal is the program being run: a test host chooses its own environment and server.
        var isPortal = Assembly.GetEntryAssembly() == typeof(PortalEnvironment).Assembly;
        var defaultEnvironment = given["environment"] is { Length: > 0 } || !isPortal ? null : BuildDefault;
        var environment = given["environment"] is { Length: > 0 } named ? named : defaultEnvironment ?? Environments.Production;
        var listenByDefault = isPortal && string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase)
            && !NamesAnAddress(given, environment, contentRoot ?? Directory.GetCurrentDirectory());

        return new WebApplicationOptions
        {
            // Command-line values outrank every other source, so the default is added only once nothing else names an address.
            Args = listenByDefault ? [.. args, $"--urls={DevelopmentUrls}"] : args,
            ContentRootPath = contentRoot,
            EnvironmentName = defaultEnvironment,
        };
    }

    /// <summary>
    /// The settings the host reads before the app's own (ASPNETCORE_ over DOTNET_ environment variables, the command line
    /// over both), as the host will read them.
    /// </summary>
    private static IConfiguration HostSettings(string[] args) =>
        new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();

    /// <summary>
    /// True when anything the portal will read names where to listen: <c>urls</c>, <c>http_ports</c> or
    /// <c>https_ports</c> (from ASPNETCORE_URLS, DOTNET_URLS, ASPNETCORE_HTTP_PORTS…, <c>--urls</c>, or the appsettings
    /// files), or Kestrel endpoints in the appsettings files. Containers and hosting tools set the port this way.
    /// </summary>
    private static bool NamesAnAddress(IConfiguration given, string environment, string contentRoot)
    {
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(contentRoot, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(contentRoot, $"appsettings.{environment}.json"), optional: true)
            .AddConfiguration(given)
            .Build();
        return new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(settings[key]))
            || settings.GetSection("Kestrel:Endpoints").GetChildren().Any();
    }

#if DEBUG
    private const string BuildDefault = "Development";
#else
    private const string BuildDefault = "Production";
#endif
}
