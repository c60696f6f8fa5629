using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// Builds a <see cref="ProgressReport"/> with grouped queries: the database counts, the report holds only the figures
/// and the first rows of each list — and only the lists (<see cref="ReportParts"/>) its caller shows or writes.
/// </summary>
public sealed class ProgressReportBuilder(PortalDbContext db, TimeProvider time)
{
    /// <summary>How many overdue deliverables and changes a report lists; the exports carry all of them.</summary>
    public const int ListLimit = 200;

    /// <summary>How many deliverables each area section of a briefing lists.</summary>
    public const int RowsPerArea = 60;

    /// <summary>
    /// What a report covers without counting anything: the partnership, the day, and the filter with its "changes
    /// since" resolved. Enough to name an export and stream its rows; <see cref="BuildAsync"/> starts from it.
    /// </summary>
    public async Task<ReportScope> ScopeAsync(ReportFilter filter, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var reportDate = filter.AsOf ?? DateOnly.FromDateTime(now);
        var partnership = await PartnershipAsync(filter.PartnershipId, ct);
        var since = filter.ChangesSince is { } given
            ? (Date: (DateOnly?)given, Label: (string?)ReportDates.Day(given))
            : await LatestCouncilAsync(partnership?.Id, reportDate, ct);
        return new ReportScope(filter with { ChangesSince = since.Date }, partnership, reportDate, now, since.Label);
    }

    /// <summary>The figures of the report, and the <paramref name="parts"/> the caller shows or writes.</summary>
    public async Task<ProgressReport> BuildAsync(ReportFilter filter, ReportParts parts, CancellationToken ct)
    {
        var scope = await ScopeAsync(filter, ct);
        var reportDate = scope.ReportDate;
        filter = scope.Filter;

        var states = filter.Apply(db);
        var byArea = await ByAreaAsync(states, ct);
        var overdue = states.Where(x => x.Deliverable.TargetDate < reportDate
            && !DeliverableStatusText.Closed.Contains(x.Status));
        var changes = filter.ChangesSince is null ? null : ReportRows.HistoryQuery(db, filter, filter.ChangesSince);
        var areaSections = parts.HasFlag(ReportParts.AreaSections);

        return new ProgressReport
        {
            Parts = parts,
            Title = scope.Partnership is { } covered ? $"{covered.Name}: progress report" : "Digital Partnerships: progress report",
            PartnershipName = scope.Partnership?.Name,
            PartnershipSlug = scope.Partnership?.Slug,
            ReportDate = reportDate,
            GeneratedAtUtc = scope.GeneratedAtUtc,
            Filter = filter,
            FilterLines = await new ReportFilterLines(db).DescribeAsync(filter, scope.Partnership?.Name, scope.ChangesSinceLabel, ct),
            Totals = await CountAsync(states, ct),
            ByArea = byArea,
            ByOutcome = await ByOutcomeAsync(states, ct),
            OverdueCount = await overdue.CountAsync(ct),
            Overdue = parts.HasFlag(ReportParts.OverdueList) ? await OverdueAsync(overdue, reportDate, ct) : [],
            ChangesSince = filter.ChangesSince,
            ChangesSinceLabel = scope.ChangesSinceLabel,
            ChangeCount = changes is null ? 0 : await changes.CountAsync(ct),
            Changes = changes is not null && parts.HasFlag(ReportParts.ChangeList)
                ? await ReportRows.ToChanges(changes.OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id).Take(ListLimit)).ToListAsync(ct)
                : [],
            ProgressOverTime = parts.HasFlag(ReportParts.ProgressOverTime) ? await MonthlyStatusSeries.ReadAsync(db, filter, reportDate, ct) : [],
            AreaRows = areaSections ? await AreaRowsAsync(filter, byArea, ct) : new Dictionary<int, IReadOnlyList<ReportRow>>(),
            WithoutArea = areaSections ? await states.CountAsync(x => !db.DeliverableAreaLinks.Any(l => l.OwnerId == x.Deliverable.Id), ct) : 0,
        };
    }

    /// <summary>
    /// The date of the latest Council meeting held on or before <paramref name="reportDate"/> that has a date, with its
    /// name; both null when none has. "Changes since the last Council" is the question a briefing answers.
    /// </summary>
    private async Task<(DateOnly? Date, string? Label)> LatestCouncilAsync(int? partnershipId, DateOnly reportDate, CancellationToken ct)
    {
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Place.Date != null && m.Place.Date <= reportDate);
        if (partnershipId is { } id)
        {
            meetings = meetings.Where(m => m.PartnershipId == id);
        }

        var latest = await meetings.OrderByDescending(m => m.Place.Date).ThenByDescending(m => m.Id)
            .Select(m => new { m.Place.Date, m.Place.Ordinal, m.Place.City, m.Place.Country }).FirstOrDefaultAsync(ct);
        return latest is null
            ? (null, null)
            : (latest.Date, $"{MeetingPlace.ShortNameOf(latest.Ordinal, latest.City, latest.Country)} ({ReportDates.Day(latest.Date!.Value)})");
    }

    private static async Task<IReadOnlyList<OverdueDeliverable>> OverdueAsync(IQueryable<DeliverableAsOf> overdue, DateOnly reportDate,
        CancellationToken ct) =>
        (await overdue.OrderBy(x => x.Deliverable.TargetDate).ThenBy(x => x.Deliverable.Id).Take(ListLimit)
            .Select(x => new { x.Deliverable.Id, x.Deliverable.Title, x.Deliverable.TargetDate, x.Status, x.Deliverable.EuLead, x.Deliverable.PartnerLead })
            .ToListAsync(ct))
        .Select(o => new OverdueDeliverable(o.Id, o.Title, o.TargetDate!.Value, o.Status,
            reportDate.DayNumber - o.TargetDate.Value.DayNumber, o.EuLead, o.PartnerLead))
        .ToList();

    /// <summary>The first <see cref="RowsPerArea"/> deliverables of each area: one query per area, so only a briefing asks.</summary>
    private async Task<IReadOnlyDictionary<int, IReadOnlyList<ReportRow>>> AreaRowsAsync(ReportFilter filter, IReadOnlyList<AreaProgress> areas,
        CancellationToken ct)
    {
        var rows = new Dictionary<int, IReadOnlyList<ReportRow>>();
        foreach (var area in areas)
        {
            var inArea = filter with { Deliverables = filter.Deliverables with { AreaId = area.AreaId } };
            rows[area.AreaId] = await ReportRows.DeliverablesAsync(db, inArea, RowsPerArea, ct).ToListAsync(ct);
        }

        return rows;
    }

    private async Task<Partnership?> PartnershipAsync(int? partnershipId, CancellationToken ct)
    {
        if (partnershipId is { } id)
        {
            return await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        }

        // A store with one partnership reports on it by name; with several, the report is about all of them.
        var two = await db.Partnerships.AsNoTracking().OrderBy(p => p.Id).Take(2).ToListAsync(ct);
        return two.Count == 1 ? two[0] : null;
    }

    private static async Task<StatusTally> CountAsync(IQueryable<DeliverableAsOf> states, CancellationToken ct) =>
        new((await states.GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(c => (c.Key, c.Count)));

    private async Task<IReadOnlyList<AreaProgress>> ByAreaAsync(IQueryable<DeliverableAsOf> states, CancellationToken ct)
    {
        var counts = await (from x in states
                            join link in db.DeliverableAreaLinks on x.Deliverable.Id equals link.OwnerId
                            group x by new { link.AreaId, x.Status } into g
                            select new { g.Key.AreaId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.AreaId).Distinct().ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Position)
            .Select(a => new { a.Id, a.Slug, a.Name }).ToListAsync(ct);
        return areas.Select(a => new AreaProgress(a.Id, a.Slug, a.Name,
            new StatusTally(counts.Where(c => c.AreaId == a.Id).Select(c => (c.Status, c.Count))))).ToList();
    }

    private async Task<IReadOnlyList<OutcomeProgress>> ByOutcomeAsync(IQueryable<DeliverableAsOf> states, CancellationToken ct)
    {
        var counts = await states.GroupBy(x => new { x.Deliverable.OutcomeId, x.Status })
            .Select(g => new { g.Key.OutcomeId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var byOutcome = counts.ToLookup(c => c.OutcomeId, c => (c.Status, c.Count));
        var ids = byOutcome.Select(g => g.Key).ToList();
        var outcomes = new List<OutcomeProgress>(ids.Count);
        // In chunks: SQLite limits the number of values in one IN list.
        foreach (var chunk in ids.Chunk(ReportRows.PageSize))
        {
            var found = await db.Outcomes.AsNoTracking().Where(o => chunk.Contains(o.Id))
                .Select(o => new { o.Id, o.Title, o.Position, o.Meeting.Place.Ordinal, o.Meeting.Place.City, o.Meeting.Place.Country, MeetingId = o.Meeting.Id })
                .ToListAsync(ct);
            outcomes.AddRange(found.OrderBy(o => o.MeetingId).ThenBy(o => o.Position).Select(o =>
                new OutcomeProgress(o.Id, o.Title, MeetingPlace.ShortNameOf(o.Ordinal, o.City, o.Country), new StatusTally(byOutcome[o.Id]))));
        }

        return outcomes;
    }
}

/// <summary>What a report covers: its filter (with "changes since" resolved), partnership, day and time of making.</summary>
public sealed record ReportScope(ReportFilter Filter, Partnership? Partnership, DateOnly ReportDate, DateTime GeneratedAtUtc, string? ChangesSinceLabel)
{
    public string FileName(ReportFormat format) => ReportFileNames.For(Partnership?.Slug, ReportDate, format);
}
