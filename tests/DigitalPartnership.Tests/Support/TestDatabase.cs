using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Migrations.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Support;

/// <summary>A real SQLite file of its own, migrated like production, deleted afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>A database at <paramref name="path"/>, not created or migrated: for tests that set it up themselves.</summary>
    public TestDatabase(string path) => Path = path;

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dpp-test-{Guid.NewGuid():N}.db"));
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public PortalDbContext NewContext()
    {
        var provider = new SqliteStoreProvider();
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        provider.Configure(options, ConnectionString);
        return new PortalDbContext(options.Options, provider);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
