using DigitalPartnership.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DigitalPartnership.Tests.Hosting;

/// <summary>
/// Start-up as an operator meets it: the real portal process killed or stopped at each step, restarted, and expected to
/// serve again; a store it cannot use refused in one line. On SQLite, whose start-up lock is a file; PostgreSQL's
/// advisory lock is tested in <see cref="PostgresTests"/>.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class StartupTests : IDisposable
{
    private static readonly TimeSpan HealthWithin = TimeSpan.FromSeconds(10);
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"dpp-startup-{Guid.NewGuid():N}.db");

    private Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["ConnectionStrings__Portal"] = $"Data Source={_databasePath}" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [SqliteTheory]
    [InlineData("Portal database (", "after opening the store")]
    [InlineData("Applying ", "during migrations")]
    [InlineData("Seeding from", "during seeding")]
    public async Task Killed_at_a_step_of_start_up_the_next_start_serves_within_10_seconds(string stepLine, string step)
    {
        await using (var first = PortalProcess.Start(Settings()))
        {
            Assert.True(await first.WaitForLineAsync(stepLine, TimeSpan.FromSeconds(60)), $"never reached the step {step}:\n{first.Output}");
            first.Kill();
        }

        await using var second = PortalProcess.Start(Settings());
        var took = await second.WaitForHealthAsync(HealthWithin);
        Assert.True(took is not null, $"killed {step}, the next start did not serve /health within {HealthWithin.TotalSeconds} s:\n{second.Output}");
        await using var db = new SqliteConnection($"Data Source={_databasePath};Pooling=False");
        await db.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM Meetings")); // the seed, once
        Assert.Equal(4L, await ScalarAsync(db, "SELECT COUNT(*) FROM AspNetRoles"));
        Assert.Equal(0L, await ScalarAsync(db, "SELECT COUNT(*) FROM __EFMigrationsLock"));
    }

    [SqliteFact]
    public async Task A_migration_lock_left_by_a_dead_process_is_cleared_with_a_log_line()
    {
        await using (var database = await TestDatabase.CreateAsync(TestEngine.Sqlite))
        {
            File.Copy(database.Store.SqlitePath, _databasePath);
        }

        await using (var db = new SqliteConnection($"Data Source={_databasePath};Pooling=False"))
        {
            await db.OpenAsync();
            await ExecuteAsync(db, "CREATE TABLE IF NOT EXISTS __EFMigrationsLock (Id INTEGER PRIMARY KEY, Timestamp TEXT NOT NULL)");
            await ExecuteAsync(db, "INSERT INTO __EFMigrationsLock (Id, Timestamp) VALUES (1, '2026-11-29 09:00:00')");
        }

        await using var portal = PortalProcess.Start(Settings());
        Assert.NotNull(await portal.WaitForHealthAsync(HealthWithin));
        Assert.Contains(portal.Lines, line => line.Contains("Cleared a migration lock left by a portal process that stopped while migrating"));
    }

    [SqliteFact]
    public async Task SIGTERM_during_start_up_stops_the_portal_cleanly_with_exit_code_0()
    {
        await using var portal = PortalProcess.Start(Settings());
        Assert.True(await portal.WaitForLineAsync("Applying ", TimeSpan.FromSeconds(60)), portal.Output);
        portal.Terminate();

        Assert.Equal(0, await portal.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain("Unhandled exception", portal.Output);
        Assert.DoesNotContain(portal.Lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task Another_process_preparing_the_store_is_waited_for_a_bounded_time_then_named()
    {
        await using var holder = new FileStream(_databasePath + ".startup-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await using var portal = PortalProcess.Start(Settings(("Portal__StartupLockSeconds", "1")));

        Assert.Equal(1, await portal.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(portal.Lines, line => line.Contains("Another portal process has been preparing") && line.Contains("Portal:StartupLockSeconds"));
        Assert.DoesNotContain(portal.Lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [SqliteTheory]
    [InlineData("newer", "migrated by a newer version of the portal")]
    [InlineData("provider", "Portal:Database")]
    [InlineData("pending", "run the 'migrate' command first")]
    public async Task A_store_the_portal_cannot_use_stops_it_with_one_line_and_exit_code_1(string problem, string line)
    {
        await using (var database = await TestDatabase.CreateAsync(TestEngine.Sqlite))
        {
            File.Copy(database.Store.SqlitePath, _databasePath);
        }

        var settings = Settings();
        await using (var db = new SqliteConnection($"Data Source={_databasePath};Pooling=False"))
        {
            await db.OpenAsync();
            switch (problem)
            {
                case "newer":
                    await ExecuteAsync(db, "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0')");
                    break;
                case "provider":
                    settings["Portal__Database"] = "Oracle";
                    break;
                case "pending":
                    await ExecuteAsync(db, "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)");
                    settings["Portal__MigrateOnStart"] = "false";
                    break;
            }
        }

        await using var portal = PortalProcess.Start(settings);

        Assert.Equal(1, await portal.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(portal.Lines, l => l.Contains(line));
        Assert.DoesNotContain(portal.Lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task The_migrate_command_brings_a_store_up_to_date_and_says_what_it_applied()
    {
        // A store as the previous version of the portal left it: every migration but the last.
        await using (var db = TestDatabase.ContextOn(new TestStoreLocation(TestEngine.Sqlite, $"Data Source={_databasePath}", _databasePath)))
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }

        await using var migrate = PortalProcess.Start(Settings(), "migrate");
        Assert.Equal(0, await migrate.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(migrate.Lines, l => l.StartsWith("Applied 1 migration: ", StringComparison.Ordinal));

        await using var again = PortalProcess.Start(Settings(), "migrate");
        Assert.Equal(0, await again.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("The store is up to date; nothing to apply.", again.Lines);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".startup-lock" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
