using DigitalPartnership.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Browsing;

/// <summary>One area as search knows it: the names it goes by, each as its lower-case words.</summary>
public sealed record AreaWords(int AreaId, string Slug, string Name, IReadOnlyList<IReadOnlyList<string>> Spellings);

/// <summary>
/// The portal's own words for its areas — their names and aliases as stored ("chips", "HPC", "eID", "標準化") — so a
/// search can tell that a reader named an area. Read from the store, which the curated taxonomy keeps up to date.
/// </summary>
public sealed class AreaVocabulary
{
    public static AreaVocabulary None { get; } = new([]);

    public AreaVocabulary(IReadOnlyList<AreaWords> areas) => Areas = areas;

    public IReadOnlyList<AreaWords> Areas { get; }

    public static async Task<AreaVocabulary> LoadAsync(PortalDbContext db, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Position)
            .Select(a => new { a.Id, a.Slug, a.Name, Aliases = a.Aliases.Select(alias => alias.Text).ToList() })
            .ToListAsync(ct);
        return new AreaVocabulary(areas.Select(a => new AreaWords(a.Id, a.Slug, a.Name,
            a.Aliases.Append(a.Name).Select(SearchText.WordsOf).Where(words => words.Count > 0)
                .DistinctBy(words => string.Join(' ', words)).ToList())).ToList());
    }
}
