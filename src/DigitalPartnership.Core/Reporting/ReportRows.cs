using System.Runtime.CompilerServices;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// The rows every export shares, streamed: deliverables in pages by id and history in one forward-only query, so
/// writing 100,000 rows never holds more than a page of them.
/// </summary>
public static class ReportRows
{
    /// <summary>Rows per page: large enough that paging costs little (pages of 2,000 read no faster), small enough to hold.</summary>
    internal const int PageSize = 500;

    /// <summary>The deliverables <paramref name="filter"/> selects, by id, at most <paramref name="limit"/> of them.</summary>
    public static IAsyncEnumerable<ReportRow> DeliverablesAsync(PortalDbContext db, ReportFilter filter, int? limit = null,
        CancellationToken ct = default) =>
        DeliverablesAsync(db, filter, limit, states => states, ct);

    /// <summary>As the public overload, with the selection narrowed further by <paramref name="narrow"/>.</summary>
    internal static async IAsyncEnumerable<ReportRow> DeliverablesAsync(PortalDbContext db, ReportFilter filter, int? limit,
        Func<IQueryable<DeliverableAsOf>, IQueryable<DeliverableAsOf>> narrow, [EnumeratorCancellation] CancellationToken ct)
    {
        var states = narrow(filter.Apply(db));
        // Two partnerships each have a "2nd Council": in a store of several, the meeting column names the partnership.
        var several = await Councils.SeveralPartnershipsAsync(db, ct);
        var lastId = 0;
        var left = limit ?? int.MaxValue;
        while (left > 0)
        {
            // Keyset pages rather than one open reader: the areas of each page are read between pages, and a provider
            // without multiple active result sets (PostgreSQL) cannot run that query while another reader is open.
            var page = new List<PageRow>(Math.Min(PageSize, left));
            await foreach (var row in Page(states, lastId, Math.Min(PageSize, left)).AsAsyncEnumerable().WithCancellation(ct))
            {
                page.Add(row);
            }

            if (page.Count == 0)
            {
                yield break;
            }

            var areas = await AreaRefs.ForDeliverablesBetweenAsync(db, lastId, page[^1].Id, ct);
            foreach (var row in page)
            {
                yield return new ReportRow(row.Id, row.Title, row.Outcome,
                    CouncilNames.With(several ? row.Partnership : null, MeetingPlace.ShortNameOf(row.Ordinal, row.City, row.Country)),
                    string.Join("; ", areas[row.Id].Select(a => a.Name)), row.Status, row.Progress, row.EuLead, row.PartnerLead,
                    row.TargetDate, row.LastChangeUtc, row.TitleJapanese);
            }

            left -= page.Count;
            lastId = page[^1].Id;
            if (page.Count < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>One keyset page: the first <paramref name="take"/> of <paramref name="states"/> after <paramref name="afterId"/>, by id.</summary>
    internal static IQueryable<PageRow> Page(IQueryable<DeliverableAsOf> states, int afterId, int take) =>
        states.Where(x => x.Deliverable.Id > afterId)
            .OrderBy(x => x.Deliverable.Id)
            .Take(take)
            .Select(x => new PageRow
            {
                Id = x.Deliverable.Id,
                Title = x.Deliverable.Title,
                TitleJapanese = x.Deliverable.TitleJapanese,
                Outcome = x.Deliverable.Outcome.Title,
                Ordinal = x.Deliverable.Outcome.Meeting.Place.Ordinal,
                City = x.Deliverable.Outcome.Meeting.Place.City,
                Country = x.Deliverable.Outcome.Meeting.Place.Country,
                Partnership = x.Deliverable.Outcome.Meeting.Partnership.Name,
                Status = x.Status,
                Progress = x.Progress,
                EuLead = x.Deliverable.EuLead,
                PartnerLead = x.Deliverable.PartnerLead,
                TargetDate = x.Deliverable.TargetDate,
                LastChangeUtc = x.LastChangeUtc,
            });

    /// <summary>
    /// The history rows of the selected deliverables written on or after <paramref name="since"/> (all of them when
    /// null) and up to the report's date, oldest first.
    /// </summary>
    public static IAsyncEnumerable<ReportChange> ChangesAsync(PortalDbContext db, ReportFilter filter, DateOnly? since,
        CancellationToken ct = default) =>
        ToChanges(HistoryQuery(db, filter, since).OrderBy(h => h.ChangedAtUtc).ThenBy(h => h.Id)).AsAsyncEnumerable();

    /// <summary>The history rows of the selected deliverables from <paramref name="since"/> to the report's date, unordered.</summary>
    internal static IQueryable<StatusChange> HistoryQuery(PortalDbContext db, ReportFilter filter, DateOnly? since)
    {
        var ids = filter.Apply(db).Select(x => x.Deliverable.Id);
        var history = db.StatusChanges.AsNoTracking().Where(h => ids.Contains(h.DeliverableId));
        if (since is { } day)
        {
            var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            history = history.Where(h => h.ChangedAtUtc >= start);
        }

        if (filter.AsOfEndUtc is { } end)
        {
            history = history.Where(h => h.ChangedAtUtc < end);
        }

        return history;
    }

    /// <summary>
    /// The note of each deliverable's newest history row written before <paramref name="asOfEndUtc"/> (any, when null):
    /// the reason a briefing gives for a deliverable's state. Null where that row has no note. One index seek per
    /// deliverable, so callers pass the few rows they list, never a whole selection.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, string?>> LatestNotesAsync(PortalDbContext db, IReadOnlyCollection<int> deliverableIds,
        DateTime? asOfEndUtc, CancellationToken ct)
    {
        var history = asOfEndUtc is { } end ? db.StatusChanges.Where(h => h.ChangedAtUtc < end) : db.StatusChanges;
        var notes = new Dictionary<int, string?>(deliverableIds.Count);
        // In chunks: SQLite limits the number of values in one IN list.
        foreach (var chunk in deliverableIds.Distinct().Chunk(PageSize))
        {
            var found = await db.Deliverables.AsNoTracking().Where(d => chunk.Contains(d.Id))
                .Select(d => new
                {
                    d.Id,
                    Note = history.Where(h => h.DeliverableId == d.Id)
                        .OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id)
                        .Select(h => h.Note).FirstOrDefault(),
                })
                .ToListAsync(ct);
            foreach (var row in found)
            {
                notes[row.Id] = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim();
            }
        }

        return notes;
    }

    internal static IQueryable<ReportChange> ToChanges(IQueryable<StatusChange> history) =>
        history.Select(h => new ReportChange(h.Id, h.DeliverableId, h.Deliverable.Title, h.FromStatus, h.ToStatus, h.Progress,
            h.ChangedBy, h.ChangedAtUtc, h.Note));

    internal sealed record PageRow
    {
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public string? TitleJapanese { get; init; }
        public string Outcome { get; init; } = "";
        public int? Ordinal { get; init; }
        public string? City { get; init; }
        public string? Country { get; init; }
        public string Partnership { get; init; } = "";
        public DeliverableStatus Status { get; init; }
        public int? Progress { get; init; }
        public string? EuLead { get; init; }
        public string? PartnerLead { get; init; }
        public DateOnly? TargetDate { get; init; }
        public DateTime? LastChangeUtc { get; init; }
    }
}
