using System.Text.Encodings.Web;
using Ganss.Xss;
using Markdig;

namespace DigitalPartnership.Core.Text;

/// <summary>
/// The one way Markdown becomes HTML in the portal: raw HTML off, a chosen set of extensions, and the result
/// sanitised so no script, event attribute or unsafe link scheme can survive any spelling of it.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        // CommonMark will not close "**「半導体」**を": the run ends in punctuation and the next character is a letter,
        // which is how English spacing works and Japanese never spaces. This extension reads emphasis next to CJK text.
        .UseCjkFriendlyEmphasis()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        // Texts saved before the limits existed, or imported, may still be past them: they are shown as typed, never
        // as an error page.
        if (MarkdownLimits.DeepestLine(markdown) is not null)
        {
            return AsTyped(markdown);
        }

        try
        {
            return _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
        }
        catch (ArgumentException)
        {
            return AsTyped(markdown);
        }
    }

    /// <summary>The text exactly as typed, escaped, with a word on why it is not formatted.</summary>
    private static string AsTyped(string markdown) =>
        $"<p class=\"markdown-as-typed\">{HtmlEncoder.Default.Encode(markdown)}</p>"
        + "<p class=\"small text-secondary\">Shown as typed: this text nests too deeply to be formatted.</p>";

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedAttributes.Remove("id");
        sanitizer.AllowDataAttributes = false;
        // Links leave the portal without handing it the opener or the referrer.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
