using System.ComponentModel;
using System.Text.Json.Serialization;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Web.Api;

// The API's contract. Field names are the camelCase of these names: renaming a property renames a field for every client,
// so these records change only by adding.

/// <summary>A list that is short enough to send whole.</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);

public sealed record PartnershipModel(int Id, string Slug, string Name, [property: Description("The other side than the EU, e.g. \"Japan\".")] string Partner);

public sealed record MeetingModel(
    int Id,
    [property: Description("The partnership's slug.")] string Partnership,
    int? Ordinal,
    [property: Description("\"2nd Council, Brussels\": how the portal names the meeting.")] string Name,
    string Title,
    string? City,
    string? Country,
    DateOnly? Date,
    int? Year,
    int Outcomes);

/// <summary>How many deliverables stand at each status.</summary>
public sealed record StatusCountsModel(int Total, int NotStarted, int InProgress, int AtRisk, int Delayed, int Completed, int Discontinued)
{
    public static StatusCountsModel From(StatusTally tally) => new(tally.Total,
        tally[DeliverableStatus.NotStarted], tally[DeliverableStatus.InProgress], tally[DeliverableStatus.AtRisk],
        tally[DeliverableStatus.Delayed], tally[DeliverableStatus.Completed], tally[DeliverableStatus.Discontinued]);
}

public sealed record OutcomeModel(
    int Id,
    string Slug,
    string Title,
    string Summary,
    [property: Description("Order within its meeting's text, from 1.")] int Position,
    int MeetingId,
    [property: Description("Slugs of the areas it is filed under.")] IReadOnlyList<string> Areas,
    StatusCountsModel Deliverables,
    [property: Description("The title in Japanese, when an editor has given one; null otherwise.")] string? TitleJapanese,
    [property: Description("A summary in Japanese (Markdown), when an editor has written one; null otherwise.")] string? SummaryJapanese);

public sealed record AreaModel(string Slug, string Name, string Description, IReadOnlyList<string> Aliases, StatusCountsModel Deliverables);

public sealed record EvidenceLinkModel(
    [property: Description("An http:// or https:// address.")] string Url,
    string? Title);

/// <summary>A deliverable as lists show it.</summary>
public sealed record DeliverableSummaryModel(
    int Id,
    string Title,
    [property: JsonConverter(typeof(StatusJsonConverter))] DeliverableStatus Status,
    int? Progress,
    DateOnly? TargetDate,
    DateTime UpdatedAtUtc,
    int OutcomeId,
    string OutcomeSlug,
    int MeetingId,
    IReadOnlyList<string> Areas,
    int Version,
    [property: Description("The title in Japanese, when an editor has given one; null otherwise.")] string? TitleJapanese);

/// <summary>One page of deliverables; <c>next</c> is the cursor of the page after it, null on the last page.</summary>
public sealed record DeliverablePageModel(
    IReadOnlyList<DeliverableSummaryModel> Items,
    [property: Description("How many deliverables match the filters, on all pages.")] int Total,
    [property: Description("Pass as ?cursor= (with the same filters and sort) for the next page; null when there is none.")] string? Next);

/// <summary>A deliverable with everything an editor can change. Its ETag is its version.</summary>
public sealed record DeliverableModel(
    int Id,
    string Title,
    [property: JsonConverter(typeof(StatusJsonConverter))] DeliverableStatus Status,
    [property: Description("Percent, 0–100, or null.")] int? Progress,
    string? EuLead,
    [property: Description("The lead on the partner's side (Japan's, for the EU–Japan partnership).")] string? PartnerLead,
    DateOnly? TargetDate,
    [property: Description("Markdown.")] string? Notes,
    [property: Description("The sentence of the Council text this deliverable was extracted from.")] string? SourceSentence,
    IReadOnlyList<EvidenceLinkModel> EvidenceLinks,
    IReadOnlyList<string> Areas,
    int OutcomeId,
    string OutcomeSlug,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc,
    [property: Description("Moves on with every save; send it back as If-Match: \"<version>\" to PATCH.")] int Version,
    [property: Description("The title in Japanese, when an editor has given one; null otherwise.")] string? TitleJapanese,
    [property: Description("A summary in Japanese (Markdown), when an editor has written one; null otherwise.")] string? SummaryJapanese);

/// <summary>One row of a deliverable's append-only history.</summary>
public sealed record HistoryEntryModel(
    long Id,
    DateTime ChangedAtUtc,
    string ChangedBy,
    [property: JsonConverter(typeof(StatusJsonConverter)), Description("Null on the row that records how the deliverable came to be.")] DeliverableStatus? From,
    [property: JsonConverter(typeof(StatusJsonConverter))] DeliverableStatus To,
    int? Progress,
    [property: Description("Markdown: why the change was made.")] string? Note);

public sealed record NextCouncilModel(
    string Partnership,
    int? Ordinal,
    [property: Description("\"3rd Council\".")] string Name,
    string? City,
    string? Country,
    [property: Description("The day, when the text announcing it gave one.")] DateOnly? Date,
    int? Year,
    [property: Description("\"Tokyo, Japan, 2025\": as the texts put it.")] string Description,
    [property: Description("The meeting whose text announced it.")] int? AnnouncedAtMeetingId);

public sealed record TargetModel(
    int DeliverableId,
    string Title,
    DateOnly TargetDate,
    [property: JsonConverter(typeof(StatusJsonConverter))] DeliverableStatus Status);

public sealed record MilestonesModel(
    DateOnly Today,
    IReadOnlyList<NextCouncilModel> NextCouncils,
    [property: Description("Open deliverables' target dates from today on, the soonest first.")] IReadOnlyList<TargetModel> Targets,
    [property: Description("Open deliverables whose target date has passed.")] int Overdue);

public sealed record FilterLineModel(string Label, string Value);

public sealed record AreaSummaryModel(string Slug, string Name, StatusCountsModel Deliverables);

public sealed record OutcomeSummaryModel(int Id, string Title, string Meeting, StatusCountsModel Deliverables);

/// <summary>The figures of a progress report, as the reports page shows them.</summary>
public sealed record ReportSummaryModel(
    string Title,
    string? Partnership,
    [property: Description("The day statuses are read at.")] DateOnly AsOf,
    [property: Description("The filters in words.")] IReadOnlyList<FilterLineModel> Filters,
    StatusCountsModel Totals,
    IReadOnlyList<AreaSummaryModel> ByArea,
    IReadOnlyList<OutcomeSummaryModel> ByOutcome,
    int Overdue,
    [property: Description("Changes are counted from this day: the given ?since=, else the latest Council's date.")] DateOnly? ChangesSince,
    string? ChangesSinceLabel,
    int Changes);
