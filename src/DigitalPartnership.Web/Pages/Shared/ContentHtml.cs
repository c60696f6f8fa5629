using System.Globalization;
using System.Text.Encodings.Web;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.Html;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>
/// Sentences that mix the portal's words with stored content (a city, a partnership's name): in English they are written
/// exactly as before; in Japanese the words are the reader's and each piece of stored content carries its own
/// <c>lang</c> (see <see cref="TextLanguage"/>), so a screen reader reads "Brussels" in English inside a Japanese line.
/// </summary>
public static partial class ContentHtml
{
    private static bool Japanese => Hosting.PortalCultures.IsJapanese;

    /// <summary>A shared word or sentence (<see cref="Hosting.PortalText"/>) in the reader's language; English without the localizer (a unit test).</summary>
    public static string Words(string key) => Display.Words?[key].Value ?? key;

    /// <summary><see cref="Words(string)"/> with its placeholders filled.</summary>
    public static string Words(string format, params object?[] arguments) =>
        string.Format(Hosting.PortalCultures.Formatting, Words(format), arguments);

    /// <summary>Stored text, in a <c>span lang</c> when its language differs from the page's; otherwise just the text.</summary>
    public static IHtmlContent Content(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }

        var encoded = HtmlEncoder.Default.Encode(text);
        return TextLanguage.Lang(text) is { } lang ? new HtmlString($"<span lang=\"{lang}\">{encoded}</span>") : new HtmlString(encoded);
    }

    /// <summary>
    /// A line the portal built in the reader's language around stored English it can no longer tell apart (a report's
    /// title around a partnership's name, "第2回評議会（Brussels）"): in Japanese each run of Latin-letter words carries
    /// <c>lang="en"</c>; in English the text as it is.
    /// </summary>
    public static IHtmlContent Mixed(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }

        if (!Japanese)
        {
            return new HtmlString(HtmlEncoder.Default.Encode(text));
        }

        var html = new System.Text.StringBuilder();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match run in LatinRun().Matches(text))
        {
            html.Append(HtmlEncoder.Default.Encode(text[at..run.Index]))
                .Append("<span lang=\"en\">").Append(HtmlEncoder.Default.Encode(run.Value)).Append("</span>");
            at = run.Index + run.Length;
        }

        return new HtmlString(html.Append(HtmlEncoder.Default.Encode(text[at..])).ToString());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[A-Za-z][A-Za-z'’.\-–]*(?:(?:\s|,\s)+[A-Za-z0-9][A-Za-z0-9'’.\-–]*)*")]
    private static partial System.Text.RegularExpressions.Regex LatinRun();

    /// <summary>
    /// Who made a change: a person's e-mail address as stored, or the portal's importer named in the reader's language
    /// (the store keeps <see cref="Core.Importing.CouncilImporter.ImporterName"/> in English).
    /// </summary>
    public static IHtmlContent By(string by) =>
        Japanese && by == Core.Importing.CouncilImporter.ImporterName ? new HtmlString(HtmlEncoder.Default.Encode(Words(by))) : Content(by);

    /// <summary>"Tokyo, Japan, 2025"; in Japanese "Tokyo, Japan、2025年" with the place marked as English.</summary>
    public static IHtmlContent Describe(MeetingPlace place)
    {
        if (!Japanese)
        {
            return new HtmlString(HtmlEncoder.Default.Encode(place.Describe()));
        }

        var parts = new List<string>(2);
        if (place.Location is { } location)
        {
            parts.Add(Content(location).ToString()!);
        }

        if (Display.When(place) is { } when)
        {
            parts.Add(HtmlEncoder.Default.Encode(when));
        }

        return new HtmlString(string.Join("、", parts));
    }

    /// <summary>"2nd Council, Brussels" (with its partnership before it when given); in Japanese "第2回評議会、Brussels".</summary>
    public static IHtmlContent ShortCouncil(string? partnershipName, MeetingPlace place)
    {
        if (!Japanese)
        {
            return new HtmlString(HtmlEncoder.Default.Encode(CouncilNames.Short(partnershipName, place)));
        }

        var council = HtmlEncoder.Default.Encode(Display.CouncilName(place));
        if ((place.City ?? place.Country) is { } where)
        {
            council += "、" + Content(where);
        }

        return partnershipName is null ? new HtmlString(council) : new HtmlString($"{Content(CouncilNames.ShortPartnership(partnershipName))} · {council}");
    }

    /// <summary>"EU–Korea · 2nd Council" where several partnerships could be meant; in Japanese with "第2回評議会".</summary>
    public static IHtmlContent Council(string? partnershipName, MeetingPlace place)
    {
        if (!Japanese)
        {
            return new HtmlString(HtmlEncoder.Default.Encode(CouncilNames.With(partnershipName, place.CouncilName)));
        }

        var council = HtmlEncoder.Default.Encode(Display.CouncilName(place));
        return partnershipName is null ? new HtmlString(council) : new HtmlString($"{Content(CouncilNames.ShortPartnership(partnershipName))} · {council}");
    }

    /// <summary>"2nd Council (Brussels, 3 May 2024)", as <see cref="Display.CouncilWithPlace(string?, MeetingPlace)"/>, its place marked in Japanese.</summary>
    public static IHtmlContent CouncilWithPlace(string? partnershipName, MeetingPlace place)
    {
        if (!Japanese)
        {
            return new HtmlString(HtmlEncoder.Default.Encode(Display.CouncilWithPlace(partnershipName, place)));
        }

        var where = Describe(place).ToString();
        return new HtmlString(Council(partnershipName, place) + (string.IsNullOrEmpty(where) ? "" : $"（{where}）"));
    }

    /// <summary>"In 3 months", "was expected in 2025; …": <see cref="CouncilCountdown.Describe"/> in the reader's language.</summary>
    public static string Countdown(MeetingPlace next, DateOnly today)
    {
        if (!Japanese)
        {
            return CouncilCountdown.Describe(next, today);
        }

        if (next.Date is { } date)
        {
            var days = date.DayNumber - today.DayNumber;
            return days switch
            {
                0 => Words("today"),
                1 => Words("tomorrow"),
                > 1 and <= 60 => Words("in {0} days", days),
                > 60 => Words("in about {0} months", Math.Round(days / 30.4)),
                -1 => Words("was due yesterday; no record of it has been imported yet"),
                _ => Words("was due {0} days ago; no record of it has been imported yet", -days),
            };
        }

        if (next.Year is { } year)
        {
            var years = year - today.Year;
            return years switch
            {
                0 => Words("later this year (date not yet announced)"),
                1 => Words("next year (date not yet announced)"),
                > 1 => Words("in {0} years (date not yet announced)", years),
                _ => Words("was expected in {0}; no record of it has been imported yet", year.ToString(CultureInfo.InvariantCulture)),
            };
        }

        return Words("date not yet announced");
    }
}
