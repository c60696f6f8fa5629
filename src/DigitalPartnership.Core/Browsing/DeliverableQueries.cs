using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Browsing;

/// <summary>Filtering, searching and sorting of deliverables, done by the database so they stay fast at 100,000 rows.</summary>
public static class DeliverableQueries
{
    public static IQueryable<Deliverable> Matching(this PortalDbContext db, DeliverableFilter filter)
    {
        var query = db.Deliverables.AsNoTracking().InPartnership(filter.PartnershipId);
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
            query = Search(db, query, filter.Search ?? SearchText.Parse(filter.Query, AreaVocabulary.None));
        }

        return query;
    }

    /// <summary>The deliverables of one partnership's Councils, or all of them when <paramref name="partnershipId"/> is null.</summary>
    public static IQueryable<Deliverable> InPartnership(this IQueryable<Deliverable> query, int? partnershipId) =>
        partnershipId is { } id ? query.Where(d => d.Outcome.Meeting.PartnershipId == id) : query;

    public static IOrderedQueryable<Deliverable> SortBy(this IQueryable<Deliverable> query, DeliverableSort sort) => sort switch
    {
        DeliverableSort.Title => query.OrderBy(d => d.Title).ThenBy(d => d.Id),
        DeliverableSort.Status => query.OrderBy(d => d.Status).ThenBy(d => d.Id),
        // Deliverables without a target date come last: "what is due first" is the question.
        DeliverableSort.Target => query.OrderBy(d => d.TargetDate == null).ThenBy(d => d.TargetDate).ThenBy(d => d.Id),
        DeliverableSort.Updated => query.OrderByDescending(d => d.UpdatedAtUtc).ThenByDescending(d => d.Id),
        _ => query.OrderBy(d => d.Id),
    };

    private static IQueryable<Deliverable> Search(PortalDbContext db, IQueryable<Deliverable> query, SearchText search)
    {
        // Plain words go to the word index together: one lookup, every word required.
        var words = search.Terms.Where(t => t is { IsFragment: false, AreaIds.Count: 0 }).ToList();
        if (words.Count > 0)
        {
            var ids = db.Store.SearchDeliverableIds(db, new SearchQuery(words.SelectMany(t => t.Words).ToList()));
            query = query.Where(d => ids.Contains(d.Id));
        }

        foreach (var term in search.Terms.Where(t => t.AreaIds.Count > 0 || t.IsFragment))
        {
            var areaIds = term.AreaIds;
            var inAreas = db.DeliverableAreaLinks.Where(link => areaIds.Contains(link.AreaId)).Select(link => link.OwnerId);
            if (term.IsFragment)
            {
                var needle = term.Typed;
                query = query.Where(d => inAreas.Contains(d.Id)
                    || d.Title.Contains(needle)
                    || (d.TitleJapanese != null && d.TitleJapanese.Contains(needle))
                    || (d.SummaryJapanese != null && d.SummaryJapanese.Contains(needle))
                    || (d.SourceSentence != null && d.SourceSentence.Contains(needle))
                    || (d.Notes != null && d.Notes.Contains(needle))
                    || (d.EuLead != null && d.EuLead.Contains(needle))
                    || (d.PartnerLead != null && d.PartnerLead.Contains(needle))
                    || d.Outcome.Title.Contains(needle)
                    || (d.Outcome.TitleJapanese != null && d.Outcome.TitleJapanese.Contains(needle)));
            }
            else
            {
                var byText = db.Store.SearchDeliverableIds(db, new SearchQuery(term.Words));
                query = query.Where(d => inAreas.Contains(d.Id) || byText.Contains(d.Id));
            }
        }

        return query;
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
}
