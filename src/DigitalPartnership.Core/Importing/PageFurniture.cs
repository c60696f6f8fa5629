using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// What text extracted from a PDF carries besides the statement: page numbers, a running header or footer repeated on
/// every page, and words hyphenated across line ends ("imple-\nmentation").
/// </summary>
internal static partial class PageFurniture
{
    public static List<string> Remove(string[] lines)
    {
        var paged = Array.Exists(lines, line => line.Contains('\f'));
        var repeated = paged ? RunningHeaders(lines) : [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>(lines.Length);
        foreach (var raw in lines)
        {
            var line = paged ? raw.Replace('\f', ' ') : raw;
            var trimmed = line.Trim();
            if (PageNumber().IsMatch(trimmed) || (paged && BareNumber().IsMatch(trimmed)))
            {
                continue;
            }

            if (repeated.Contains(trimmed) && !seen.Add(trimmed))
            {
                continue; // the first occurrence may be the title itself; the repeats are furniture
            }

            kept.Add(line);
        }

        JoinHyphenatedWords(kept);
        return kept;
    }

    /// <summary>The first and last lines of the pages that recur on at least two pages.</summary>
    private static HashSet<string> RunningHeaders(string[] lines)
    {
        var edges = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in string.Join('\n', lines).Split('\f'))
        {
            var nonBlank = page.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            foreach (var edge in nonBlank.Take(1).Concat(nonBlank.TakeLast(1)).Distinct())
            {
                edges[edge] = edges.GetValueOrDefault(edge) + 1;
            }
        }

        return edges.Where(e => e.Value >= 2 && e.Key.Length <= 120).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>"imple-" at a line end followed by "mentation" is one word; "small-" followed by "and medium-sized" is not.</summary>
    private static void JoinHyphenatedWords(List<string> lines)
    {
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var line = lines[i].TrimEnd();
            var next = lines[i + 1].TrimStart();
            if (line.Length < 2 || line[^1] != '-' || !char.IsLower(line[^2]) || next.Length == 0 || !char.IsLower(next[0]))
            {
                continue;
            }

            var space = next.IndexOf(' ');
            var word = space < 0 ? next : next[..space];
            if (SuspendedHyphenFollower().IsMatch(word))
            {
                continue;
            }

            lines[i] = line[..^1] + word;
            lines[i + 1] = space < 0 ? "" : next[(space + 1)..];
            if (lines[i + 1].Length == 0)
            {
                lines.RemoveAt(i + 1); // the word was the whole line: the paragraph must not break here
            }
        }
    }

    [GeneratedRegex(@"^(?:-\s*)?(?:page\s+\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|\d{1,4}\s*(?:/|of)\s*\d{1,4})(?:\s*-)?$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:-\s*)?\d{1,3}(?:\s*-)?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^(?:and|or|nor|to|as|but|than)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SuspendedHyphenFollower();
}
