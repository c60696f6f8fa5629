using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Reporting;

/// <summary>One deliverable as every export writes it, with its status as of the report's date.</summary>
public sealed record ReportRow(
    int Id,
    string Title,
    string Outcome,
    string Meeting,
    string Areas,
    DeliverableStatus Status,
    int? Progress,
    string? EuLead,
    string? PartnerLead,
    DateOnly? TargetDate,
    DateTime? LastChangeUtc,
    string? TitleJapanese = null)
{
    public string StatusName => Status.DisplayName();

    public string Leads => ReportLeads.Join(EuLead, PartnerLead);

    /// <summary>
    /// The column headings, in the order the CSV and XLSX exports write the fields. Columns are only ever added at the
    /// end, so a sheet or script that reads a column by its place keeps working.
    /// </summary>
    public static IReadOnlyList<string> Headings { get; } =
    [
        "Id", "Title", "Outcome", "Meeting", "Areas", "Status", "Progress (%)", "EU lead", "Partner lead", "Target date",
        "Last change (UTC)", "Title (Japanese)",
    ];
}

/// <summary>One history row of a deliverable in a report: who moved it from which status to which, when and why.</summary>
public sealed record ReportChange(
    long Id,
    int DeliverableId,
    string DeliverableTitle,
    DeliverableStatus? FromStatus,
    DeliverableStatus ToStatus,
    int? Progress,
    string ChangedBy,
    DateTime ChangedAtUtc,
    string? Note)
{
    /// <summary>"In progress → Completed", or "New: Not started" for the row that created the deliverable.</summary>
    public string Transition => FromStatus is { } from ? $"{from.DisplayName()} → {ToStatus.DisplayName()}" : $"New: {ToStatus.DisplayName()}";

    public static IReadOnlyList<string> Headings { get; } =
    [
        "Change id", "Deliverable id", "Deliverable", "From", "To", "Progress (%)", "Changed by", "Changed at (UTC)", "Note",
    ];
}

/// <summary>How reports write who leads a deliverable: "DG CONNECT / MIC", either side alone, or nothing.</summary>
public static class ReportLeads
{
    public static string Join(string? euLead, string? partnerLead) =>
        string.Join(" / ", new[] { euLead, partnerLead }.Where(lead => !string.IsNullOrWhiteSpace(lead)));
}
