using DigitalPartnership.Core.Text;

namespace DigitalPartnership.Tests.Text;

/// <summary>Emphasis in Japanese notes: bold that touches Japanese punctuation and letters, with no spaces around it.</summary>
public sealed class MarkdownCjkTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Theory]
    [InlineData("**「半導体」**を推進する", "<strong>「半導体」</strong>を")]
    [InlineData("日本と**EU**は合意した", "<strong>EU</strong>は")]
    [InlineData("*（仮称）*の設置", "<em>（仮称）</em>の")]
    public void Bold_and_italic_next_to_Japanese_text_are_rendered(string markdown, string expected) =>
        Assert.Contains(expected, Renderer.ToHtml(markdown));

    [Fact]
    public void English_emphasis_is_read_as_before() =>
        Assert.Equal("<p>Permits <strong>delayed</strong> in both countries.</p>\n", Renderer.ToHtml("Permits **delayed** in both countries."));

    [Fact]
    public void The_sanitizer_still_removes_script_inside_Japanese_emphasis() =>
        Assert.DoesNotContain("javascript", Renderer.ToHtml("**「[リンク](javascript:alert(1))」**を"), StringComparison.OrdinalIgnoreCase);
}
