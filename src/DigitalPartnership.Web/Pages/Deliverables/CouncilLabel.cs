using System.Text.RegularExpressions;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>
/// A Council's name as the follow-through proposals give it, in English ("2nd Council, Brussels"), in the reader's
/// language. The proposals carry only that label; they should carry the Council's parts, as <see cref="Core.Browsing.MeetingChoice"/> does.
/// </summary>
public static partial class CouncilLabel
{
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

    [GeneratedRegex(@"^(?:(?<p>.+) · )?(?:(?<n>\d+)(?:st|nd|rd|th) )?Council(?:, .+)?$")]
    private static partial Regex ShortName();
}
