namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// The parts of a <see cref="ProgressReport"/> beyond its figures, so each caller pays only for what it shows or
/// writes. The figures (totals, by area, by outcome, how many are overdue and changed, the filter in words) are
/// always built; a part not asked for stays empty.
/// </summary>
[Flags]
public enum ReportParts
{
    /// <summary>The figures only.</summary>
    None = 0,

    /// <summary>The most overdue deliverables, up to <see cref="ProgressReportBuilder.ListLimit"/>.</summary>
    OverdueList = 1,

    /// <summary>The latest changes since the report's "changes since" day, up to <see cref="ProgressReportBuilder.ListLimit"/>.</summary>
    ChangeList = 2,

    /// <summary>Counts by status at each month end (<see cref="MonthlyStatusSeries"/>).</summary>
    ProgressOverTime = 4,

    /// <summary>The first deliverables of each area and how many have no area: one query per area.</summary>
    AreaSections = 8,

    /// <summary>What the reports page shows.</summary>
    Page = OverdueList | ChangeList | ProgressOverTime,

    /// <summary>What the XLSX Summary sheet writes beside the figures; the rows stream separately.</summary>
    Spreadsheet = ProgressOverTime,

    /// <summary>What the PDF briefing writes: every part.</summary>
    Briefing = OverdueList | ChangeList | ProgressOverTime | AreaSections,
}
