using System.Text.RegularExpressions;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Browsing;

/// <summary>Filtering, searching and sorting of deliverables, done by the database so they stay fast at 100,000 rows.</summary>
public static partial class DeliverableQueries
{
    public static IQueryable<Deliverable> Matching(this PortalDbContext db, DeliverableFilter filter)
    {
        var query = db.Deliverables.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (filter.MeetingId is { } meetingId)
        {
            query = query.Where(d => d.Outcome.MeetingId == meetingId);
        }

        if (filter.AreaId is { } areaId)
        {
            var inArea = db.DeliverableAreaLinks.Where(link => link.AreaId == areaId).Select(link => link.OwnerId);
            query = query.Where(d => inArea.Contains(d.Id));
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            query = Search(db, query, filter.Query);
        }

        return query;
    }

    public static IOrderedQueryable<Deliverable> SortBy(this IQueryable<Deliverable> query, DeliverableSort sort) => sort switch
    {
        DeliverableSort.Title => query.OrderBy(d => d.Title).ThenBy(d => d.Id),
        DeliverableSort.Status => query.OrderBy(d => d.Status).ThenBy(d => d.Id),
        // Deliverables without a target date come last: "what is due first" is the question.
        DeliverableSort.Target => query.OrderBy(d => d.TargetDate == null).ThenBy(d => d.TargetDate).ThenBy(d => d.Id),
        DeliverableSort.Updated => query.OrderByDescending(d => d.UpdatedAtUtc).ThenByDescending(d => d.Id),
        _ => query.OrderBy(d => d.Id),
    };

    private static IQueryable<Deliverable> Search(PortalDbContext db, IQueryable<Deliverable> query, string text)
    {
        if (ToSearchQuery(text) is { } search)
        {
            var ids = db.Store.SearchDeliverableIds(db, search);
            return query.Where(d => ids.Contains(d.Id));
        }

        // Japanese and other unspaced scripts have no word breaks for a word index: fall back to a substring match.
        var needle = text.Trim();
        return query.Where(d => d.Title.Contains(needle)
            || (d.SourceSentence != null && d.SourceSentence.Contains(needle))
            || (d.Notes != null && d.Notes.Contains(needle))
            || (d.EuLead != null && d.EuLead.Contains(needle))
            || (d.PartnerLead != null && d.PartnerLead.Contains(needle))
            || d.Outcome.Title.Contains(needle));
    }

    /// <summary>
    /// Every word of the query must appear, as a prefix ("semicond" finds "semiconductors"). Only letters and digits
    /// make words, so search syntax typed by a reader (NEAR, *, ^, quotes, &amp;, |) is taken as text, never as syntax.
    /// Null when the query has no words, or has text a word index cannot split into words.
    /// </summary>
    internal static SearchQuery? ToSearchQuery(string text)
    {
        if (Unspaced().IsMatch(text))
        {
            return null;
        }

        var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(12).ToList();
        return words.Count == 0 ? null : new SearchQuery(words.Select(word => (IReadOnlyList<string>)[word]).ToList());
    }

    /// <summary>
    /// Deliverables whose EU-side or partner-side lead contains <paramref name="lead"/>, in any case. Both providers
    /// lower-case with Unicode rules (SQLite's own lower() is ASCII-only, so its provider replaces it).
    /// </summary>
    public static IQueryable<Deliverable> WithLead(this IQueryable<Deliverable> query, string lead)
    {
        var needle = lead.Trim().ToLowerInvariant();
        return query.Where(d => (d.EuLead != null && d.EuLead.ToLower().Contains(needle))
            || (d.PartnerLead != null && d.PartnerLead.ToLower().Contains(needle)));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}\p{IsHangulSyllables}]")]
    private static partial Regex Unspaced();
}
