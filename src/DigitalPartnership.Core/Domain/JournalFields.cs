using System.Globalization;

namespace DigitalPartnership.Core.Domain;

/// <summary>
/// The fields the journal records, and the one place that turns two snapshots of a subject into journal details, so
/// the edit, bulk-update, new-deliverable, outcome and Council paths can never disagree on what changed.
/// </summary>
public static class JournalFields
{
    public const string Status = "status";
    public const string Progress = "progress";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string TitleJapanese = "title-ja";
    public const string SummaryJapanese = "summary-ja";
    public const string Notes = "notes";
    public const string EuLead = "eu-lead";
    public const string PartnerLead = "partner-lead";
    public const string TargetDate = "target-date";
    public const string Areas = "areas";
    public const string EvidenceLinks = "evidence-links";
    public const string Continues = "continues";
    public const string Ordinal = "ordinal";
    public const string City = "city";
    public const string Country = "country";
    public const string Date = "date";
    public const string Year = "year";
    public const string EndDate = "end-date";
    public const string NextOrdinal = "next-ordinal";
    public const string NextCity = "next-city";
    public const string NextCountry = "next-country";
    public const string NextDate = "next-date";
    public const string NextYear = "next-year";

    /// <summary>Fields whose values are long text, shown as a word-level difference rather than "old → new".</summary>
    public static bool IsLongText(string field) => field is Notes or Summary or Title or TitleJapanese or SummaryJapanese or EvidenceLinks or Continues;

    /// <summary>How a page names a field; <paramref name="partner"/> names the partner side ("Japan").</summary>
    public static string Label(string field, string partner = "Partner") => field switch
    {
        Status => "Status",
        Progress => "Progress",
        Title => "Title",
        Summary => "Summary",
        TitleJapanese => "Japanese title",
        SummaryJapanese => "Japanese summary",
        Notes => "Notes",
        EuLead => "EU-side lead",
        PartnerLead => $"{partner}-side lead",
        TargetDate => "Target date",
        Areas => "Areas",
        EvidenceLinks => "Evidence links",
        Continues => "Continues",
        Ordinal => "Ordinal",
        City => "City",
        Country => "Country",
        Date => "Date",
        Year => "Year",
        EndDate => "Last day",
        NextOrdinal => "Next Council: ordinal",
        NextCity => "Next Council: city",
        NextCountry => "Next Council: country",
        NextDate => "Next Council: date",
        NextYear => "Next Council: year",
        _ => field,
    };

    /// <summary>One detail per field whose text differs between the two snapshots, in the snapshots' order.</summary>
    public static IReadOnlyList<JournalDetail> Between(IReadOnlyList<(string Field, string? Value)> before, IReadOnlyList<(string Field, string? Value)> after)
    {
        var old = before.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);
        return after
            .Where(f => !string.Equals(old.GetValueOrDefault(f.Field), f.Value, StringComparison.Ordinal))
            .Select(f => new JournalDetail(f.Field, old.GetValueOrDefault(f.Field), f.Value))
            .ToList();
    }

    internal static string? Text(DeliverableStatus? status) => status?.DisplayName();
    internal static string? Text(int? number) => number?.ToString(CultureInfo.InvariantCulture);
    internal static string? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
