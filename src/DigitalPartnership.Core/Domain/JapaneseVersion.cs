namespace DigitalPartnership.Core.Domain;

/// <summary>
/// The Japanese title and summary an editor gives a deliverable or an outcome, beside the English it was recorded in.
/// Blank means none: a Japanese reader then sees the English, marked as English only.
/// </summary>
public sealed record JapaneseVersion(string? Title, string? Summary)
{
    public const int TitleMaxLength = 1000;
    public const int SummaryMaxLength = 8000;

    public static readonly JapaneseVersion None = new(null, null);

    /// <summary>Trimmed, blanks as null, within the limits; throws as every entity's checks do.</summary>
    public JapaneseVersion Checked() => new(
        TextRules.Require("The Japanese title", Title, TitleMaxLength, TextKind.SingleLine)?.Trim() is { Length: > 0 } title ? title : null,
        TextRules.Require("The Japanese summary", Summary, SummaryMaxLength, TextKind.Markdown)?.Trim() is { Length: > 0 } summary ? summary : null);
}
