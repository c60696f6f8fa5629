using System.Text;
using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Turns a press text into Markdown that Markdig reads as the author meant: "•", "・" and similar bullets become
/// "- " items, "1)" and "(1)" points become "1." items, items stand apart from the prose around them, hard-wrapped list
/// items stay whole, bold titles split across lines are joined, presentational HTML is stripped with its text kept,
/// and the furniture of text extracted from a PDF (page numbers, running headers, hyphenated line ends) is removed.
/// </summary>
public static partial class CouncilTextNormalizer
{
    /// <summary>Deeper indentation than this is flattened: press texts never nest lists further.</summary>
    private const int MaxListDepth = 4;

    public static string ToMarkdown(string text)
    {
        var cleaned = PresentationalMarkup.RemoveComments(UnifySpaces(text));
        var lines = PageFurniture.Remove(cleaned.Split('\n'));
        var marked = MarkLines(lines);
        var output = new StringBuilder(cleaned.Length + 64);
        foreach (var unit in Units(marked))
        {
            output.Append(unit.IsBlank ? "" : RepairUnit(unit.Text, unit.IsListItem)).Append('\n');
        }

        return CollapseBlankLines(output.ToString()).Trim('\n') + "\n";
    }

    /// <summary>Non-breaking and other odd spaces become plain spaces; invisible characters go.</summary>
    private static string UnifySpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u00A0' or '\u2007' or '\u2009' or '\u200A' or '\u202F' or '\u2002' or '\u2003' or '\t':
                    builder.Append(c == '\t' ? "    " : " ");
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Gives each line its Markdown shape: bullets and points become list items, indentation is kept only where it
    /// nests a list or continues an item (four spaces of prose must not become code), quotes are flattened.
    /// </summary>
    private static List<string> MarkLines(IReadOnlyList<string> lines)
    {
        var output = new List<string>(lines.Count + 16);
        var open = new List<(int Indent, int ContentColumn)>(); // the list items the current line may belong to
        var previousBlank = true;
        var previousWasItemText = false; // the previous line is an item or continues one
        foreach (var raw in lines)
        {
            var unquoted = QuoteMarkers().Replace(raw, ""); // press texts do not quote; nested ">" only costs depth
            var indent = unquoted.Length - unquoted.TrimStart(' ', '\u3000').Length;
            var line = unquoted.Trim(' ', '\u3000');
            if (line.Length == 0)
            {
                output.Add("");
                previousBlank = true;
                continue;
            }

            var item = ToListItem(line, previousBlank || previousWasItemText);
            if (item is not null)
            {
                while (open.Count > 0 && open[^1].Indent >= indent)
                {
                    open.RemoveAt(open.Count - 1);
                }

                if (open.Count >= MaxListDepth)
                {
                    open.RemoveAt(open.Count - 1);
                }

                var column = open.Count == 0 ? 0 : open[^1].ContentColumn;
                if (!previousBlank && !previousWasItemText)
                {
                    output.Add(""); // a list item must not continue the paragraph above it
                }

                output.Add(new string(' ', column) + item);
                open.Add((indent, column + item.IndexOf(' ') + 1));
                previousWasItemText = true;
            }
            else if (open.Count > 0 && !previousBlank && previousWasItemText && (indent > 0 || !EndsSentence(output[^1])))
            {
                output.Add(line); // a wrapped line of the item: lazy continuation keeps it in the item
            }
            else if (open.Count > 0 && previousBlank && indent > 0)
            {
                var owner = open.FindLastIndex(o => o.Indent < indent);
                if (owner < 0)
                {
                    open.Clear();
                    output.Add(line);
                    previousWasItemText = false;
                }
                else
                {
                    open.RemoveRange(owner + 1, open.Count - owner - 1);
                    output.Add(new string(' ', open[owner].ContentColumn) + line); // a further paragraph of the item
                    previousWasItemText = true;
                }
            }
            else
            {
                if (open.Count > 0 && !previousBlank)
                {
                    output.Add(""); // prose after an item must not continue the item
                }

                open.Clear();
                output.Add(line);
                previousWasItemText = false;
            }

            previousBlank = false;
        }

        return output;
    }

    private static bool EndsSentence(string line)
    {
        var trimmed = line.TrimEnd();
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or ':' or ';' or '。';
    }

    private static string? ToListItem(string line, bool mayStartList)
    {
        var bullet = Bullet().Match(line);
        // A dash at the start of a wrapped line is punctuation ("station\n– a visible proof"), not a bullet.
        if (bullet.Success && (mayStartList || line[0] is not ('–' or '—')))
        {
            return "- " + line[bullet.Length..];
        }

        var number = NumberedPoint().Match(line);
        return number.Success ? $"{number.Groups["n"].Value}. {line[number.Length..]}" : null;
    }

    /// <summary>
    /// Paragraphs and list items, each the run of lines Markdig will read as one block, so that a bold title split
    /// across lines is repaired within the block it belongs to.
    /// </summary>
    private static IEnumerable<(string Text, bool IsListItem, bool IsBlank)> Units(List<string> lines)
    {
        var current = new StringBuilder();
        var currentIsItem = false;
        foreach (var line in lines)
        {
            var isItem = ListMarker().IsMatch(line);
            if (line.Length == 0 || isItem)
            {
                if (current.Length > 0)
                {
                    yield return (current.ToString(), currentIsItem, false);
                    current.Clear();
                }

                if (line.Length == 0)
                {
                    yield return ("", false, true);
                    continue;
                }
            }

            if (current.Length == 0)
            {
                currentIsItem = isItem;
            }
            else
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), currentIsItem, false);
        }
    }

    private static string RepairUnit(string unit, bool isListItem)
    {
        var repaired = TrailingSpaces().Replace(BoldRuns.Repair(PresentationalMarkup.Rewrite(unit)), "");
        if (isListItem)
        {
            return repaired;
        }

        // Spaces moved out of "**  B. Promoting…**" must not indent the line: four of them would make it code.
        return BoldRuns.SetTitleLinesApart(LeadingSpaces().Replace(repaired, ""));
    }

    private static string CollapseBlankLines(string text) => BlankRun().Replace(text, "\n\n");

    [GeneratedRegex(@"^[•·・●○◦▪■□◆◇‣∙–—*+-]\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Bullet();

    // "1. ", "2) ", "(3) ", "４．": a number of one or two digits; "1.5 million" at the start of a wrapped line is not a point.
    [GeneratedRegex(@"^(?:\((?<n>\d{1,2})\)\s*|(?<n>\d{1,2})[.．]\s+|(?<n>\d{1,2})[)）]\s*)(?=\S)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumberedPoint();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,2}\.)\s", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^ {0,3}(?:> ?)+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex QuoteMarkers();

    [GeneratedRegex(@"[ ]+$", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"^[ ]+", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingSpaces();

    [GeneratedRegex(@"\n(?:[ ]*\n){2,}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlankRun();
}
