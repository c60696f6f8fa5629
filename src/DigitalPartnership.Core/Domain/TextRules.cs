using DigitalPartnership.Core.Text;

namespace DigitalPartnership.Core.Domain;

/// <summary>What kind of text a field holds, which decides the rules it follows.</summary>
public enum TextKind
{
    /// <summary>A title, a name, a lead: one line.</summary>
    SingleLine,

    /// <summary>Plain text over several lines (a summary).</summary>
    MultiLine,

    /// <summary>Markdown over several lines (notes, change notes), formatted when shown.</summary>
    Markdown,
}

/// <summary>
/// The rules every text typed into the portal follows, in one place: the forms use them to explain a mistake in words,
/// the entities to refuse what a form let through.
/// </summary>
public static class TextRules
{
    /// <summary>Null when <paramref name="text"/> may be stored, else a sentence that starts with <paramref name="label"/>.</summary>
    public static string? Problem(string label, string? text, int maxLength, TextKind kind)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            return $"{label} can be at most {maxLength:N0} characters long ({text.Length:N0} now).";
        }

        if (HasInvisibleControls(text, kind != TextKind.SingleLine))
        {
            return $"{label} contains invisible control characters (such as a line break or a right-to-left override); type or paste it again as plain text.";
        }

        return kind == TextKind.Markdown && MarkdownLimits.Problem(text) is { } nesting
            ? $"{label} cannot be formatted: {nesting}. Please simplify it."
            : null;
    }

    /// <summary>
    /// The entities' own check of what a form or the importer should already have refused: throws when
    /// <paramref name="text"/> breaks a rule, or is blank where <paramref name="required"/>. Returns the text.
    /// </summary>
    public static string? Require(string label, string? text, int maxLength, TextKind kind, bool required = false)
    {
        if (required && string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{label} is required.", nameof(text));
        }

        return Problem(label, text, maxLength, kind) is { } problem ? throw new ArgumentException(problem, nameof(text)) : text;
    }

    /// <summary>
    /// Control characters (a line break counts in a one-line field), and the Unicode marks that reorder text as it is
    /// displayed (U+202A–U+202E, U+2066–U+2069): "‮gpj.exe" shows as "exe.jpg".
    /// </summary>
    /// <summary>A heading or wording cut at a word to fit its column, with "…" to show it was cut; null stays null.</summary>
    public static string? Within(string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }

        var cut = text[..(maxLength - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > maxLength / 2 ? cut[..space] : cut).TrimEnd() + "…";
    }

    public static bool HasInvisibleControls(string text, bool multiline) =>
        text.Any(c => (char.IsControl(c) && !(multiline && c is '\n' or '\t' or '\r')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
}
