using System.Globalization;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// Builds a <see cref="ProgressReport"/> with grouped queries: the database counts, the report holds only the figures
/// and the first rows of each list.
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
            ? (Date: (DateOnly?)given, Label: (string?)given.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))
            : await LatestCouncilAsync(partnership?.Id, reportDate, ct);
        return new ReportScope(filter with { ChangesSince = since.Date }, partnership, reportDate, now, since.Label);
    }

    public async Task<ProgressReport> BuildAsync(ReportFilter filter, CancellationToken ct)
    {
        var scope = await ScopeAsync(filter, ct);
        var (now, reportDate, partnership) = (scope.GeneratedAtUtc, scope.ReportDate, scope.Partnership);
        var since = (Date: scope.Filter.ChangesSince, Label: scope.ChangesSinceLabel);
        filter = scope.Filter;

        var states = filter.Apply(db);
        var totals = await CountAsync(states, ct);
        var byArea = await ByAreaAsync(states, ct);
        var withoutArea = await states.CountAsync(x => !db.DeliverableAreaLinks.Any(l => l.OwnerId == x.Deliverable.Id), ct);
        var byOutcome = await ByOutcomeAsync(states, ct);
        var overdue = states.Where(x => x.Deliverable.TargetDate < reportDate
            && x.Status != DeliverableStatus.Completed && x.Status != DeliverableStatus.Discontinued);
        var overdueRows = await overdue.OrderBy(x => x.Deliverable.TargetDate).ThenBy(x => x.Deliverable.Id).Take(ListLimit)
            .Select(x => new { x.Deliverable.Id, x.Deliverable.Title, x.Deliverable.TargetDate, x.Status, x.Deliverable.EuLead, x.Deliverable.PartnerLead })
            .ToListAsync(ct);

        var changes = since.Date is null ? null : ReportRows.HistoryQuery(db, filter, since.Date);
        var areaRows = new Dictionary<int, IReadOnlyList<ReportRow>>();
        foreach (var area in byArea)
        {
            var inArea = filter with { Deliverables = filter.Deliverables with { AreaId = area.AreaId } };
            areaRows[area.AreaId] = await ReportRows.DeliverablesAsync(db, inArea, RowsPerArea, ct).ToListAsync(ct);
        }

        return new ProgressReport
        {
            Title = partnership is null ? "Digital Partnerships: progress report" : $"{partnership.Name}: progress report",
            PartnershipName = partnership?.Name,
            PartnershipSlug = partnership?.Slug,
            ReportDate = reportDate,
            GeneratedAtUtc = now,
            Filter = filter,
            FilterLines = await DescribeAsync(filter, partnership?.Name, since.Label, ct),
            Totals = totals,
            ByArea = byArea,
            WithoutArea = withoutArea,
            ByOutcome = byOutcome,
            OverdueCount = await overdue.CountAsync(ct),
            Overdue = overdueRows.Select(o => new OverdueDeliverable(o.Id, o.Title, o.TargetDate!.Value, o.Status,
                reportDate.DayNumber - o.TargetDate.Value.DayNumber, o.EuLead, o.PartnerLead)).ToList(),
            ChangesSince = since.Date,
            ChangesSinceLabel = since.Label,
            ChangeCount = changes is null ? 0 : await changes.CountAsync(ct),
            Changes = changes is null
                ? []
                : await ReportRows.ToChanges(changes.OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id).Take(ListLimit)).ToListAsync(ct),
            ProgressOverTime = await ProgressOverTimeAsync(filter, reportDate, ct),
            AreaRows = areaRows,
        };
    }

    /// <summary>
    /// The date of the latest Council meeting held on or before <paramref name="reportDate"/> that has a date, with its
    /// name; both null when none has. "Changes since the last Council" is the question a briefing answers.
    /// </summary>
    public async Task<(DateOnly? Date, string? Label)> LatestCouncilAsync(int? partnershipId, DateOnly reportDate, CancellationToken ct)
    {
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Date != null && m.Date <= reportDate);
        if (partnershipId is { } id)
        {
            meetings = meetings.Where(m => m.PartnershipId == id);
        }

        var latest = await meetings.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new { m.Date, m.Ordinal, m.City, m.Country }).FirstOrDefaultAsync(ct);
        return latest is null
            ? (null, null)
            : (latest.Date, $"{MeetingPlace.ShortNameOf(latest.Ordinal, latest.City, latest.Country)} ({latest.Date!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})");
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
                .Select(o => new { o.Id, o.Title, o.Position, o.Meeting.Ordinal, o.Meeting.City, o.Meeting.Country, MeetingId = o.Meeting.Id })
                .ToListAsync(ct);
            outcomes.AddRange(found.OrderBy(o => o.MeetingId).ThenBy(o => o.Position).Select(o =>
                new OutcomeProgress(o.Id, o.Title, MeetingPlace.ShortNameOf(o.Ordinal, o.City, o.Country), new StatusTally(byOutcome[o.Id]))));
        }

        return outcomes;
    }

    /// <summary>
    /// Counts by status at each month end. Every history row holds from its own time until the deliverable's next row,
    /// so one pass over the history in (deliverable, time) order — the order of its index, no sort — adds one at the
    /// month a row begins and takes one away at the month it ends; each month's counts are the running sums. Only
    /// those per-month changes are kept in memory. This reads 600,000 rows in about 1.5 s on two cores, where grouping
    /// the same spans by month in SQLite took 7 s. The report's own month is read at the report date.
    /// </summary>
    private async Task<IReadOnlyList<MonthlyStatus>> ProgressOverTimeAsync(ReportFilter filter, DateOnly reportDate, CancellationToken ct)
    {
        var end = reportDate.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var ids = filter.Apply(db).Select(x => x.Deliverable.Id);
        var history = db.StatusChanges.AsNoTracking()
            .Where(h => h.ChangedAtUtc < end && ids.Contains(h.DeliverableId))
            .OrderBy(h => h.DeliverableId).ThenBy(h => h.ChangedAtUtc).ThenBy(h => h.Id)
            .Select(h => new { h.DeliverableId, h.ToStatus, h.ChangedAtUtc });

        static int MonthNumber(DateTime at) => at.Year * 12 + at.Month - 1;
        var changes = new SortedDictionary<int, int[]>();
        void Add(int month, DeliverableStatus status, int delta)
        {
            if (!changes.TryGetValue(month, out var counts))
            {
                changes[month] = counts = new int[DeliverableStatusText.All.Count];
            }

            counts[(int)status] += delta;
        }

        (int Id, DeliverableStatus Status, int FromMonth)? open = null;
        await foreach (var row in history.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (open is { } span)
            {
                Add(span.FromMonth, span.Status, +1);
                if (span.Id == row.DeliverableId)
                {
                    Add(MonthNumber(row.ChangedAtUtc), span.Status, -1);
                }
            }

            open = (row.DeliverableId, row.ToStatus, MonthNumber(row.ChangedAtUtc));
        }

        if (open is { } last)
        {
            Add(last.FromMonth, last.Status, +1);
        }

        if (changes.Count == 0)
        {
            return [];
        }

        var reportMonth = reportDate.Year * 12 + reportDate.Month - 1;
        var running = new int[DeliverableStatusText.All.Count];
        var months = new List<MonthlyStatus>();
        for (var month = changes.Keys.First(); month <= reportMonth; month++)
        {
            if (changes.TryGetValue(month, out var delta))
            {
                for (var s = 0; s < running.Length; s++)
                {
                    running[s] += delta[s];
                }
            }

            var monthStart = new DateOnly(month / 12, month % 12 + 1, 1);
            var monthEnd = month == reportMonth ? reportDate : monthStart.AddMonths(1).AddDays(-1);
            months.Add(new MonthlyStatus(monthEnd, new StatusTally(DeliverableStatusText.All.Select(s => (s, running[(int)s])))));
        }

        return months;
    }

    private async Task<IReadOnlyList<ReportFilterLine>> DescribeAsync(ReportFilter filter, string? partnershipName, string? sinceLabel,
        CancellationToken ct)
    {
        static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var lines = new List<ReportFilterLine>
        {
            new("Partnership", partnershipName ?? "All partnerships"),
            new(filter.AsOf is null ? "Status" : "Status as of", filter.AsOf is { } asOf ? Day(asOf) : "current"),
        };
        var f = filter.Deliverables;
        if (f.MeetingId is { } meetingId)
        {
            var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
                .Select(m => new { m.Ordinal, m.City, m.Country }).FirstOrDefaultAsync(ct);
            lines.Add(new("Meeting", meeting is null ? $"#{meetingId} (not found)" : MeetingPlace.ShortNameOf(meeting.Ordinal, meeting.City, meeting.Country)));
        }

        if (f.AreaId is { } areaId)
        {
            lines.Add(new("Area", await db.Areas.AsNoTracking().Where(a => a.Id == areaId).Select(a => a.Name).FirstOrDefaultAsync(ct)
                ?? $"#{areaId} (not found)"));
        }

        if (f.Status is { } status)
        {
            lines.Add(new("Status is", status.DisplayName()));
        }

        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            lines.Add(new("Search", f.Query.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Lead))
        {
            lines.Add(new("Lead contains", filter.Lead.Trim()));
        }

        if (filter.TargetFrom is not null || filter.TargetTo is not null)
        {
            lines.Add(new("Target date", (filter.TargetFrom, filter.TargetTo) switch
            {
                ({ } from, { } to) => $"{Day(from)} to {Day(to)}",
                ({ } from, null) => $"on or after {Day(from)}",
                (null, { } to) => $"on or before {Day(to)}",
                _ => "",
            }));
        }

        lines.Add(new("Changes since", sinceLabel ?? "not shown (no Council meeting has a date)"));
        return lines;
    }
}

/// <summary>What a report covers: its filter (with "changes since" resolved), partnership, day and time of making.</summary>
public sealed record ReportScope(ReportFilter Filter, Partnership? Partnership, DateOnly ReportDate, DateTime GeneratedAtUtc, string? ChangesSinceLabel)
{
    public string FileName(ReportFormat format) => ReportFileNames.For(Partnership?.Slug, ReportDate, format);
}
