using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace DigitalPartnership.Tests.Support;

/// <summary>
/// The portal as an operator runs it: its own process (the built DigitalPartnership.Web.dll), on 127.0.0.1 and a free
/// port, its console lines collected as they come. The test that starts one ends it (<see cref="DisposeAsync"/> kills
/// it if it still runs).
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private PortalProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public IReadOnlyCollection<string> Lines => _lines;

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the portal (or a command, with <paramref name="args"/>) of this test run's build with the settings given.</summary>
    public static PortalProcess Start(IReadOnlyDictionary<string, string> settings, params string[] args) =>
        StartFrom(AppContext.BaseDirectory, settings, args);

    /// <summary>Starts the portal built into <paramref name="appFolder"/> (a Release publish, say).</summary>
    public static PortalProcess StartFrom(string appFolder, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(appFolder, "DigitalPartnership.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Portal__SeedsPath"] = TestFiles.Seeds;
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(Path.GetTempPath(), "dpp-test-logs", "process-.log");
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var portal = new PortalProcess(process, port);
        process.OutputDataReceived += (_, e) => portal.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Collect(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return portal;
    }

    /// <summary>Waits until a console line contains <paramref name="text"/>; false if the process ended or time ran out first.</summary>
    public async Task<bool> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            if (_process.HasExited)
            {
                await Task.Delay(100); // the last lines may still be on their way
                return _lines.Any(line => line.Contains(text, StringComparison.Ordinal));
            }

            await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(50));
        }

        return false;
    }

    /// <summary>Polls <c>/health</c> until it answers 200; the time it took, or null if it did not within <paramref name="timeout"/>.</summary>
    public async Task<TimeSpan?> WaitForHealthAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>SIGKILL: the process ends mid-step, with no chance to clean up (kill -9).</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as a service manager stops a service.</summary>
    public void Terminate() => _ = SendSignal(_process.Id, 15);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
            _lineArrived.Release();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
