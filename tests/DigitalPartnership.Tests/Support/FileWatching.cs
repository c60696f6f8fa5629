using System.Runtime.CompilerServices;

namespace DigitalPartnership.Tests.Support;

/// <summary>
/// The suite starts many portals at once, in this process and as child processes; each would watch its settings files
/// through inotify, and Linux allows a user 128 inotify instances by default, so a full run failed at random with
/// "The configured user limit (128) on the number of inotify instances has been reached". Tests never edit settings
/// files while a portal runs: no reloading, and any watcher that remains polls instead.
/// </summary>
internal static class FileWatching
{
    [ModuleInitializer]
    internal static void TurnOff()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
