namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Which environment the portal runs in when nobody said. We ship no launchSettings.json: <c>dotnet run</c> prints
/// "Using launch settings from …" on stdout, which would spoil <c>import --dry-run --json</c>. Instead a Debug build
/// (what <c>dotnet run</c> makes from source) is Development and a Release build (what <c>dotnet publish</c> makes) is
/// Production, unless ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT says otherwise.
/// </summary>
public static class PortalEnvironment
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        // Started from another folder (a test, a service manager), the portal still finds the settings beside its binaries.
        ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
        // Only when the portal is the program being run: a test host chooses its own environment.
        EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 }
            || System.Reflection.Assembly.GetEntryAssembly() != typeof(PortalEnvironment).Assembly
                ? null
                : BuildDefault,
    };

#if DEBUG
    private const string BuildDefault = "Development";
#else
    private const string BuildDefault = "Production";
#endif
}
