using System.Net;
using System.Net.Sockets;
using DigitalPartnership.Tests.Support;
using Microsoft.Data.Sqlite;

namespace DigitalPartnership.Tests.Web;

/// <summary>
/// Where the built portal listens in Development: wherever ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS or --urls say, as
/// containers and hosting tools set it; http://localhost:5080 only when nothing names an address.
/// </summary>
public sealed class PortalAddressTests : IDisposable
{
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(60);
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"dpp-address-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task In_Development_ASPNETCORE_URLS_decides_where_the_portal_listens()
    {
        await using var portal = PortalProcess.Start(Development()); // PortalProcess names a free port in ASPNETCORE_URLS

        Assert.True(await portal.WaitForHealthAsync(StartWithin) is not null, $"no answer at {portal.BaseAddress}:\n{portal.Output}");
        Assert.Contains(portal.Lines, line => line.Contains($"ready at {portal.BaseAddress.ToString().TrimEnd('/')} (Development)"));
    }

    [Theory]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("--urls")]
    public async Task In_Development_the_other_usual_ways_to_name_the_port_are_obeyed(string how)
    {
        var port = FreePort();
        var settings = Development();
        settings["ASPNETCORE_URLS"] = ""; // only the way under test names an address
        string[] args = [];
        if (how == "--urls")
        {
            args = ["--urls", $"http://127.0.0.1:{port}"];
        }
        else
        {
            settings[how] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var portal = PortalProcess.Start(settings, args);

        Assert.True(await AnswersAsync(port, portal), $"no answer on port {port}:\n{portal.Output}");
    }

    [Fact]
    public async Task In_Development_with_no_address_named_the_portal_takes_localhost_5080()
    {
        var settings = Development();
        settings["ASPNETCORE_URLS"] = "";

        await using var portal = PortalProcess.Start(settings);

        // Either it listens there, or port 5080 is taken on this machine and it says so: both name the default.
        Assert.True(await portal.WaitForLineAsync(":5080", StartWithin), portal.Output);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".startup-lock" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    private Dictionary<string, string> Development() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Portal"] = $"Data Source={_databasePath}",
    };

    /// <summary>Polls /health on 127.0.0.1:<paramref name="port"/> until it answers 200, the process ends or time runs out.</summary>
    private static async Task<bool> AnswersAsync(int port, PortalProcess portal)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartWithin;
        while (DateTime.UtcNow < deadline && !portal.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
