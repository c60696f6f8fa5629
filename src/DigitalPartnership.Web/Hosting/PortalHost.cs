using System.Runtime.InteropServices;
using DigitalPartnership.Core.Data;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Starting and stopping the portal as a service manager expects: the store is prepared before the server starts; a stop
/// (SIGTERM, Ctrl+C) at any moment of start-up ends the process cleanly with exit code 0; a store that cannot be used
/// ends it with exit code 1 and one line saying what to fix, never a stack trace.
/// </summary>
public static class PortalHost
{
    public const int Stopped = 0;
    public const int StoreUnusable = 1;

    public static async Task<int> RunAsync(WebApplication app)
    {
        if (await PrepareStoreAsync(app.Services, app.Logger) is { } exitCode)
        {
            return exitCode;
        }

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
