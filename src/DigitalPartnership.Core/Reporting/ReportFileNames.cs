using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;

namespace DigitalPartnership.Core.Reporting;

public enum ReportFormat
{
    Csv,
    Xlsx,
    Pdf,
}

/// <summary>
/// What a report was filtered by, in the words its file names use: the partnership, the Council, the area, the
/// status and the day — the "as of" day when one was asked for.
/// </summary>
/// <param name="Council">"2nd Council" (or "Council, Brussels" when the text gave no ordinal); null when not filtered by one.</param>
/// <param name="IsAsOf">Whether <paramref name="ReportDate"/> is an "as of" day asked for, rather than today.</param>
public sealed record ReportFileNameParts(string? PartnershipSlug, DateOnly ReportDate, string? Council = null, string? AreaSlug = null,
    DeliverableStatus? Status = null, bool IsAsOf = false);

/// <summary>
/// The one home of download names and content types. A name says what was filtered, so a folder of briefings reads
/// as a list: "eu-japan-progress-2025-05-01.xlsx", "eu-japan-2nd-council-semiconductors-at-risk-as-of-2025-05-01.pdf".
/// </summary>
public static class ReportFileNames
{
    private const string PartnershipSuffix = "-digital-partnership";

    public static string For(string? partnershipSlug, DateOnly reportDate, ReportFormat format) =>
        For(new ReportFileNameParts(partnershipSlug, reportDate), format);

    public static string For(ProgressReport report, ReportFormat format) => For(report.FileNameParts, format);

    public static string For(ReportFileNameParts parts, ReportFormat format)
    {
        var slug = parts.PartnershipSlug;
        var segments = new List<string>
        {
            string.IsNullOrWhiteSpace(slug)
                ? "digital-partnerships"
                : slug.EndsWith(PartnershipSuffix, StringComparison.Ordinal) && slug.Length > PartnershipSuffix.Length
                    ? slug[..^PartnershipSuffix.Length]
                    : slug,
        };
        if (!string.IsNullOrWhiteSpace(parts.Council))
        {
            segments.Add(Slugs.From(parts.Council));
        }

        if (!string.IsNullOrWhiteSpace(parts.AreaSlug))
        {
            segments.Add(parts.AreaSlug);
        }

        if (parts.Status is { } status)
        {
            segments.Add(status.Slug());
        }

        segments.Add(parts.IsAsOf ? "as-of" : "progress");
        segments.Add(parts.ReportDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return $"{string.Join('-', segments.Where(s => s.Length > 0))}.{Extension(format)}";
    }

    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Csv => "csv",
        ReportFormat.Xlsx => "xlsx",
        ReportFormat.Pdf => "pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Csv => "text/csv; charset=utf-8",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Pdf => "application/pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Accepts "csv", "xlsx" or "pdf" in any case, as <c>/reports/export?format=</c> takes them.</summary>
    public static bool TryParse(string? value, out ReportFormat format)
    {
        foreach (var candidate in Enum.GetValues<ReportFormat>())
        {
            if (string.Equals(Extension(candidate), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }
}
