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

    /// <summary>What the report was filtered by, as its file names say it (<see cref="ReportFileNames"/>).</summary>
    public required ReportFileNameParts FileNameParts { get; init; }

    public required StatusTally Totals { get; init; }
    public required IReadOnlyList<AreaProgress> ByArea { get; init; }

    /// <summary>Selected deliverables linked to no area (they appear in no area section); with <see cref="ReportParts.AreaSections"/>.</summary>
    public int WithoutArea { get; init; }

    public required IReadOnlyList<OutcomeProgress> ByOutcome { get; init; }

    public required int OverdueCount { get; init; }

    /// <summary>The most overdue first, at most <see cref="ProgressReportBuilder.ListLimit"/> of them; with <see cref="ReportParts.OverdueList"/>.</summary>
    public required IReadOnlyList<OverdueDeliverable> Overdue { get; init; }

    /// <summary>At risk or delayed and not overdue (an overdue one counts as overdue, so each key issue is counted once).</summary>
    public int AtRiskOrDelayedCount { get; init; }

    /// <summary>The nearest target first, at most <see cref="ProgressReportBuilder.ListLimit"/>; with <see cref="ReportParts.AtRiskOrDelayedList"/>.</summary>
    public IReadOnlyList<AtRiskOrDelayedDeliverable> AtRiskOrDelayed { get; init; } = [];

    /// <summary>Overdue, at risk or delayed: the deliverables a briefing opens with.</summary>
    public int KeyIssueCount => OverdueCount + AtRiskOrDelayedCount;

    /// <summary>Null when no date was given and no Council meeting has a date.</summary>
    public DateOnly? ChangesSince { get; init; }

    /// <summary>What <see cref="ChangesSince"/> is, in words: "2nd Council, Brussels (3 May 2024)".</summary>
    public string? ChangesSinceLabel { get; init; }

    public required int ChangeCount { get; init; }

    /// <summary>The changes since <see cref="ChangesSince"/> by what they did: deliverables added, and moves to each status.</summary>
    public ChangeSummary ChangeSummary { get; init; } = ChangeSummary.None;

    /// <summary>The latest first, at most <see cref="ProgressReportBuilder.ListLimit"/> of them; with <see cref="ReportParts.ChangeList"/>.</summary>
    public required IReadOnlyList<ReportChange> Changes { get; init; }

    /// <summary>Counts by status at the end of each month, from the first history row to the report date; with <see cref="ReportParts.ProgressOverTime"/>.</summary>
    public required IReadOnlyList<MonthlyStatus> ProgressOverTime { get; init; }

    /// <summary>
    /// The first deliverables of each area (by id), for the per-area lists of a briefing; a deliverable filed under
    /// several areas is listed under the first of them only. With <see cref="ReportParts.AreaSections"/>.
    /// </summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<ReportRow>> AreaRows { get; init; }

    /// <summary>
    /// One section per key outcome, in the order of <see cref="ByOutcome"/>, at most
    /// <see cref="ProgressReportBuilder.OutcomeSectionLimit"/>; with <see cref="ReportParts.OutcomeSections"/>.
    /// </summary>
    public IReadOnlyList<OutcomeSection> OutcomeSections { get; init; } = [];

    /// <summary>
    /// Per Council with deliverables in the selection, in Council order: how many carry on an earlier Council's commitment
    /// and how many are new there. With <see cref="ReportParts.FollowThrough"/>.
    /// </summary>
    public IReadOnlyList<CouncilFollowThrough> ByCouncil { get; init; } = [];

    /// <summary>Throws unless the report was built with <paramref name="needed"/>: a writer must not print an empty part as if nothing were in it.</summary>
    public void Require(ReportParts needed, string writer)
    {
        if ((Parts & needed) != needed)
        {
            throw new ArgumentException($"{writer} writes {needed & ~Parts}, which this report was built without.");
        }
    }
}

/// <summary>One Council's deliverables in a report: those linked to a deliverable of an earlier Council, and the rest, new there.</summary>
public sealed record CouncilFollowThrough(int MeetingId, string Council, int Deliverables, int CarriedOver)
{
    public int New => Deliverables - CarriedOver;
}

public sealed record AreaProgress(int AreaId, string Slug, string Name, StatusTally Counts);

public sealed record OutcomeProgress(int OutcomeId, string Title, string Meeting, StatusTally Counts);

/// <param name="LatestNote">The note of the deliverable's newest history row up to the report date: the reason a briefing gives.</param>
public sealed record OverdueDeliverable(int Id, string Title, DateOnly TargetDate, DeliverableStatus Status, int DaysOverdue,
    string? EuLead, string? PartnerLead, string? LatestNote = null)
{
    public string Leads => ReportLeads.Join(EuLead, PartnerLead);
}

/// <summary>A deliverable at risk or delayed whose target has not passed (or that has none).</summary>
/// <param name="LatestNote">The note of the deliverable's newest history row up to the report date.</param>
public sealed record AtRiskOrDelayedDeliverable(int Id, string Title, DeliverableStatus Status, DateOnly? TargetDate,
    string? EuLead, string? PartnerLead, string? LatestNote)
{
    public string Leads => ReportLeads.Join(EuLead, PartnerLead);
}

/// <summary>A key outcome with its figures and its first deliverables (<see cref="Deliverables"/> may hold fewer than it counts).</summary>
public sealed record OutcomeSection(OutcomeProgress Outcome, IReadOnlyList<OutcomeDeliverable> Deliverables)
{
    /// <summary>How many of the outcome's selected deliverables the section does not list.</summary>
    public int NotListed => Outcome.Counts.Total - Deliverables.Count;
}

/// <summary>One deliverable in its outcome's section, with its status as of the report date and the reason for it.</summary>
public sealed record OutcomeDeliverable(int Id, string Title, DeliverableStatus Status, int? Progress, string? EuLead, string? PartnerLead,
    DateOnly? TargetDate, string? LatestNote)
{
    public string Leads => ReportLeads.Join(EuLead, PartnerLead);
}

/// <summary>What changed since a day: how many deliverables were added, and how many moves went to each status.</summary>
public sealed record ChangeSummary(int Added, StatusTally MovedTo)
{
    public static ChangeSummary None { get; } = new(0, new StatusTally([]));
}

/// <summary>Counts by status at the end of one month (or at the report date, for the report's own month).</summary>
public sealed record MonthlyStatus(DateOnly MonthEnd, StatusTally Counts);
