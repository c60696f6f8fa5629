namespace DigitalPartnership.Core.Reporting;

public enum ReportFormat
{
    Csv,
    Xlsx,
    Pdf,
}

/// <summary>Download names and content types: "eu-japan-progress-2025-05-01.xlsx".</summary>
public static class ReportFileNames
{
    private const string PartnershipSuffix = "-digital-partnership";

    public static string For(string? partnershipSlug, DateOnly reportDate, ReportFormat format)
    {
        var prefix = string.IsNullOrWhiteSpace(partnershipSlug)
            ? "digital-partnerships"
            : partnershipSlug.EndsWith(PartnershipSuffix, StringComparison.Ordinal) && partnershipSlug.Length > PartnershipSuffix.Length
                ? partnershipSlug[..^PartnershipSuffix.Length]
                : partnershipSlug;
        return $"{prefix}-progress-{reportDate:yyyy-MM-dd}.{Extension(format)}";
    }

    public static string For(ProgressReport report, ReportFormat format) => For(report.PartnershipSlug, report.ReportDate, format);

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
