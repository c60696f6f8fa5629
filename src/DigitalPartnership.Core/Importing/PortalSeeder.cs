using DigitalPartnership.Core.Data;

namespace DigitalPartnership.Core.Importing;

/// <summary>What seeding did with one file of seeds/.</summary>
public sealed record SeedFileResult(string File, ImportResult? Result, string? SkippedBecause);

/// <summary>
/// Fills the store from seeds/: the area taxonomy always, and every Council text not yet imported. Each text is one
/// transaction and a text already imported (by its SHA-256) is a no-op, so a start interrupted between two texts
/// simply imports the rest at the next start.
/// </summary>
public sealed class PortalSeeder(CouncilImporter importer)
{
    public async Task<IReadOnlyList<SeedFileResult>> SeedAsync(string seedsPath, CancellationToken ct)
    {
        await importer.SyncAreasAsync(ct);
        var results = new List<SeedFileResult>();
        foreach (var file in Directory.EnumerateFiles(seedsPath, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var text = await CouncilTextFile.ReadAsync(file, ct);
            try
            {
                var result = await importer.ImportAsync(name, text, ct);
                if (result.Outcome == ImportOutcome.Imported)
                {
                    results.Add(new SeedFileResult(name, result, null));
                }
            }
            catch (CouncilTextException e)
            {
                // E.g. the same Council was imported from another text: the seed must not stop the portal from starting.
                results.Add(new SeedFileResult(name, null, e.Message));
            }
        }

        return results;
    }
}
