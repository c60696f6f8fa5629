using System.Diagnostics;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Importing;

/// <summary>Input no statement resembles: read or refused with one line, in under a second, never a hang or a crash.</summary>
public sealed class CouncilTextParserBadInputTests
{
    private const string Opening = "The EU and Japan held their second Digital Partnership Council meeting in Brussels.\n\n";
    private const string Item = "\n\n- AI: The partners agreed to cooperate on trustworthy AI.\n";

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    public static TheoryData<string, string, string> Refused => new()
    {
        { "a 5 MB text", string.Concat(Enumerable.Repeat(Opening + Item, 40_000)), "at most 500,000" },
        { "one line", "The EU and Japan held their second Digital Partnership Council in Tokyo.", "no key outcomes" },
        { "an HTML page", "<html><body><h1>EU and Japan</h1><p>The EU and Japan met.</p><ul><li>AI: agreed</li></ul></body></html>", "HTML" },
        { "a Japanese text", "日EUデジタルパートナーシップ閣僚会合\n\n2023年7月3日、東京において第1回閣僚会合が開催された。\n\n・半導体：早期警戒メカニズムを設置する。\n", "not in English" },
        { "10,000 brackets", Opening + new string('[', 10_000) + Item, "brackets or emphasis" },
        { "10,000 emphasis runs", Opening + string.Concat(Enumerable.Repeat("*a", 10_000)) + Item, "brackets or emphasis" },
        { "1,000 lists opened on one line", Opening + string.Concat(Enumerable.Repeat("- ", 1_000)) + "x" + Item, "nested lists" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_with_one_line_naming_the_reason(string input, string text, string reason)
    {
        var (error, elapsed) = Time(() => Assert.Throws<CouncilTextException>(() => Parse(text)));

        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.True(elapsed < Budget, $"{input} took {elapsed.TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(10_000)]
    public void Flattens_deeply_nested_quotes_instead_of_letting_Markdig_throw(int depth)
    {
        var (text, elapsed) = Time(() => Parse(new string('>', depth) + " " + Opening + Item));

        Assert.Equal("AI", Assert.Single(text.Outcomes).Title);
        Assert.True(elapsed < Budget);
    }

    [Fact]
    public void Flattens_lists_indented_hundreds_of_levels_deep()
    {
        var nested = string.Join("\n", Enumerable.Range(0, 900).Select(i => new string(' ', i) + "- Item: the partners agreed."));

        var (text, elapsed) = Time(() => Parse(Opening + nested));

        Assert.NotEmpty(text.Outcomes);
        Assert.True(elapsed < Budget);
    }

    [Fact]
    public void Reads_ten_thousand_asterisks_in_a_row_as_a_rule_not_as_emphasis()
    {
        var (text, elapsed) = Time(() => Parse(Opening + new string('*', 10_000) + Item));

        Assert.Single(text.Outcomes);
        Assert.True(elapsed < Budget);
    }

    [Fact]
    public void Reads_the_longest_text_it_accepts_in_under_a_second()
    {
        var statement = File.ReadAllText(TestFiles.CouncilText("lettered-sections-split-bold.md"));
        var text = string.Concat(Enumerable.Repeat(statement, CouncilTextLimits.MaxCharacters / statement.Length));
        Parse(text); // the first run pays for compiling the parser's code

        var (parsed, elapsed) = Time(() => Parse(text));

        Assert.True(parsed.Outcomes.Count > 1_000);
        Assert.True(elapsed < Budget, $"took {elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void Reads_a_clause_list_of_half_a_megabyte_without_a_quadratic_search()
    {
        var item = "- AI: " + string.Concat(Enumerable.Repeat("the partners agreed, and ", 19_000)) + "done.\n";

        var (text, elapsed) = Time(() => Parse(item));

        Assert.Single(text.Outcomes);
        Assert.True(elapsed < Budget, $"took {elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void Reads_text_extracted_from_a_PDF_without_its_page_furniture_or_hyphenation()
    {
        var text = TestFiles.Parse(TestFiles.CouncilText("pdf-extracted.txt"));

        Assert.Equal("Joint Statement of the First EU-Canada Digital Partnership Council", text.Title);
        Assert.Equal("EU–Canada Digital Partnership", text.Partnership?.Name);
        Assert.Equal(new MeetingPlace(1, "Montreal", "Canada", new DateOnly(2024, 6, 3), 2024), text.Meeting);
        Assert.Equal(["Artificial intelligence", "Quantum", "Semiconductors"], text.Outcomes.Select(o => o.Title));
        Assert.Equal("The partners signed a memorandum on the cooperation of their AI institutes", text.Outcomes[0].Deliverables[0].Title);
        Assert.DoesNotContain(text.Sections, s => s.Markdown.Contains("Page 2"));
        Assert.Equal(new MeetingPlace(2, "Brussels", "Belgium", null, 2025), text.NextMeeting);
    }

    private static CouncilText Parse(string text) => new CouncilTextParser(TestFiles.Taxonomy).Parse(text);

    private static (T Result, TimeSpan Elapsed) Time<T>(Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        return (result, watch.Elapsed);
    }
}
