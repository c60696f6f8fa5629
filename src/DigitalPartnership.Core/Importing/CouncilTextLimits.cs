using System.Globalization;
using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// What the importer refuses to read, with a one-line reason: texts far longer than any statement, web pages pasted as
/// HTML, texts not in English, and Markdown so dense with markup that parsing it would take minutes. Each check is one
/// linear pass, so a refusal costs milliseconds even on megabytes.
/// </summary>
internal static partial class CouncilTextLimits
{
    /// <summary>The longest joint statement we know has about 60,000 characters; this leaves room for any real one.</summary>
    public const int MaxCharacters = 500_000;

    /// <summary>
    /// Link brackets or emphasis runs in one paragraph. Markdig's inline parser is quadratic in them, and real statements
    /// have a few dozen at most.
    /// </summary>
    public const int MaxMarkupPerParagraph = 400;

    /// <summary>Lists opened on one line ("- - - - x"): each is a level of nesting Markdig must recurse into.</summary>
    public const int MaxListMarkersPerLine = 6;

    public static void CheckRaw(string text)
    {
        if (text.Length > MaxCharacters)
        {
            throw new CouncilTextException(
                $"the text has {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters; a Council text can have at most {MaxCharacters.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        if (HtmlPage().IsMatch(text) || HtmlBlockTag().Count(text) >= 3)
        {
            throw new CouncilTextException("the text is HTML, not plain text or Markdown: copy the text as a browser shows it");
        }

        var (latin, other) = CountLetters(text);
        if (latin + other > 0 && other > latin)
        {
            throw new CouncilTextException("the text is not in English (most of its letters are not Latin letters); the importer reads English texts");
        }
    }

    /// <summary>Checks the normalised Markdown, paragraph by paragraph, before Markdig sees it.</summary>
    public static void CheckMarkdown(string markdown)
    {
        var brackets = 0;
        var emphasisRuns = 0;
        var lineStart = true;
        var markersOnLine = 0;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\n')
            {
                if (i + 1 < markdown.Length && markdown[i + 1] == '\n')
                {
                    brackets = 0;
                    emphasisRuns = 0;
                }

                lineStart = true;
                markersOnLine = 0;
                continue;
            }

            if (lineStart && (c is '-' or '*' or '+') && i + 1 < markdown.Length && markdown[i + 1] == ' ')
            {
                if (++markersOnLine > MaxListMarkersPerLine)
                {
                    throw new CouncilTextException($"a line opens more than {MaxListMarkersPerLine} nested lists; the text is not a press text");
                }

                i++; // the space after the marker; the next character may open another list
                continue;
            }

            lineStart = false;
            if (c == '[')
            {
                brackets++;
            }
            else if ((c is '*' or '_') && (i == 0 || markdown[i - 1] != c))
            {
                emphasisRuns++;
            }
            else
            {
                continue;
            }

            if (brackets > MaxMarkupPerParagraph || emphasisRuns > MaxMarkupPerParagraph)
            {
                throw new CouncilTextException(
                    $"a paragraph has more than {MaxMarkupPerParagraph} brackets or emphasis marks; the text is not a press text");
            }
        }
    }

    private static (int Latin, int Other) CountLetters(string text)
    {
        int latin = 0, other = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            // Basic Latin, Latin-1, Latin Extended A/B and Additional: "Luleå", "Dombrovskis", "Šefčovič".
            if (c < 'ɐ' || c is >= '\u1E00' and <= '\u1EFF')
            {
                latin++;
            }
            else
            {
                other++;
            }
        }

        return (latin, other);
    }

    [GeneratedRegex(@"<!DOCTYPE\s+html|<html[\s>]|<body[\s>]|<head>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlPage();

    [GeneratedRegex(@"<(?:p|div|li|ul|ol|h[1-6]|table|tr|td)[\s>]", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlBlockTag();
}
