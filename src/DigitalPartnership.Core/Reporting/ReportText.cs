using System.Globalization;
using DigitalPartnership.Core.Domain;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// The words reports are written in: English as the code writes it, or Japanese when the reader reads Japanese (the
/// current UI culture) and a localizer for this type was given. Keys are the English texts; the Japanese is in
/// <c>Resources/Reporting/ReportText.ja.resx</c>. Without a localizer (command line, API, unit tests) reports stay English.
/// </summary>
public sealed class ReportText(IStringLocalizer? localizer)
{
    /// <summary>English whatever the culture: for the API, the command line and file names.</summary>
    public static ReportText English { get; } = new(null);

    /// <summary>Whether this report is being written in Japanese.</summary>
    public bool IsJapanese => localizer is not null && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";

    /// <summary>The document language a PDF declares: "en-GB" or "ja".</summary>
    public string Language => IsJapanese ? "ja" : "en-GB";

    /// <summary>The text <paramref name="english"/> in the reader's language.</summary>
    public string this[string english] => IsJapanese ? localizer![english].Value : english;

    /// <summary>
    /// A sentence with placeholders in the reader's language; in English exactly <c>string.Format(InvariantCulture, …)</c>.
    /// Arguments should be strings already written (<see cref="Count"/>, <see cref="Day"/>), so numbers read the same in both.
    /// </summary>
    public string Format(string english, params object[] arguments) =>
        IsJapanese ? localizer![english, arguments].Value : string.Format(CultureInfo.InvariantCulture, english, arguments);

    /// <summary>Between the items of a list: ", " or "、".</summary>
    public string Comma => IsJapanese ? "、" : ", ";

    /// <summary>"3 May 2024" or "2024年5月3日".</summary>
    public string Day(DateOnly date) => IsJapanese ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : ReportDates.Day(date);

    /// <summary>"1,234" in both languages.</summary>
    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"In progress", "進行中".</summary>
    public string Status(DeliverableStatus status) => this[status.DisplayName()];

    /// <summary>A status inside a sentence: "in progress" in English, as <see cref="Status"/> in Japanese.</summary>
    public string StatusInSentence(DeliverableStatus status) => IsJapanese ? Status(status) : status.DisplayName().ToLowerInvariant();

    /// <summary>"1 deliverable", "12 deliverables", "成果物 12 件".</summary>
    public string Deliverables(int count) => count == 1 ? this["1 deliverable"] : Format("{0} deliverables", Count(count));

    /// <summary>"2nd Council, Brussels (3 May 2024)", "2024年5月3日の第2回評議会（Brussels）": a Council and the day it met.</summary>
    public string CouncilOn(string council, DateOnly day) => IsJapanese ? $"{Day(day)}の{council}" : $"{council} ({ReportDates.Day(day)})";

    /// <summary>"2nd Council, Brussels" or "第2回評議会（Brussels）": how reports name a meeting (the store keeps it in English).</summary>
    public string Council(int? ordinal, string? city, string? country)
    {
        if (!IsJapanese)
        {
            return MeetingPlace.ShortNameOf(ordinal, city, country);
        }

        var name = ordinal is { } n ? $"第{n}回評議会" : "評議会";
        return (city ?? country) is { } where ? $"{name}（{where}）" : name;
    }
}
