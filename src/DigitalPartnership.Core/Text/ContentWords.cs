using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Text;

/// <summary>
/// The words of a commitment that say what it is about — "semiconductor", "research", "6g" — without the words every
/// Council text uses ("the partners agreed to further cooperate on"), folded so that "standardisation" and
/// "standardization", "cables" and "cable" meet. For comparing two commitments' wording, not for search.
/// </summary>
public static partial class ContentWords
{
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "both", "but", "by", "can", "could", "each", "for", "from",
        "has", "have", "in", "into", "is", "it", "its", "may", "more", "not", "of", "on", "or", "other", "our", "shall",
        "should", "such", "than", "that", "the", "their", "them", "these", "this", "those", "through", "to", "under",
        "upon", "was", "we", "well", "were", "which", "while", "will", "with", "within", "would", "also", "including",
        // What every commitment says, whatever it is about.
        "agree", "agreed", "partner", "partners", "side", "sides", "further", "continue", "continued", "continuing",
        "cooperate", "cooperation", "collaborate", "collaboration", "collaborative", "work", "working", "together",
        "joint", "jointly", "new", "enhance", "strengthen", "strengthened", "promote", "support", "supporting",
        "explore", "exploring", "focus", "area", "areas", "field", "fields", "relevant", "respective", "mutual",
        "council", "meeting", "digital", "partnership", "eu", "european", "union", "commit", "committed", "commitment",
        "launch", "launched", "establish", "established", "welcome", "welcomed", "highlight", "highlighted", "aim",
        "aims", "view", "ensure", "take", "taken", "make", "made", "next", "year", "years", "current", "related",
        "ttc", "dpc", // the Councils' own names
    };

    /// <summary>The distinct folded content words of <paramref name="text"/>, leaving out <paramref name="alsoCommon"/> (the partners' names).</summary>
    public static IReadOnlySet<string> Of(string text, IEnumerable<string>? alsoCommon = null)
    {
        var skip = alsoCommon?.SelectMany(n => Word().Matches(n.ToLowerInvariant())).Select(m => Fold(m.Value)).ToHashSet(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Word().Matches(text.ToLowerInvariant()))
        {
            var word = match.Value;
            if (Common.Contains(word) || (word.Length < 3 && !word.Any(char.IsDigit) && word is not ("ai" or "5g" or "6g")))
            {
                continue;
            }

            var folded = Fold(word);
            if (!Common.Contains(folded) && skip?.Contains(folded) != true)
            {
                words.Add(folded);
            }
        }

        return words;
    }

    /// <summary>How alike two sets of words are, from 0 to 1 (Dice: twice the shared words over both counts).</summary>
    public static double Overlap(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);

    /// <summary>British and American spellings and plurals to one form: "standardisation" → "standardization", "cables" → "cable".</summary>
    private static string Fold(string word)
    {
        word = word.Replace("isation", "ization", StringComparison.Ordinal).Replace("programme", "program", StringComparison.Ordinal);
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.Length > 5 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && word.Length > 3)
        {
            return word[..^1];
        }

        return word;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
