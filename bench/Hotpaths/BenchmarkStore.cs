using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Generation;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Migrations.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hotpaths;

/// <summary>
/// A real SQLite store for the benchmarks, made as the portal makes one: migrated, seeded from the Council text in
/// <c>seeds/</c>, then filled by the dataset generator. Made once per size and kept in the temporary folder.
/// </summary>
internal static class BenchmarkStore
{
    /// <summary>The repository's <c>seeds/</c> folder, found upwards from the benchmark's own folder.</summary>
    public static string Seeds { get; } = FindSeeds();

    public static AreaTaxonomy Taxonomy { get; } = AreaTaxonomy.Load(Path.Combine(Seeds, AreaTaxonomy.FileName));

    public static async Task<string> EnsureAsync(int deliverables)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dpp-bench-{deliverables}.db");
        var connection = $"Data Source={path}";
        if (File.Exists(path + ".done"))
        {
            return connection;
        }

        File.Delete(path);
        await using var db = Open(connection);
        await db.Database.MigrateAsync();
        var importer = new CouncilImporter(db, Taxonomy, TimeProvider.System);
        await new PortalSeeder(importer).SeedAsync(Seeds, CancellationToken.None);
        await new DatasetGenerator(db, TimeProvider.System).GenerateAsync(deliverables, historyPerDeliverable: 5, seed: 1, progress: null, CancellationToken.None);
        await File.WriteAllTextAsync(path + ".done", "");
        return connection;
    }

    public static PortalDbContext Open(string connection)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        new SqliteStoreProvider().Configure(options, connection);
        return new PortalDbContext(options.Options);
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(seeds, AreaTaxonomy.FileName)))
            {
                return seeds;
            }
        }

        throw new DirectoryNotFoundException("The repository's seeds/ folder was not found above " + AppContext.BaseDirectory);
    }
}
