using System.Globalization;
using System.Text.RegularExpressions;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;
using DigitalPartnership.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>
/// The rules' sentences (TextRules, DateText, EvidenceLink: Core writes them in English, for the API and the importer
/// too) in the reader's language, for every form. In English each is exactly Core's sentence; in Japanese
/// the same rule is said in Japanese, from the resource <c>Pages/Shared/FormText.ja.resx</c>.
/// </summary>
public sealed partial class FormText
{
    private FormText() { }

    /// <summary>The localizer for these sentences, from the request's services.</summary>
    public static IStringLocalizer Of(IServiceProvider services) =>
        services.GetRequiredService<IStringLocalizer<FormText>>();

    /// <summary>As <see cref="TextRules.Problem"/>; <paramref name="label"/> is its English ("The title"), a text to translate.</summary>
    public static string? Text(IStringLocalizer text, string label, string? value, int maxLength, TextKind kind)
    {
        if (TextRules.Problem(label, value, maxLength, kind) is not { } english || !PortalCultures.IsJapanese)
        {
            return TextRules.Problem(label, value, maxLength, kind);
        }

        var name = text[label].Value;
        if (value!.Length > maxLength)
        {
            return text["{0} can be at most {1} characters long ({2} now).", name, maxLength.ToString("N0", CultureInfo.InvariantCulture),
                value.Length.ToString("N0", CultureInfo.InvariantCulture)];
        }

        if (TextRules.HasInvisibleControls(value, kind != TextKind.SingleLine))
        {
            return text["{0} contains invisible control characters; type or paste it again as plain text.", name];
        }

        return MarkdownLimits.Problem(value) is { } nesting && DeepLine().Match(nesting) is { Success: true } deep
            ? text["{0} cannot be formatted: it nests quotes, lists or brackets more than {1} levels deep (line {2}). Please simplify it.", name, MarkdownLimits.MaxDepth, deep.Groups[1].Value]
            : MarkdownLimits.Problem(value) is not null
                ? text["{0} cannot be formatted: it nests quotes, lists or brackets too deeply. Please simplify it.", name]
                : english;
    }

    /// <summary>As <see cref="DateText.Problem"/>; <paramref name="label"/> is its English, a text to translate.</summary>
    public static string Date(IStringLocalizer text, string label, string value)
    {
        if (!PortalCultures.IsJapanese)
        {
            return DateText.Problem(label, value);
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? text["{0}: \"{1}\" is outside the dates the portal works with ({2} to {3}).", text[label].Value, value, DateText.Earliest.Year, DateText.Latest.Year]
            : text["{0}: \"{1}\" is not a date that exists; write it as 2025-05-01.", text[label].Value, value];
    }

    /// <summary>As <see cref="EvidenceLink.Problem"/>.</summary>
    public static string? Link(IStringLocalizer text, string url, string? title)
    {
        if (!PortalCultures.IsJapanese || EvidenceLink.Problem(url, title) is null)
        {
            return EvidenceLink.Problem(url, title);
        }

        return !EvidenceLink.IsWebAddress(url)
            ? text["only http:// and https:// addresses are accepted as evidence (address first, then an optional title)."]
            : Text(text, "the address", url, EvidenceLink.UrlMaxLength, TextKind.SingleLine)
              ?? Text(text, "the link title", title, EvidenceLink.TitleMaxLength, TextKind.SingleLine);
    }

    [GeneratedRegex(@"\(line (\d+)\)")]
    private static partial Regex DeepLine();
}
