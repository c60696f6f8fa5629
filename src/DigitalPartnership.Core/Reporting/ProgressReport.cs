using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// A progress report as a manager hands it on: what it covers, the figures by status, area and outcome, what is
/// overdue, what changed since a date, and how the counts moved month by month. Lists that can grow with the data
/// (overdue, changes) hold their first rows and say how many there are; the exports stream the rest.
/// </summary>
public sealed record ProgressReport
{
    /// <summary>The parts built beyond the figures; the lists of a part not built are empty.</summary>
    public required ReportParts Parts { get; init; }

    public required string Title { get; init; }

    /// <summary>The partnership the report covers; null when it covers several.</summary>
    public string? PartnershipName { get; init; }

    public string? PartnershipSlug { get; init; }

    /// <summary>The day the statuses are read at: the filter's as-of date, or today (UTC).</summary>
    public required DateOnly ReportDate { get; init; }

    public required DateTime GeneratedAtUtc { get; init; }

    /// <summary>The filter as applied, with <see cref="ReportFilter.ChangesSince"/> resolved; pass it on to the row streams.</summary>
    public required ReportFilter Filter { get; init; }

    /// <summary>The filters in words, for a title page: ("Area", "Artificial intelligence (AI)").</summary>
    public required IReadOnlyList<ReportFilterLine> FilterLines { get; init; }

    public required StatusTally Totals { get; init; }
    public required IReadOnlyList<AreaProgress> ByArea { get; init; }

    /// <summary>Selected deliverables linked to no area (they appear in no area section); with <see cref="ReportParts.AreaSections"/>.</summary>
    public int WithoutArea { get; init; }

    public required IReadOnlyList<OutcomeProgress> ByOutcome { get; init; }

    public required int OverdueCount { get; init; }

    /// <summary>The most overdue first, at most <see cref="ProgressReportBuilder.ListLimit"/> of them; with <see cref="ReportParts.OverdueList"/>.</summary>
    public required IReadOnlyList<OverdueDeliverable> Overdue { get; init; }

    /// <summary>Null when no date was given and no Council meeting has a date.</summary>
    public DateOnly? ChangesSince { get; init; }

    /// <summary>What <see cref="ChangesSince"/> is, in words: "2nd Council, Brussels (3 May 2024)".</summary>
    public string? ChangesSinceLabel { get; init; }

    public required int ChangeCount { get; init; }

    /// <summary>The latest first, at most <see cref="ProgressReportBuilder.ListLimit"/> of them; with <see cref="ReportParts.ChangeList"/>.</summary>
    public required IReadOnlyList<ReportChange> Changes { get; init; }

    /// <summary>Counts by status at the end of each month, from the first history row to the report date; with <see cref="ReportParts.ProgressOverTime"/>.</summary>
    public required IReadOnlyList<MonthlyStatus> ProgressOverTime { get; init; }

    /// <summary>The first deliverables of each area (by id), for the per-area sections of a briefing; with <see cref="ReportParts.AreaSections"/>.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<ReportRow>> AreaRows { get; init; }

    /// <summary>Throws unless the report was built with <paramref name="needed"/>: a writer must not print an empty part as if nothing were in it.</summary>
    public void Require(ReportParts needed, string writer)
    {
        if ((Parts & needed) != needed)
        {
            throw new ArgumentException($"{writer} writes {needed & ~Parts}, which this report was built without.");
        }
    }
}

public sealed record AreaProgress(int AreaId, string Slug, string Name, StatusTally Counts);

public sealed record OutcomeProgress(int OutcomeId, string Title, string Meeting, StatusTally Counts);

public sealed record OverdueDeliverable(int Id, string Title, DateOnly TargetDate, DeliverableStatus Status, int DaysOverdue,
    string? EuLead, string? PartnerLead);

/// <summary>Counts by status at the end of one month (or at the report date, for the report's own month).</summary>
public sealed record MonthlyStatus(DateOnly MonthEnd, StatusTally Counts);
