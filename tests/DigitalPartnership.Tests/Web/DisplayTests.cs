using DigitalPartnership.Web.Pages.Shared;

namespace DigitalPartnership.Tests.Web;

/// <summary>Counts with their nouns: the one place the portal makes a plural.</summary>
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

/// <summary>Which texts are marked as Japanese for screen readers and fonts.</summary>
public sealed class JapaneseTextTests
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
    public void Text_mostly_in_Japanese_script_is_marked_ja(string? text, string? expected) =>
        Assert.Equal(expected, JapaneseText.Lang(text));
}
