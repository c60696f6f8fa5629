using System.Text;
using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Bold titles as web mirrors wrap them: <c>**Joint Initiatives with Jamaica** **and Kenya  \n**</c>,
/// <c>**  \nG. Trade-Related …**</c>, <c>**Title~**</c>. Markdown does not close a bold run that ends in a space or a
/// line break, so the title would show its asterisks and merge with the prose. The runs are repaired within one
/// paragraph: spaces move outside the markers, runs separated only by spaces become one, and a title that fills its
/// own lines is set apart from the prose the hard line break glued it to.
/// </summary>
internal static partial class BoldRuns
{
    /// <summary>A title longer than this is prose in bold, not a title.</summary>
    private const int MaxTitleLength = 300;

    public static string Repair(string unit)
    {
        var markers = Markers(unit);
        if (markers is null || markers.Count == 0 || markers.Count % 2 != 0)
        {
            return unit; // unpaired or unusual asterisks: leave the paragraph as written rather than guess
        }

        var segments = new List<(bool Bold, string Text)>();
        var position = 0;
        for (var pair = 0; pair < markers.Count; pair += 2)
        {
            var (open, close) = (markers[pair], markers[pair + 1]);
            var inner = unit[(open + 2)..close];
            var core = inner.Trim();
            Add(segments, false, unit[position..open]);
            Add(segments, false, inner[..(inner.Length - inner.TrimStart().Length)]);
            Add(segments, true, core);
            Add(segments, false, core.Length == 0 ? "" : inner[inner.TrimEnd().Length..]);
            position = close + 2;
        }

        Add(segments, false, unit[position..]);
        var builder = new StringBuilder(unit.Length);
        foreach (var (bold, text) in segments)
        {
            builder.Append(bold ? $"**{text}**" : text);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Appends a piece of the paragraph. A bold run that follows another with only spaces between is the same title
    /// split in two ("**Trade and** **Labor**"), and so is one that continues in lower case on the next line
    /// ("**6G**\n**outlook**"); a capitalised run on a new line is a title of its own.
    /// </summary>
    private static void Add(List<(bool Bold, string Text)> segments, bool bold, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (!bold)
        {
            if (segments.Count > 0 && !segments[^1].Bold)
            {
                segments[^1] = (false, segments[^1].Text + text);
            }
            else
            {
                segments.Add((false, text));
            }

            return;
        }

        if (segments.Count >= 2 && segments[^2].Bold && string.IsNullOrWhiteSpace(segments[^1].Text)
            && (!segments[^1].Text.Contains('\n') || char.IsLower(text[0])))
        {
            segments.RemoveAt(segments.Count - 1);
            segments[^1] = (true, segments[^1].Text + " " + text);
            return;
        }

        segments.Add((true, text));
    }

    /// <summary>
    /// Puts a bold title that fills whole lines ("**A. Digital Infrastructure**", optionally after a label such as
    /// "I. ") in a paragraph of its own.
    /// </summary>
    public static string SetTitleLinesApart(string unit)
    {
        if (!unit.Contains('\n') || !unit.Contains("**", StringComparison.Ordinal))
        {
            return unit;
        }

        var lines = unit.Split('\n');
        var output = new List<string>(lines.Length + 4);
        for (var i = 0; i < lines.Length; i++)
        {
            var start = TitleStart().Match(lines[i]);
            var end = start.Success ? FindTitleEnd(lines, i, start.Length) : -1;
            if (end < 0)
            {
                output.Add(lines[i]);
                continue;
            }

            if (output.Count > 0 && output[^1].Trim().Length > 0)
            {
                output.Add("");
            }

            output.AddRange(lines[i..(end + 1)]);
            if (end + 1 < lines.Length)
            {
                output.Add("");
            }

            i = end;
        }

        return string.Join('\n', output);
    }

    /// <summary>The line where the bold run opened at <paramref name="column"/> of line <paramref name="first"/> closes at the line's end, or -1.</summary>
    private static int FindTitleEnd(string[] lines, int first, int column)
    {
        var length = 0;
        for (var i = first; i < lines.Length && i < first + 4; i++)
        {
            var line = lines[i];
            var from = i == first ? column : 0;
            var close = line.IndexOf("**", from, StringComparison.Ordinal);
            if (close < 0)
            {
                length += line.Length;
                continue;
            }

            length += close - from;
            var after = line[(close + 2)..].Trim();
            return length <= MaxTitleLength && (after.Length == 0 || after is ":" or ".") ? i : -1;
        }

        return -1;
    }

    /// <summary>Positions of the "**" markers, or null when the paragraph has runs of three or more asterisks.</summary>
    private static List<int>? Markers(string unit)
    {
        var markers = new List<int>();
        for (var i = 0; i < unit.Length; i++)
        {
            if (unit[i] != '*')
            {
                continue;
            }

            var run = 1;
            while (i + run < unit.Length && unit[i + run] == '*')
            {
                run++;
            }

            var escaped = i > 0 && unit[i - 1] == '\\';
            if (run >= 3 && !escaped)
            {
                return null;
            }

            if (run == 2 && !escaped)
            {
                markers.Add(i);
            }

            i += run - 1;
        }

        return markers;
    }

    // A line that opens bold at its start, optionally after a label: "**", "I. **", "A. **".
    [GeneratedRegex(@"^ {0,3}(?:(?:[IVX]{1,5}|[A-Z]|\d{1,2})\.\s+)?\*\*(?=\S)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitleStart();
}
