using System.Net;
using System.Text.RegularExpressions;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>
/// A Council's name where the deliverable pages show it, with the place (stored content, English for now) marked with
/// its language on a Japanese page, so a screen reader reads "Brussels" in an English voice and the rest in Japanese.
/// </summary>
public static partial class CouncilLabel
{
    /// <summary>As <see cref="Display.CouncilWithPlace(string?, MeetingPlace)"/>, as HTML; in English exactly its text.</summary>
    public static HtmlString WithPlace(string? partnership, MeetingPlace place)
    {
        if (!PortalCultures.IsJapanese)
        {
            return new HtmlString(WebUtility.HtmlEncode(Display.CouncilWithPlace(partnership, place)));
        }

        var where = new[] { Marked(place.Location), Display.When(place) is { } when ? WebUtility.HtmlEncode(when) : null }
            .Where(part => part is not null).ToList();
        var name = WebUtility.HtmlEncode(CouncilNames.With(partnership, Display.CouncilName(place)));
        return new HtmlString(where.Count == 0 ? name : $"{name}（{string.Join("、", where)}）");
    }

    /// <summary>
    /// A Council's short English label as Core writes it ("2nd Council, Brussels", "EU–Korea · 2nd Council") in the
    /// reader's language: in Japanese "第2回評議会" (with its partnership), the place left out, as an option cannot mark
    /// part of its text as English.
    /// </summary>
    public static string Short(string english)
    {
        if (!PortalCultures.IsJapanese || ShortName().Match(english) is not { Success: true } match)
        {
            return english;
        }

        var council = match.Groups["n"].Success ? Display.CouncilName(int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)) : Display.CouncilName((int?)null);
        return match.Groups["p"].Success ? $"{match.Groups["p"].Value} · {council}" : council;
    }

    private static string? Marked(string? text) =>
        text is null ? null
        : TextLanguage.Lang(text) is { } lang ? $"<span lang=\"{lang}\">{WebUtility.HtmlEncode(text)}</span>"
        : WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"^(?:(?<p>.+) · )?(?:(?<n>\d+)(?:st|nd|rd|th) )?Council(?:, .+)?$")]
    private static partial Regex ShortName();
}
