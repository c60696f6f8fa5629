using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>Splits press prose into sentences and sentences into independent commitment clauses.</summary>
internal static partial class Sentences
{
    /// <summary>Sentences longer than this are kept whole rather than split into clauses.</summary>
    private const int MaxSplitLength = 3000;

    /// <summary>The part of a sentence read for meeting facts: a sentence that reports a meeting is far shorter.</summary>
    public const int MaxFactSentenceLength = 1000;

    /// <summary>The sentence, or its first <see cref="MaxFactSentenceLength"/> characters.</summary>
    public static string Head(string sentence) => sentence.Length <= MaxFactSentenceLength ? sentence : sentence[..MaxFactSentenceLength];

    public static IReadOnlyList<string> Split(string text) =>
        SentenceBoundary().Split(text.Trim())
            .Select(sentence => sentence.Trim())
            .Where(sentence => sentence.Length > 0)
            .ToList();

    /// <summary>
    /// "A team will be established …, and projects have been launched …" is two commitments; "…, and quantum technologies"
    /// is not. A sentence splits at ", and" / ";" only where both sides carry a commitment verb of their own.
    /// </summary>
    public static IReadOnlyList<string> SplitCommitments(string sentence)
    {
        if (sentence.Length > MaxSplitLength)
        {
            return [Tidy(sentence)]; // longer than any sentence a statement writes: not worth a quadratic search
        }

        var clauses = new List<string>();
        var rest = sentence;
        foreach (Match joint in ClauseJoint().Matches(sentence).Reverse())
        {
            var left = rest[..(joint.Index)];
            var right = rest[(joint.Index + joint.Length)..];
            if (StatusProposal.HasCommitmentVerb(left) && CarriesOwnVerb(right))
            {
                clauses.Insert(0, right);
                rest = left;
            }
        }

        clauses.Insert(0, rest);
        return clauses.Select(Tidy).Where(clause => clause.Length > 0).ToList();
    }

    /// <summary>
    /// The right side of ", and" is a clause of its own when its verb comes before any further comma: "…, and projects
    /// have been launched" is; "…, and Digital Identity, with plans to launch…" is the last item of a list.
    /// </summary>
    private static bool CarriesOwnVerb(string right)
    {
        var verb = StatusProposal.FirstVerbIndex(right);
        var comma = right.IndexOf(',');
        return verb is { } index && (comma < 0 || index < comma);
    }

    /// <summary>Capitalised, without the closing full stop: a clause reads as a title.</summary>
    public static string Tidy(string clause)
    {
        var text = clause.Trim().TrimEnd('.', ';', ',').Trim();
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    // A full stop, question or exclamation mark followed by space and a capital, not after a common abbreviation.
    [GeneratedRegex(@"(?<=[.!?])(?<!\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|Prof|Jr|Sr|Inc|Co|Corp|Ltd|Gov|Amb|Sen|Rep|Hon|No|Nos|Art|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|St|vs|[A-Z])\.)\s+(?=[""“(\p{Lu}\p{N}])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@",\s+and\s+|;\s+(?:and\s+)?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClauseJoint();
}
