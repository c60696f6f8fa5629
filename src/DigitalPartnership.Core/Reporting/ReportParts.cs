namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// The parts of a <see cref="ProgressReport"/> beyond its figures, so each caller pays only for what it shows or
/// writes. The figures (totals, by area, by outcome, how many are overdue, at risk or delayed and changed, the filter
/// in words) are always built; a part not asked for stays empty.
/// </summary>
[Flags]
public enum ReportParts
{
    /// <summary>The figures only.</summary>
    None = 0,

    /// <summary>The most overdue deliverables with their latest note, up to <see cref="ProgressReportBuilder.ListLimit"/>.</summary>
    OverdueList = 1,

    /// <summary>The latest changes since the report's "changes since" day, up to <see cref="ProgressReportBuilder.ListLimit"/>.</summary>
    ChangeList = 2,

    /// <summary>Counts by status at each month end (<see cref="MonthlyStatusSeries"/>).</summary>
    ProgressOverTime = 4,

    /// <summary>
    /// The first deliverables of each area — each listed once, under the first of its areas — and how many have no
    /// area: one query per area.
    /// </summary>
    AreaSections = 8,

    /// <summary>
    /// At-risk and delayed deliverables that are not overdue (those are in <see cref="OverdueList"/>), with their latest
    /// note, up to <see cref="ProgressReportBuilder.ListLimit"/>.
    /// </summary>
    AtRiskOrDelayedList = 16,

    /// <summary>
    /// One section per key outcome, the first <see cref="ProgressReportBuilder.OutcomeSectionLimit"/> of them, each with
    /// its first <see cref="ProgressReportBuilder.RowsPerOutcome"/> deliverables and their latest note: one query per outcome.
    /// </summary>
    OutcomeSections = 32,

    /// <summary>
    /// Per Council of the selection, how many of its deliverables carry on a commitment of an earlier Council (a
    /// follow-through link) and how many are new: two grouped queries.
    /// </summary>
    FollowThrough = 64,

    /// <summary>The key issues a briefing opens with: overdue, at risk and delayed, each with the reason (latest note).</summary>
    KeyIssues = OverdueList | AtRiskOrDelayedList,

    /// <summary>What the reports page shows: the briefing's order, without the per-area lists.</summary>
    Page = KeyIssues | ChangeList | ProgressOverTime | OutcomeSections | FollowThrough,

    /// <summary>What the XLSX Summary sheet writes beside the figures; the rows stream separately.</summary>
    Spreadsheet = ProgressOverTime,

    /// <summary>What the PDF briefing writes: every part.</summary>
    Briefing = Page | AreaSections,
}
