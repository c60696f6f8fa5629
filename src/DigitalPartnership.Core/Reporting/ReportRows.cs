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
    /// <summary>Rows per page: large enough that paging costs little, small enough that its areas fit one IN list.</summary>
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
        // A whole export reads the names of all its outcomes at once; a short list (a briefing's) those of its rows.
        var outcomes = new OutcomeNames(db, limit is null ? states.Select(x => x.Deliverable.OutcomeId) : null);
        var lastId = 0;
        var left = limit ?? int.MaxValue;
        while (left > 0)
        {
            // Keyset pages rather than one open reader: the areas of each page are read between pages, and a provider
            // without multiple active result sets (PostgreSQL) cannot run that query while another reader is open.
            var page = await states.Where(x => x.Deliverable.Id > lastId)
                .OrderBy(x => x.Deliverable.Id)
                .Take(Math.Min(PageSize, left))
                .Select(x => new PageRow
                {
                    Id = x.Deliverable.Id,
                    Title = x.Deliverable.Title,
                    TitleJapanese = x.Deliverable.TitleJapanese,
                    OutcomeId = x.Deliverable.OutcomeId,
                    Status = x.Status,
                    Progress = x.Progress,
                    EuLead = x.Deliverable.EuLead,
                    PartnerLead = x.Deliverable.PartnerLead,
                    TargetDate = x.Deliverable.TargetDate,
                    LastChangeUtc = x.LastChangeUtc,
                })
                .ToListAsync(ct);
            if (page.Count == 0)
            {
                yield break;
            }

            await outcomes.ReadAsync(page.Select(row => row.OutcomeId), ct);
            var areas = await AreaRefs.ForDeliverablesBetweenAsync(db, lastId, page[^1].Id, ct);
            foreach (var row in page)
            {
                var (outcome, meeting) = outcomes[row.OutcomeId];
                yield return new ReportRow(row.Id, row.Title, outcome, meeting, string.Join("; ", areas[row.Id].Select(a => a.Name)),
                    row.Status, row.Progress, row.EuLead, row.PartnerLead, row.TargetDate, row.LastChangeUtc, row.TitleJapanese);
            }

            left -= page.Count;
            lastId = page[^1].Id;
            if (page.Count < PageSize)
            {
                yield break;
            }
        }
    }

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

    private sealed record PageRow
    {
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public string? TitleJapanese { get; init; }
        public int OutcomeId { get; init; }
        public DeliverableStatus Status { get; init; }
        public int? Progress { get; init; }
        public string? EuLead { get; init; }
        public string? PartnerLead { get; init; }
        public DateOnly? TargetDate { get; init; }
        public DateTime? LastChangeUtc { get; init; }
    }

    /// <summary>
    /// The outcome and meeting columns of an export, read once per outcome rather than joined into every row: the four
    /// joined names were a quarter of reading the rows, and an outcome holds several deliverables.
    /// </summary>
    /// <param name="selection">The outcome ids of the whole selection, read on the first page; null to read page by page.</param>
    private sealed class OutcomeNames(PortalDbContext db, IQueryable<int>? selection)
    {
        private readonly Dictionary<int, (string Outcome, string Meeting)> _names = [];
        private bool? _several;

        public (string Outcome, string Meeting) this[int outcomeId] => _names[outcomeId];

        /// <summary>Reads the names of those of <paramref name="outcomeIds"/> not read before.</summary>
        public async Task ReadAsync(IEnumerable<int> outcomeIds, CancellationToken ct)
        {
            var missing = outcomeIds.Where(id => !_names.ContainsKey(id)).Distinct().ToList();
            if (missing.Count > 0 && selection is { } all)
            {
                selection = null;
                await ReadAsync(db.Outcomes.Where(o => all.Contains(o.Id)), ct);
                missing.RemoveAll(_names.ContainsKey);
            }

            // Still missing after the whole selection's: a deliverable added to it while the export ran.
            if (missing.Count > 0)
            {
                await ReadAsync(db.Outcomes.Where(o => missing.Contains(o.Id)), ct);
            }
        }

        private async Task ReadAsync(IQueryable<Outcome> outcomes, CancellationToken ct)
        {
            // Two partnerships each have a "2nd Council": in a store of several, the meeting column names the partnership.
            _several ??= await Councils.SeveralPartnershipsAsync(db, ct);
            var found = await outcomes.AsNoTracking()
                .Select(o => new
                {
                    o.Id,
                    o.Title,
                    o.Meeting.Place.Ordinal,
                    o.Meeting.Place.City,
                    o.Meeting.Place.Country,
                    Partnership = o.Meeting.Partnership.Name,
                })
                .ToListAsync(ct);
            foreach (var o in found)
            {
                _names[o.Id] = (o.Title, CouncilNames.With(_several.Value ? o.Partnership : null, MeetingPlace.ShortNameOf(o.Ordinal, o.City, o.Country)));
            }
        }
    }
}
