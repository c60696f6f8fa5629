using DigitalPartnership.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Importing;

/// <summary>Fills an empty store from seeds/: the area taxonomy always, and every Council text when no meeting exists yet.</summary>
public sealed class PortalSeeder(PortalDbContext db, CouncilImporter importer)
{
    public async Task<IReadOnlyList<(string File, ImportResult Result)>> SeedAsync(string seedsPath, CancellationToken ct)
    {
        await importer.SyncAreasAsync(ct);
        if (await db.Meetings.AnyAsync(ct))
        {
            return [];
        }

        var results = new List<(string, ImportResult)>();
        foreach (var file in Directory.EnumerateFiles(seedsPath, "*.txt").Order(StringComparer.Ordinal))
        {
            var text = await CouncilTextFile.ReadAsync(file, ct);
            results.Add((Path.GetFileName(file), await importer.ImportAsync(Path.GetFileName(file), text, ct)));
        }

        return results;
    }
}
