using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// Builds a <see cref="ProgressReport"/> with grouped queries: the database counts, the report holds only the figures
/// and the first rows of each list — and only the lists (<see cref="ReportParts"/>) its caller shows or writes.
/// </summary>
/// <param name="text">
/// The words of the report (title, filter lines, Council names) in the reader's language; English when null or when the
/// reader reads English. The file names stay English.
/// </param>
/// <param name="scopes">
/// Where a second context comes from, so the progress-over-time series (every history row, about half of a briefing's
/// time) is read beside the other figures on a core of its own; without it, after them on <paramref name="db"/>.
/// </param>
public sealed class ProgressReportBuilder(PortalDbContext db, TimeProvider time, IStringLocalizer<ReportText>? text = null,
    IServiceScopeFactory? scopes = null)
{
    private readonly ReportText _t = new(text);

    /// <summary>How many overdue, at-risk or delayed deliverables and changes a report lists; the exports carry all of them.</summary>
    public const int ListLimit = 200;

    /// <summary>How many deliverables each area list of a briefing holds.</summary>
    public const int RowsPerArea = 20;

    /// <summary>How many key outcomes get a section of their own; the rest are counted, and the XLSX lists their deliverables.</summary>
    public const int OutcomeSectionLimit = 30;

    /// <summary>How many deliverables each outcome section lists.</summary>
    public const int RowsPerOutcome = 15;

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
            ? (Date: (DateOnly?)given, Label: (string?)_t.Day(given))
            : await LatestCouncilAsync(partnership?.Id, reportDate, ct);
        var fileNameParts = await FileNamePartsAsync(filter, partnership?.Slug, reportDate, ct);
        return new ReportScope(filter with { ChangesSince = since.Date }, partnership, reportDate, now, since.Label, fileNameParts);
    }

    /// <summary>The figures of the report, and the <paramref name="parts"/> the caller shows or writes.</summary>
    public Task<ProgressReport> BuildAsync(ReportFilter filter, ReportParts parts, CancellationToken ct) =>
        BuildAsync(filter, parts, RowsPerOutcome, ct);

    /// <summary>The figures of the report, and the <paramref name="parts"/> the caller shows or writes.</summary>
    /// <param name="rowsPerOutcome">
    /// How many deliverables each outcome section holds: <see cref="RowsPerOutcome"/> for a briefing, more for the page
    /// when a reader asks to see them all (at most <see cref="ListLimit"/>).
    /// </param>
    public async Task<ProgressReport> BuildAsync(ReportFilter filter, ReportParts parts, int rowsPerOutcome, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerOutcome, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowsPerOutcome, ListLimit);
        var scope = await ScopeAsync(filter, ct);
        var reportDate = scope.ReportDate;
        filter = scope.Filter;
        var series = parts.HasFlag(ReportParts.ProgressOverTime) ? SeriesBesideAsync(filter, reportDate, ct) : null;
        try
        {
            return await BuildAsync(scope, filter, reportDate, parts, rowsPerOutcome, series, ct);
        }
        finally
        {
            // An error in the other figures must not leave the series' read running unobserved.
            if (series is not null)
            {
                await ((Task)series).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>The series on a context of its own, on another thread; null when there is no second context to read it on.</summary>
    private Task<IReadOnlyList<MonthlyStatus>>? SeriesBesideAsync(ReportFilter filter, DateOnly reportDate, CancellationToken ct) =>
        scopes is null ? null : Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await MonthlyStatusSeries.ReadAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), filter, reportDate, ct);
        }, ct);

    private async Task<ProgressReport> BuildAsync(ReportScope scope, ReportFilter filter, DateOnly reportDate, ReportParts parts,
        int rowsPerOutcome, Task<IReadOnlyList<MonthlyStatus>>? seriesBeside, CancellationToken ct)
    {
        var states = filter.Apply(db);
        var headline = await HeadlineAsync(states, reportDate, ct);
        var byArea = await ByAreaAsync(states, ct);
        var byOutcome = await ByOutcomeAsync(states, ct);
        var changes = filter.ChangesSince is null ? null : ReportRows.HistoryQuery(db, filter, filter.ChangesSince);
        var changeSummary = changes is null ? ChangeSummary.None : await ChangeSummaryAsync(changes, ct);
        var areaSections = parts.HasFlag(ReportParts.AreaSections);

        return new ProgressReport
        {
            Parts = parts,
            Title = scope.Partnership is { } covered ? _t.Format("{0}: progress report", covered.Name) : _t["Digital Partnerships: progress report"],
            PartnershipName = scope.Partnership?.Name,
            PartnershipSlug = scope.Partnership?.Slug,
            ReportDate = reportDate,
            GeneratedAtUtc = scope.GeneratedAtUtc,
            Filter = filter,
            FilterLines = await new ReportFilterLines(db, _t).DescribeAsync(filter, scope.Partnership?.Name, scope.ChangesSinceLabel, ct),
            FileNameParts = scope.FileNameParts,
            Totals = headline.Totals,
            ByArea = byArea,
            ByOutcome = byOutcome,
            OverdueCount = headline.Overdue,
            Overdue = parts.HasFlag(ReportParts.OverdueList) ? await OverdueAsync(states, reportDate, filter, ct) : [],
            AtRiskOrDelayedCount = headline.AtRiskOrDelayed,
            AtRiskOrDelayed = parts.HasFlag(ReportParts.AtRiskOrDelayedList) ? await AtRiskOrDelayedAsync(states, reportDate, filter, ct) : [],
            ChangesSince = filter.ChangesSince,
            ChangesSinceLabel = scope.ChangesSinceLabel,
            ChangeCount = changeSummary.Added + changeSummary.MovedTo.Total,
            ChangeSummary = changeSummary,
            Changes = changes is not null && parts.HasFlag(ReportParts.ChangeList)
                ? await ReportRows.ToChanges(changes.OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id).Take(ListLimit)).ToListAsync(ct)
                : [],
            ProgressOverTime = seriesBeside is not null ? await seriesBeside
                : parts.HasFlag(ReportParts.ProgressOverTime) ? await MonthlyStatusSeries.ReadAsync(db, filter, reportDate, ct) : [],
            AreaRows = areaSections ? await AreaRowsAsync(filter, byArea, ct) : new Dictionary<int, IReadOnlyList<ReportRow>>(),
            WithoutArea = areaSections ? await states.CountAsync(x => !db.DeliverableAreaLinks.Any(l => l.OwnerId == x.Deliverable.Id), ct) : 0,
            OutcomeSections = parts.HasFlag(ReportParts.OutcomeSections) ? await OutcomeSectionsAsync(states, byOutcome, filter, rowsPerOutcome, ct) : [],
            ByCouncil = parts.HasFlag(ReportParts.FollowThrough) ? await FollowThroughAsync(states, filter, ct) : [],
        };
    }

    /// <summary>
    /// The counts by status, how many are overdue, and how many more are at risk or delayed — one grouped pass over the
    /// selection rather than one per figure, because at 100,000 deliverables each pass costs about 0.15 s.
    /// </summary>
    private static async Task<(StatusTally Totals, int Overdue, int AtRiskOrDelayed)> HeadlineAsync(IQueryable<DeliverableAsOf> states,
        DateOnly reportDate, CancellationToken ct)
    {
        var groups = await states
            .GroupBy(x => new { x.Status, Late = x.Deliverable.TargetDate != null && x.Deliverable.TargetDate < reportDate })
            .Select(g => new { g.Key.Status, g.Key.Late, Count = g.Count() })
            .ToListAsync(ct);
        var overdue = groups.Where(g => g.Late && !DeliverableStatusText.Closed.Contains(g.Status)).Sum(g => g.Count);
        var atRiskOrDelayed = groups.Where(g => !g.Late && IsAtRiskOrDelayed(g.Status)).Sum(g => g.Count);
        return (new StatusTally(groups.Select(g => (g.Status, g.Count))), overdue, atRiskOrDelayed);
    }

    private static bool IsAtRiskOrDelayed(DeliverableStatus status) => status is DeliverableStatus.AtRisk or DeliverableStatus.Delayed;

    private static IQueryable<DeliverableAsOf> OverdueOn(IQueryable<DeliverableAsOf> states, DateOnly reportDate) =>
        states.Where(x => x.Deliverable.TargetDate < reportDate && !DeliverableStatusText.Closed.Contains(x.Status));

    private async Task<ChangeSummary> ChangeSummaryAsync(IQueryable<StatusChange> changes, CancellationToken ct)
    {
        var groups = await changes.GroupBy(h => new { Added = h.FromStatus == null, h.ToStatus })
            .Select(g => new { g.Key.Added, g.Key.ToStatus, Count = g.Count() })
            .ToListAsync(ct);
        return new ChangeSummary(groups.Where(g => g.Added).Sum(g => g.Count),
            new StatusTally(groups.Where(g => !g.Added).Select(g => (g.ToStatus, g.Count))));
    }

    /// <summary>
    /// Per Council, its selected deliverables and how many of them continue an earlier Council's deliverable by a link
    /// made by the report's date ("as of" reports count the links made by then).
    /// </summary>
    private async Task<IReadOnlyList<CouncilFollowThrough>> FollowThroughAsync(IQueryable<DeliverableAsOf> states, ReportFilter filter, CancellationToken ct)
    {
        var end = filter.AsOfEndUtc ?? DateTime.MaxValue;
        var totals = await states.GroupBy(x => x.Deliverable.Outcome.MeetingId).Select(g => new { MeetingId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var carried = await states.Where(x => db.Continuations.Any(c => c.DeliverableId == x.Deliverable.Id && c.LinkedAtUtc < end))
            .GroupBy(x => x.Deliverable.Outcome.MeetingId).Select(g => new { MeetingId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.MeetingId, g => g.Count, ct);
        var ids = totals.Select(t => t.MeetingId).ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Place.Ordinal, m.Place.City, m.Place.Country, m.Place.Date, m.Place.Year, Partnership = m.Partnership.Name })
            .ToDictionaryAsync(m => m.Id, ct);
        var several = await Councils.SeveralPartnershipsAsync(db, ct);
        return totals
            .Select(t => (Total: t, Meeting: meetings[t.MeetingId]))
            .OrderBy(x => x.Meeting.Partnership, StringComparer.Ordinal).ThenBy(x => x.Meeting.Ordinal ?? int.MaxValue).ThenBy(x => x.Meeting.Date)
            .ThenBy(x => x.Meeting.Id)
            .Select(x => new CouncilFollowThrough(x.Meeting.Id,
                CouncilNames.With(several ? x.Meeting.Partnership : null, _t.Council(x.Meeting.Ordinal, x.Meeting.City, x.Meeting.Country)),
                x.Total.Count, carried.GetValueOrDefault(x.Meeting.Id)))
            .ToList();
    }

    private async Task<ReportFileNameParts> FileNamePartsAsync(ReportFilter filter, string? partnershipSlug, DateOnly reportDate, CancellationToken ct)
    {
        string? council = null;
        if (filter.Deliverables.MeetingId is { } meetingId)
        {
            var place = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
                .Select(m => new { m.Place.Ordinal, m.Place.City, m.Place.Country }).FirstOrDefaultAsync(ct);
            council = place is null ? null
                : place.Ordinal is { } ordinal ? $"{MeetingPlace.OrdinalWord(ordinal)} Council" : MeetingPlace.ShortNameOf(null, place.City, place.Country);
        }

        var areaSlug = filter.Deliverables.AreaId is { } areaId
            ? await db.Areas.AsNoTracking().Where(a => a.Id == areaId).Select(a => a.Slug).FirstOrDefaultAsync(ct)
            : null;
        return new ReportFileNameParts(partnershipSlug, reportDate, council, areaSlug, filter.Deliverables.Status, filter.AsOf is not null);
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
            .Select(m => new { m.Place.Date, m.Place.Ordinal, m.Place.City, m.Place.Country, Partnership = m.Partnership.Name }).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return (null, null);
        }

        var several = await Councils.SeveralPartnershipsAsync(db, ct);
        var council = CouncilNames.With(several ? latest.Partnership : null, _t.Council(latest.Ordinal, latest.City, latest.Country));
        return (latest.Date, _t.CouncilOn(council, latest.Date!.Value));
    }

    private async Task<IReadOnlyList<OverdueDeliverable>> OverdueAsync(IQueryable<DeliverableAsOf> states, DateOnly reportDate,
        ReportFilter filter, CancellationToken ct)
    {
        var rows = await OverdueOn(states, reportDate).OrderBy(x => x.Deliverable.TargetDate).ThenBy(x => x.Deliverable.Id).Take(ListLimit)
            .Select(x => new { x.Deliverable.Id, x.Deliverable.Title, x.Deliverable.TargetDate, x.Status, x.Deliverable.EuLead, x.Deliverable.PartnerLead })
            .ToListAsync(ct);
        var notes = await ReportRows.LatestNotesAsync(db, rows.Select(r => r.Id).ToList(), filter.AsOfEndUtc, ct);
        return rows.Select(o => new OverdueDeliverable(o.Id, o.Title, o.TargetDate!.Value, o.Status,
                reportDate.DayNumber - o.TargetDate.Value.DayNumber, o.EuLead, o.PartnerLead, notes.GetValueOrDefault(o.Id)))
            .ToList();
    }

    /// <summary>At risk or delayed and not overdue, the nearest target first and those without one last.</summary>
    private async Task<IReadOnlyList<AtRiskOrDelayedDeliverable>> AtRiskOrDelayedAsync(IQueryable<DeliverableAsOf> states, DateOnly reportDate,
        ReportFilter filter, CancellationToken ct)
    {
        var rows = await states
            .Where(x => (x.Status == DeliverableStatus.AtRisk || x.Status == DeliverableStatus.Delayed)
                && !(x.Deliverable.TargetDate != null && x.Deliverable.TargetDate < reportDate))
            .OrderBy(x => x.Deliverable.TargetDate == null).ThenBy(x => x.Deliverable.TargetDate).ThenBy(x => x.Deliverable.Id).Take(ListLimit)
            .Select(x => new { x.Deliverable.Id, x.Deliverable.Title, x.Status, x.Deliverable.TargetDate, x.Deliverable.EuLead, x.Deliverable.PartnerLead })
            .ToListAsync(ct);
        var notes = await ReportRows.LatestNotesAsync(db, rows.Select(r => r.Id).ToList(), filter.AsOfEndUtc, ct);
        return rows.Select(r => new AtRiskOrDelayedDeliverable(r.Id, r.Title, r.Status, r.TargetDate, r.EuLead, r.PartnerLead,
            notes.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>
    /// The first <see cref="OutcomeSectionLimit"/> outcomes of <paramref name="byOutcome"/>, each with its first
    /// <paramref name="rowsPerOutcome"/> deliverables in the order of the Council text: one query per outcome, so only the
    /// page and the briefing ask. A deliverable belongs to one outcome, so each is listed once.
    /// </summary>
    private async Task<IReadOnlyList<OutcomeSection>> OutcomeSectionsAsync(IQueryable<DeliverableAsOf> states,
        IReadOnlyList<OutcomeProgress> byOutcome, ReportFilter filter, int rowsPerOutcome, CancellationToken ct)
    {
        var listed = new List<(OutcomeProgress Outcome, List<OutcomeRow> Rows)>();
        foreach (var outcome in byOutcome.Take(OutcomeSectionLimit))
        {
            var rows = await states.Where(x => x.Deliverable.OutcomeId == outcome.OutcomeId)
                .OrderBy(x => x.Deliverable.Position).ThenBy(x => x.Deliverable.Id).Take(rowsPerOutcome)
                .Select(x => new OutcomeRow(x.Deliverable.Id, x.Deliverable.Title, x.Status, x.Progress, x.Deliverable.EuLead,
                    x.Deliverable.PartnerLead, x.Deliverable.TargetDate))
                .ToListAsync(ct);
            listed.Add((outcome, rows));
        }

        var notes = await ReportRows.LatestNotesAsync(db, listed.SelectMany(o => o.Rows).Select(r => r.Id).ToList(), filter.AsOfEndUtc, ct);
        return listed.Select(o => new OutcomeSection(o.Outcome, o.Rows.Select(r => new OutcomeDeliverable(r.Id, r.Title, r.Status, r.Progress,
            r.EuLead, r.PartnerLead, r.TargetDate, notes.GetValueOrDefault(r.Id))).ToList())).ToList();
    }

    private sealed record OutcomeRow(int Id, string Title, DeliverableStatus Status, int? Progress, string? EuLead, string? PartnerLead,
        DateOnly? TargetDate);

    /// <summary>
    /// The first <see cref="RowsPerArea"/> deliverables of each area, leaving out those filed under an earlier area of
    /// the report (by the taxonomy's order): a deliverable is counted in each of its areas but listed once. One query
    /// per area, so only a briefing asks.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, IReadOnlyList<ReportRow>>> AreaRowsAsync(ReportFilter filter, IReadOnlyList<AreaProgress> areas,
        CancellationToken ct)
    {
        var rows = new Dictionary<int, IReadOnlyList<ReportRow>>();
        var earlier = new List<int>();
        foreach (var area in areas)
        {
            var inArea = filter with { Deliverables = filter.Deliverables with { AreaId = area.AreaId } };
            var listedBefore = earlier.ToList();
            rows[area.AreaId] = await ReportRows.DeliverablesAsync(db, inArea, RowsPerArea,
                states => states.Where(x => !db.DeliverableAreaLinks.Any(l => l.OwnerId == x.Deliverable.Id && listedBefore.Contains(l.AreaId))),
                ct).ToListAsync(ct);
            earlier.Add(area.AreaId);
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
        var several = await Councils.SeveralPartnershipsAsync(db, ct);
        // In chunks: SQLite limits the number of values in one IN list.
        foreach (var chunk in ids.Chunk(ReportRows.PageSize))
        {
            var found = await db.Outcomes.AsNoTracking().Where(o => chunk.Contains(o.Id))
                .Select(o => new { o.Id, o.Title, o.Position, o.Meeting.Place.Ordinal, o.Meeting.Place.City, o.Meeting.Place.Country, MeetingId = o.Meeting.Id,
                    Partnership = o.Meeting.Partnership.Name })
                .ToListAsync(ct);
            outcomes.AddRange(found.OrderBy(o => o.MeetingId).ThenBy(o => o.Position).Select(o =>
                new OutcomeProgress(o.Id, o.Title, CouncilNames.With(several ? o.Partnership : null, _t.Council(o.Ordinal, o.City, o.Country)),
                    new StatusTally(byOutcome[o.Id]))));
        }

        return outcomes;
    }
}

/// <summary>
/// What a report covers: its filter (with "changes since" resolved), partnership, day and time of making, and what
/// its file names say of them.
/// </summary>
public sealed record ReportScope(ReportFilter Filter, Partnership? Partnership, DateOnly ReportDate, DateTime GeneratedAtUtc, string? ChangesSinceLabel,
    ReportFileNameParts FileNameParts)
{
    public string FileName(ReportFormat format) => ReportFileNames.For(FileNameParts, format);
}
