using Markdig;

namespace DigitalPartnership.Core.Text;

/// <summary>
/// How deeply a Markdown text may nest quotes, lists and brackets. Markdig refuses input nested past its own depth
/// limit (by throwing), and deep nesting costs time out of proportion to the text: a note of 130 nested "&gt;" once
/// broke its deliverable's page for everyone. Texts are checked when they are saved, and again when they are shown.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Far beyond any note a person writes; far below what Markdig refuses.</summary>
    public const int MaxDepth = 32;

    private static readonly MarkdownPipeline StructureOnly = new MarkdownPipelineBuilder().Build();

    /// <summary>Null when <paramref name="markdown"/> can be formatted, else what is wrong: "the text nests … (line 3)".</summary>
    public static string? Problem(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return null;
        }

        if (DeepestLine(markdown) is { } line)
        {
            return $"the text nests quotes, lists or brackets more than {MaxDepth} levels deep (line {line})";
        }

        try
        {
            Markdown.Parse(markdown, StructureOnly);
            return null;
        }
        catch (ArgumentException)
        {
            return "the text nests quotes, lists or brackets more deeply than the portal can format";
        }
    }

    /// <summary>
    /// The first line (from 1) that opens more than <see cref="MaxDepth"/> levels, or null. Counts, in one pass: the
    /// quote markers and list markers that start a line (with its indentation, two columns a level), and the square
    /// brackets left open, which is how a text nests links.
    /// </summary>
    internal static int? DeepestLine(string markdown)
    {
        var line = 1;
        var openBrackets = 0;
        var atLineStart = true;
        var prefixDepth = 0;
        var indent = 0;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\n')
            {
                line++;
                atLineStart = true;
                prefixDepth = 0;
                indent = 0;
                continue;
            }

            if (atLineStart)
            {
                if (c == ' ')
                {
                    indent++;
                    continue;
                }

                if (c == '\t')
                {
                    indent += 4;
                    continue;
                }

                if (c == '>' || (c is '-' or '*' or '+' && i + 1 < markdown.Length && markdown[i + 1] == ' '))
                {
                    prefixDepth++;
                    if (prefixDepth + indent / 2 > MaxDepth)
                    {
                        return line;
                    }

                    continue;
                }

                atLineStart = false;
                if (indent / 2 > MaxDepth)
                {
                    return line;
                }
            }

            if (c == '[')
            {
                if (++openBrackets > MaxDepth)
                {
                    return line;
                }
            }
            else if (c == ']' && openBrackets > 0)
            {
                openBrackets--;
            }
        }

        return null;
    }
}
