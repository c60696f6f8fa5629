using System.Runtime.InteropServices;
using DigitalPartnership.Core.Data;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Starting and stopping the portal as a service manager expects: the settings are checked and the store is prepared
/// before the request pipeline is built and the server starts; a stop
/// (SIGTERM, Ctrl+C) at any moment of start-up ends the process cleanly with exit code 0; a store that cannot be used
/// ends it with exit code 1 and one line saying what to fix, never a stack trace.
/// </summary>
public static class PortalHost
{
    public const int Stopped = 0;
    public const int StoreUnusable = 1;

    /// <summary>Checks the settings and prepares the store; null when the portal can serve, else the exit code to end with.</summary>
    public static Task<int?> PrepareAsync(WebApplication app) => PrepareStoreAsync(app.Services, app.Logger);

    /// <summary>Serves until stopped.</summary>
    public static async Task<int> ServeAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopped while the server was starting: the host has already shut down what it started.
        }

        return Stopped;
    }

    /// <summary>Prepares the store; null when it is ready, else the exit code to end with.</summary>
    public static async Task<int?> PrepareStoreAsync(IServiceProvider services, ILogger logger)
    {
        using var stopping = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // we end the process ourselves, cleanly, once the current step has let go
            stopping.Cancel();
        }

        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        try
        {
            _ = services.GetRequiredService<IOptions<PortalOptions>>().Value; // settings first: a mistake there is one line too
            await services.GetRequiredService<StorePreparation>().PrepareAsync(stopping.Token);
            return null;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogInformation("Stopped during start-up; the next start takes up where this one stopped");
            return Stopped;
        }
        catch (StoreStartupException e)
        {
            logger.LogCritical("Cannot start: {Problem}", e.Message);
            return StoreUnusable;
        }
        catch (OptionsValidationException e)
        {
            logger.LogCritical("Cannot start: {Problem}", string.Join(" ", e.Failures));
            return StoreUnusable;
        }
    }
}
