using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Meetings;

/// <summary>
/// How the meeting, milestone and partnership pages write a Council in the reader's language, with its stored parts
/// (place, partnership name) marked with their own language so a screen reader switches voice. In English every method
/// writes exactly what the page wrote before (no markup where no language needs marking).
/// </summary>
public sealed class MeetingText
{
    private MeetingText()
    {
    }

    private static bool Japanese => PortalCultures.IsJapanese;

    /// <summary>Several stored texts (area names, shared words) joined as the reader's language lists them.</summary>
    public static IHtmlContent List(IEnumerable<string> texts)
    {
        var builder = new HtmlContentBuilder();
        var first = true;
        foreach (var text in texts)
        {
            if (!first)
            {
                builder.Append(Japanese ? "、" : ", ");
            }

            builder.AppendHtml(ContentHtml.Content(text));
            first = false;
        }

        return builder;
    }

    /// <summary>"2nd", "第2回": which Council, without the word Council.</summary>
    public static string Ordinal(int ordinal) => Japanese ? $"第{ordinal}回" : MeetingPlace.OrdinalWord(ordinal);

    /// <summary>The separator between a Council's name and its place: ", " or "、".</summary>
    public static string Comma => Japanese ? "、" : ", ";

    /// <summary>The separator after a label or name: ": " or "：".</summary>
    public static string Colon => Japanese ? "：" : ": ";

    /// <summary>"4–5 June 2025", "2025年6月4日～5日": a Council's days in the reader's language, or null when not stated.</summary>
    public static string? When(MeetingPlace place, DateOnly? lastDay)
    {
        if (!Japanese)
        {
            return MeetingDays.Describe(place, lastDay);
        }

        if (place.Date is { } first && lastDay is { } last && last > first)
        {
            return Days(first, last);
        }

        return Display.When(place);
    }

    /// <summary>"2025年6月4日～5日" for a range of days (a single day when <paramref name="last"/> is not later).</summary>
    public static string Days(DateOnly first, DateOnly last)
    {
        if (!Japanese)
        {
            return MeetingDays.Describe(first, last);
        }

        if (last <= first)
        {
            return Display.Date(first);
        }

        return first.Year != last.Year ? $"{Display.Date(first)}～{Display.Date(last)}"
            : first.Month != last.Month ? $"{Display.Date(first)}～{last.Month}月{last.Day}日"
            : $"{Display.Date(first)}～{last.Day}日";
    }

    /// <summary>"3rd Council: Tokyo, Japan, 2025", "第3回評議会：Tokyo, Japan、2025年": a Council a text announced.</summary>
    public static IHtmlContent Announced(MeetingPlace next)
    {
        if (!Japanese)
        {
            return new StringHtmlContent(Display.Announced(next));
        }

        var builder = new HtmlContentBuilder();
        builder.Append(Display.CouncilName(next) + Colon);
        builder.AppendHtml(ContentHtml.Describe(next));
        return builder;
    }

    /// <summary>"2nd Council, Brussels": a Council's name and, when known, its place (the place marked).</summary>
    public static IHtmlContent NameAndPlace(IHtmlContent councilName, string? location)
    {
        var builder = new HtmlContentBuilder();
        builder.AppendHtml(councilName);
        if (location is not null)
        {
            builder.Append(Comma);
            builder.AppendHtml(ContentHtml.Content(location));
        }

        return builder;
    }

    /// <summary>
    /// "EU–Korea · 2nd Council" where the store holds several partnerships, "2nd Council" where it holds one: as
    /// <see cref="PartnershipScope.Council"/>, in the reader's language, the partnership's name marked.
    /// </summary>
    public static IHtmlContent Council(PartnershipScope scope, string partnership, int? ordinal) =>
        Council(scope.NameBeside(partnership), ordinal);

    /// <inheritdoc cref="Council(PartnershipScope, string, int?)"/>
    public static IHtmlContent Council(string? partnership, int? ordinal) =>
        ContentHtml.Council(partnership, new MeetingPlace(ordinal, null, null, null, null));
}
