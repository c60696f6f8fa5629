using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Generation;
using DigitalPartnership.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace DigitalPartnership.Tests.Hosting;

/// <summary>What an operator relies on: a backup taken while the portal runs restores into a store that works, and a
/// reader who hangs up is not an error in the log.</summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class OperationsTests : IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"dpp-ops-{Guid.NewGuid():N}.db");
    private readonly string _backupPath = Path.Combine(Path.GetTempPath(), $"dpp-backup-{Guid.NewGuid():N}.db");

    [SqliteFact]
    public async Task A_backup_taken_while_the_portal_runs_restores_into_a_store_that_serves_the_same_data()
    {
        await using var running = PortalProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Portal"] = $"Data Source={_databasePath}" });
        Assert.NotNull(await running.WaitForHealthAsync(TimeSpan.FromSeconds(60)));

        await using var backup = PortalProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Portal"] = $"Data Source={_databasePath}" },
            "store", "backup", "--to", _backupPath);
        Assert.Equal(0, await backup.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(backup.Lines, line => line.Contains("1 meetings, 6 deliverables") && line.EndsWith("integrity ok.", StringComparison.Ordinal));
        Assert.False(running.HasExited); // the portal went on serving throughout

        // Restore = start a portal on the copy.
        await using var restored = PortalProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Portal"] = $"Data Source={_backupPath}" });
        Assert.NotNull(await restored.WaitForHealthAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Brussels", await MeetingCityAsync(_backupPath));
        // Nothing was missing from the copy: the portal neither migrated nor seeded it again.
        Assert.DoesNotContain(restored.Lines, line => line.Contains("Applying") || line.Contains("Seeded "));
    }

    [SqliteFact]
    public async Task A_second_backup_to_an_existing_file_is_refused_and_leaves_it_alone()
    {
        await File.WriteAllTextAsync(_backupPath, "keep me");
        await using var backup = PortalProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Portal"] = $"Data Source={_databasePath}" },
            "store", "backup", "--to", _backupPath);

        Assert.Equal(1, await backup.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(backup.Lines, line => line.StartsWith("error: ", StringComparison.Ordinal) && line.Contains("exists already"));
        Assert.Equal("keep me", await File.ReadAllTextAsync(_backupPath));
    }

    [Fact]
    public async Task A_reader_who_hangs_up_is_logged_as_499_without_an_error()
    {
        await using var factory = new PortalFactory();
        var events = new CollectedLog();
        await using var logged = factory.WithWebHostBuilder(b => b.ConfigureServices(services => services.AddSingleton<ILogEventSink>(events)));
        await using (var scope = logged.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatasetGenerator>().GenerateAsync(3000, 5, 7, null, CancellationToken.None);
        }

        var manager = logged.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PortalFactory.SignInAsync(manager, "manager@test.example.org", PortalFactory.Password);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var hangUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(30 + attempt * 40));
            try
            {
                using var response = await manager.GetAsync("/reports/export?format=xlsx", HttpCompletionOption.ResponseContentRead, hangUp.Token);
            }
            catch (OperationCanceledException)
            {
                // the reader left
            }
        }

        await Task.Delay(500); // let the requests that were left finish and be logged
        Assert.Contains(events.Events, e => e.RenderMessage().Contains(" responded 499 "));
        Assert.DoesNotContain(events.Events, e => e.Level >= LogEventLevel.Error);
        Assert.DoesNotContain(events.Events, e => e.Exception is OperationCanceledException);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _databasePath, _backupPath })
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", ".startup-lock" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    /// <summary>Every event the portal logs, as Serilog hands them to its sinks.</summary>
    private sealed class CollectedLog : ILogEventSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyCollection<LogEvent> Events => _events;

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }

    private static async Task<string> MeetingCityAsync(string path)
    {
        await using var db = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT City FROM Meetings";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
