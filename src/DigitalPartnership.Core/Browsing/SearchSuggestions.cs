using DigitalPartnership.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Browsing;

/// <summary>A search to try instead of one that found nothing, and how many deliverables it finds.</summary>
/// <param name="Filter">The filter to link to.</param>
/// <param name="AreaSlug">For an area to browse instead: its address name; null for a changed search.</param>
public sealed record SearchSuggestion(string Label, DeliverableFilter Filter, string? AreaSlug, int Count);

/// <summary>
/// What to try when a search finds nothing: the search without one of its words, the search without the other
/// filters, and the areas whose names are nearest to a word typed ("semiconducter", "quantom"). Each suggestion is
/// counted, and only those that find something are offered.
/// </summary>
public static class SearchSuggestions
{
    private const int MaxAreas = 3;

    public static async Task<IReadOnlyList<SearchSuggestion>> ForAsync(PortalDbContext db, DeliverableFilter filter, AreaVocabulary vocabulary, CancellationToken ct)
    {
        if (filter.Search is not { Terms.Count: > 0 } search)
        {
            return [];
        }

        var tries = new List<(string Label, DeliverableFilter Filter, string? AreaSlug)>();
        if (search.Terms.Count > 1)
        {
            foreach (var term in search.Terms)
            {
                var shorter = search.Without(term);
                tries.Add(($"without “{term.Typed}”", filter with { Query = shorter.ToString(), Search = shorter }, null));
            }
        }

        if (filter.AreaId is not null || filter.Status is not null || filter.MeetingId is not null)
        {
            tries.Add(("in every area, status and Council", new DeliverableFilter(filter.Query) { Search = search, PartnershipId = filter.PartnershipId }, null));
        }

        foreach (var area in NearestAreas(search, vocabulary))
        {
            tries.Add((area.Name, new DeliverableFilter(AreaId: area.AreaId) { PartnershipId = filter.PartnershipId }, area.Slug));
        }

        var suggestions = new List<SearchSuggestion>();
        foreach (var (label, tried, slug) in tries)
        {
            var count = await db.Matching(tried).CountAsync(ct);
            if (count > 0)
            {
                suggestions.Add(new SearchSuggestion(label, tried, slug, count));
            }
        }

        return suggestions;
    }

    /// <summary>The areas one of whose names is a few letters away from a typed word (one for a short word), nearest first.</summary>
    private static IEnumerable<AreaWords> NearestAreas(SearchText search, AreaVocabulary vocabulary)
    {
        var typed = search.Terms.SelectMany(t => t.Words).Select(spellings => spellings[0]).Where(w => w.Length >= 3).ToList();
        return vocabulary.Areas
            .Select(area => (Area: area, Distance: (
                    from known in area.Spellings.SelectMany(words => words)
                    from word in typed
                    let distance = Distance(word, known)
                    where distance <= (word.Length <= 4 ? 1 : 2)
                    select distance).DefaultIfEmpty(int.MaxValue).Min()))
            .Where(x => x.Distance != int.MaxValue)
            .OrderBy(x => x.Distance).ThenBy(x => x.Area.Name, StringComparer.Ordinal)
            .Take(MaxAreas)
            .Select(x => x.Area);
    }

    /// <summary>Levenshtein distance: letters to add, drop or change to turn one word into the other.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var change = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
