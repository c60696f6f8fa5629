using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Postgres;

/// <summary>
/// The deployment a ministry runs: two instances of the Release build on one PostgreSQL database, Debian's nginx
/// round-robin in front of them, all on 127.0.0.1. A form served by one instance saves through the other; a stale save
/// is a 409 whichever instance takes it; and one instance killed under load leaves the proxy answering from the other
/// with no acknowledged save lost.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dpp-two-{Guid.NewGuid():N}");
    private TestStoreLocation? _store;
    private Process? _nginx;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    [TwoInstancesFact]
    public async Task Two_instances_behind_nginx_share_sessions_forms_and_conflicts_and_survive_losing_one()
    {
        var release = ReleaseBuild.Folder();
        _store = TestEngine.NewStore(TestEngine.Postgres, "two", fromTemplate: null);
        var settings = _store.ProcessSettings();
        settings["Portal__MigrateOnStart"] = "false"; // the documented upgrade: migrate once, then start the instances

        // Once: the schema, then the first account (which also seeds the store).
        await using (var migrate = PortalProcess.StartFrom(release, settings, "migrate"))
        {
            Assert.Equal(0, await migrate.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        }

        var withPassword = new Dictionary<string, string>(settings) { ["PORTAL_PASSWORD"] = PortalFactory.Password };
        await using (var account = PortalProcess.StartFrom(release, withPassword, "users", "add", "--email", "editor@test.example.org", "--role", "Editor"))
        {
            Assert.Equal(0, await account.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        }

        await using var first = PortalProcess.StartFrom(release, settings);
        await using var second = PortalProcess.StartFrom(release, settings);
        Assert.NotNull(await first.WaitForHealthAsync(TimeSpan.FromSeconds(60)));
        Assert.NotNull(await second.WaitForHealthAsync(TimeSpan.FromSeconds(60)));
        var proxy = StartNginx(first.Port, second.Port);

        // Signed in through the proxy; cookies are per host, not per port, so the same session reaches each instance.
        var cookies = new CookieContainer();
        using var viaProxy = Client(proxy, cookies);
        using var viaFirst = Client(first.BaseAddress, cookies);
        using var viaSecond = Client(second.BaseAddress, cookies);
        using (var signedIn = await PortalFactory.SignInAsync(viaProxy, "editor@test.example.org", PortalFactory.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // A form from the first instance, saved through the second: the key ring and the session are shared.
        var edit = $"/deliverables/{await FirstDeliverableAsync()}/edit";
        var form = await PortalFactory.FormAsync(viaFirst, edit);
        form["Input.ChangeNote"] = "Saved through the other instance.";
        using (var saved = await viaSecond.PostAsync(edit, new FormUrlEncodedContent(form)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // The same form again, now stale, through the first instance: a conflict, not a silent overwrite.
        form["Input.ChangeNote"] = "A stale save.";
        using (var stale = await viaFirst.PostAsync(edit, new FormUrlEncodedContent(form)))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        // Load through the proxy; one instance is killed in the middle of it.
        var acknowledged = new ConcurrentBag<string>();
        var readsAfterKill = new ConcurrentBag<HttpStatusCode>();
        var killedAt = 0L;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var seeded = await SeededDeliverablesAsync();
        var workers = seeded.Select(deliverable => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var read = await TryAsync(() => viaProxy.GetAsync("/deliverables"));
                if (Interlocked.Read(ref killedAt) > 0)
                {
                    readsAfterKill.Add(read);
                }

                var note = $"load {deliverable}-{i}";
                try
                {
                    var fields = await PortalFactory.FormAsync(viaProxy, $"/deliverables/{deliverable}/edit");
                    fields["Input.ChangeNote"] = note;
                    using var save = await viaProxy.PostAsync($"/deliverables/{deliverable}/edit", new FormUrlEncodedContent(fields));
                    if (save.StatusCode == HttpStatusCode.Redirect)
                    {
                        acknowledged.Add(note);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not acknowledged: the editor would see an error and save again.
                }
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));
        second.Kill();
        Interlocked.Exchange(ref killedAt, Stopwatch.GetTimestamp());
        await Task.WhenAll(workers);

        Assert.True(acknowledged.Count > 10, $"only {acknowledged.Count} saves were acknowledged under load");
        Assert.True(readsAfterKill.Count > 20, $"only {readsAfterKill.Count} reads after the kill");
        var answered = readsAfterKill.Count(status => status == HttpStatusCode.OK);
        Assert.True(answered >= readsAfterKill.Count - 6, $"after the kill {answered} of {readsAfterKill.Count} reads were answered");
        await using var db = TestDatabase.ContextOn(_store);
        var notes = acknowledged.ToList();
        var stored = await db.StatusChanges.CountAsync(h => h.Note != null && notes.Contains(h.Note));
        Assert.Equal(notes.Count, stored);
        Assert.True(await first.WaitForHealthAsync(TimeSpan.FromSeconds(5)) is not null);
    }

    public Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            // The master and its worker: a worker left behind would keep serving, and hold whatever the test run holds.
            _nginx.Kill(entireProcessTree: true);
            _nginx.WaitForExit();
        }

        _nginx?.Dispose();
        if (_store is not null)
        {
            TestEngine.Delete(_store);
        }

        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private Uri StartNginx(int first, int second)
    {
        var port = FreePort();
        // Workers may run as another user (nobody, when started as root): the folder must be theirs too.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
        }

        var config = Path.Combine(_folder, "nginx.conf");
        File.WriteAllText(config, NginxConfiguration.TwoInstances(_folder, port, first, second));
        _nginx = Process.Start(new ProcessStartInfo("nginx", ["-c", config, "-p", _folder, "-e", Path.Combine(_folder, "error.log")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var address = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 50; i++)
        {
            if (TryAsync(() => probe.GetAsync("/health/ready")).GetAwaiter().GetResult() == HttpStatusCode.OK)
            {
                return address;
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException($"nginx did not answer: {File.ReadAllText(Path.Combine(_folder, "error.log"))}");
    }

    /// <summary>The seed's deliverables, one editor each under load, so their saves never conflict.</summary>
    private async Task<List<int>> SeededDeliverablesAsync()
    {
        await using var db = TestDatabase.ContextOn(_store!);
        return await db.Deliverables.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
    }

    private async Task<int> FirstDeliverableAsync() => (await SeededDeliverablesAsync())[0];

    private static HttpClient Client(Uri address, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };

    private static async Task<HttpStatusCode> TryAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            using var response = await send();
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Needs PostgreSQL and Debian's nginx; skipped with the reason when either is missing (unless CI requires them).</summary>
public sealed class TwoInstancesFactAttribute : FactAttribute
{
    public TwoInstancesFactAttribute()
    {
        if (TestEngine.PostgresRequired)
        {
            return;
        }

        if (TestEngine.PostgresServer is null)
        {
            Skip = "Needs PostgreSQL: set PORTAL_TEST_POSTGRES to a server.";
        }
        else if (!File.Exists("/usr/sbin/nginx"))
        {
            Skip = "Needs nginx (apt-get install nginx).";
        }
    }
}
