using System.Text;
using System.Net;
using DiffPlex;
using DiffPlex.Chunkers;

namespace DigitalPartnership.Core.Text;

/// <summary>
/// A readable word-level difference between two versions of a text, as HTML: removed words in <c>&lt;del&gt;</c>,
/// added words in <c>&lt;ins&gt;</c>. Every piece of stored text is HTML-encoded, so no stored text can become markup.
/// </summary>
public static class WordDiff
{
    /// <summary>Past this many characters on either side the difference is not worked out: both versions are shown whole.</summary>
    public const int MaxLength = 40_000;

    private static readonly Differ Differ = new();
    private static readonly DelimiterChunker Words = new([' ', '\t', '\n', '\r']);

    public static bool CanDiff(string? before, string? after) => (before?.Length ?? 0) <= MaxLength && (after?.Length ?? 0) <= MaxLength;

    public static string ToHtml(string? before, string? after)
    {
        before ??= "";
        after ??= "";
        var result = Differ.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Words);
        var html = new StringBuilder();
        var position = 0; // in the new words
        foreach (var block in result.DiffBlocks)
        {
            Append(html, result.PiecesNew, position, block.InsertStartB, null);
            Append(html, result.PiecesOld, block.DeleteStartA, block.DeleteStartA + block.DeleteCountA, "del");
            if (block.DeleteCountA > 0 && block.InsertCountB > 0)
            {
                html.Append(' '); // "met meet", not "metmeet": the removed and the added words read apart
            }

            Append(html, result.PiecesNew, block.InsertStartB, block.InsertStartB + block.InsertCountB, "ins");
            position = block.InsertStartB + block.InsertCountB;
        }

        Append(html, result.PiecesNew, position, result.PiecesNew.Count, null);
        return html.ToString();
    }

    private static void Append(StringBuilder html, IReadOnlyList<string> pieces, int from, int to, string? tag)
    {
        if (from >= to)
        {
            return;
        }

        var text = WebUtility.HtmlEncode(string.Concat(pieces.Skip(from).Take(to - from)));
        html.Append(tag is null ? text : $"<{tag}>{text}</{tag}>");
    }
}
