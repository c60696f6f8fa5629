using DigitalPartnership.Core.Reporting.Pdf;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>
/// A test that needs the report fonts (DejaVu Sans and a Japanese TrueType face). Skipped, with the reason, when they
/// are not installed — unless REQUIRE_FONTS=1 (as in CI), where missing fonts must fail rather than pass quietly.
/// </summary>
public sealed class PdfFactAttribute : FactAttribute
{
    public PdfFactAttribute()
    {
        if (ReportFontFiles.FindInstalled() is not { Cjk: not null } && Environment.GetEnvironmentVariable("REQUIRE_FONTS") != "1")
        {
            Skip = $"The PDF report fonts are not installed (apt-get install {ReportFontFiles.DebianPackages}). "
                + "Set REQUIRE_FONTS=1 to make missing fonts a failure.";
        }
    }
}
