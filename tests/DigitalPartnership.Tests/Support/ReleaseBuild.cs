using System.Diagnostics;

namespace DigitalPartnership.Tests.Support;

/// <summary>
/// The Release build of the portal, as deployed: the folder PORTAL_RELEASE_BUILD names (CI publishes it before the
/// tests), or a publish this test run makes once into a temporary folder.
/// </summary>
public static class ReleaseBuild
{
    private static readonly Lazy<string> Published = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder() =>
        Environment.GetEnvironmentVariable("PORTAL_RELEASE_BUILD") is { Length: > 0 } folder ? folder : Published.Value;

    private static string Publish()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DigitalPartnership.sln")))
        {
            root = root.Parent;
        }

        var output = Path.Combine(Path.GetTempPath(), $"dpp-release-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(root!.FullName, "src", "DigitalPartnership.Web"), "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed: {log.Result}{errors}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(output, recursive: true);
        return output;
    }
}
