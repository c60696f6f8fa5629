using DigitalPartnership.Core.Importing;

namespace DigitalPartnership.Tests.Importing;

/// <summary>The Markdown the parser reads: titles whole and apart, markup stripped, wrapped items kept together.</summary>
public sealed class CouncilTextNormalizerTests
{
    [Theory]
    [InlineData("**Joint Initiatives with Jamaica** **and Kenya  \n**  \nThe partners agreed.", "**Joint Initiatives with Jamaica and Kenya**")]
    [InlineData("The work goes on.  \n**  \nG. Trade-Related Initiatives**\n\nText.", "**G. Trade-Related Initiatives**")]
    [InlineData("economies.  \n**  \nTrade and** **Labor** **Dialogue**  \n\u00A0  \nThe first session.", "**Trade and Labor Dialogue**")]
    [InlineData("**Health Information for Research  \n**  \nThe partners intend.", "**Health Information for Research**")]
    [InlineData("**\u00A0 \u00A0 \u00A0B. Promoting sustainability\u00A0**", "**B. Promoting sustainability**")]
    public void Repairs_bold_titles_split_across_lines_and_sets_them_apart(string text, string title)
    {
        var lines = CouncilTextNormalizer.ToMarkdown(text).Split('\n');

        Assert.Contains(title, lines);
        var index = Array.IndexOf(lines, title);
        Assert.True(index == 0 || lines[index - 1].Trim().Length == 0, "the title starts its own paragraph");
    }

    [Fact]
    public void Keeps_a_title_wrapped_over_two_lines_in_one_paragraph()
    {
        var markdown = CouncilTextNormalizer.ToMarkdown("**Mutual Recognition Agreements and Conformity Assessment-Related\nInitiatives**  \n  \nThe partners agreed.");

        Assert.StartsWith("**Mutual Recognition Agreements and Conformity Assessment-Related\nInitiatives**\n\n", markdown);
    }

    [Fact]
    public void Strips_presentational_markup_and_keeps_its_text()
    {
        var markdown = CouncilTextNormalizer.ToMarkdown(
            "**II. <span style=\"text-decoration: underline\">Key Outcomes</span>**\n\n<!-- -->\n\nThe 75<sup>th</sup> year, divide<s>s</s>.");

        Assert.Equal("**II. Key Outcomes**\n\nThe 75th year, divide.\n", markdown);
    }

    [Fact]
    public void Turns_an_underlined_title_into_a_bold_one()
    {
        Assert.Equal("**Statement on Export Controls**\n", CouncilTextNormalizer.ToMarkdown("<u>Statement on Export Controls</u>"));
    }

    [Fact]
    public void Keeps_hard_wrapped_list_items_whole_and_does_not_make_a_wrapped_dash_a_bullet()
    {
        var markdown = CouncilTextNormalizer.ToMarkdown(
            "We agreed on a recharging station\n– a visible proof of success.\n\n1.  AI terminology and\n    taxonomy,\n2.  Standards, and\n3.  Risks.");

        Assert.Contains("We agreed on a recharging station\n– a visible proof of success.", markdown);
        Assert.Contains("1. AI terminology and\ntaxonomy,\n2. Standards, and\n3. Risks.", markdown);
    }

    [Fact]
    public void Joins_words_hyphenated_at_a_line_end_but_not_a_suspended_hyphen()
    {
        var markdown = CouncilTextNormalizer.ToMarkdown("the imple-\nmentation of tools for small-\nand medium-sized enterprises");

        Assert.Equal("the implementation\nof tools for small-\nand medium-sized enterprises\n", markdown);
    }

    [Fact]
    public void Removes_page_numbers_and_running_headers_of_a_PDF()
    {
        var markdown = CouncilTextNormalizer.ToMarkdown("Joint Statement\nPage 1 of 2\nFirst page.\n\fJoint Statement\nPage 2 of 2\nSecond page.");

        Assert.Equal("Joint Statement\nFirst page.\nSecond page.\n", markdown);
    }
}
