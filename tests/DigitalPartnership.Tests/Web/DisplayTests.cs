using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Pages.Shared;

namespace DigitalPartnership.Tests.Web;

/// <summary>Counts with their nouns (the one place the portal makes a plural), and the other words pages share.</summary>
public sealed class DisplayTests
{
    [Theory]
    [InlineData(0, "0 deliverables")]
    [InlineData(1, "1 deliverable")]
    [InlineData(2, "2 deliverables")]
    [InlineData(1204, "1,204 deliverables")]
    public void A_count_takes_the_singular_only_for_exactly_one(int count, string expected) =>
        Assert.Equal(expected, Display.Count(count, "deliverable"));

    [Theory]
    [InlineData(1, "1 entry")]
    [InlineData(3, "3 entries")]
    public void A_noun_with_its_own_plural_uses_it(int count, string expected) =>
        Assert.Equal(expected, Display.Count(count, "entry", "entries"));
}

/// <summary>Which texts are marked with their own language for screen readers and fonts.</summary>
public sealed class TextLanguageTests
{
    [Theory]
    [InlineData("日EUデジタルパートナーシップ協議会", "ja")]
    [InlineData("「半導体」に関する協力覚書に署名", "ja")]
    [InlineData("ｾﾐｺﾝ", "ja")]
    [InlineData("EU と日本は AI について合意した", "ja")]
    [InlineData("A Memorandum of Cooperation was signed", null)]
    [InlineData("Cooperation on 半導体 supply chains and research", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void On_an_English_page_text_mostly_in_Japanese_script_is_marked_ja(string? text, string? expected)
    {
        using var english = new ReadIn("en");
        Assert.Equal(expected, TextLanguage.Lang(text));
    }

    [Theory]
    [InlineData("日EUデジタルパートナーシップ協議会", null)]
    [InlineData("A Memorandum of Cooperation was signed", "en")]
    [InlineData("Cooperation on 半導体 supply chains and research", "en")]
    [InlineData("", null)]
    public void On_a_Japanese_page_English_text_is_marked_en(string? text, string? expected)
    {
        using var japanese = new ReadIn("ja");
        Assert.Equal(expected, TextLanguage.Lang(text));
    }

    /// <summary>The interface language of the code inside the using, as a request in that language has it.</summary>
    private sealed class ReadIn : IDisposable
    {
        private readonly System.Globalization.CultureInfo _before = System.Globalization.CultureInfo.CurrentUICulture;

        public ReadIn(string language) => System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(language);

        public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = _before;
    }

    [Theory]
    [InlineData("Tokyo", "Japan", 2025, "in Tokyo, Japan, in 2025", null)]
    [InlineData(null, "United States", 2025, "in the United States in 2025", null)]
    [InlineData(null, null, 2026, "in mid-2026 in Europe", "in mid-2026 in Europe")]
    [InlineData(null, "Belgium", 2026, "in Belgium in the spring of 2026", "in Belgium in the spring of 2026")]
    public void The_next_Councils_wording_is_shown_only_when_it_says_more_than_its_place(string? city, string? country, int year, string asStated, string? shown) =>
        Assert.Equal(shown, Display.AsStatedBeyond(new MeetingPlace(3, city, country, null, year), asStated));
}
