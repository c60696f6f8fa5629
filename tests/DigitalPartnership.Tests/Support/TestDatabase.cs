using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Importing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Support;

/// <summary>A real SQLite file of its own, migrated like production, deleted afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string path) => Path = path;

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dpp-test-{Guid.NewGuid():N}.db"));
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public PortalDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly("DigitalPartnership.Migrations.Sqlite"))
            .Options);

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

/// <summary>Where the test inputs are: the real seeds and the texts of our own in other styles.</summary>
public static class TestFiles
{
    public static string Seeds => System.IO.Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string SeedText => System.IO.Path.Combine(Seeds, "2024-eu-japan-second-council-brussels.txt");

    public static string CouncilText(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "CouncilTexts", name);

    public static AreaTaxonomy Taxonomy { get; } = AreaTaxonomy.Load(System.IO.Path.Combine(Seeds, AreaTaxonomy.FileName));

    public static CouncilText Parse(string path) => new CouncilTextParser(Taxonomy).Parse(File.ReadAllText(path));
}
