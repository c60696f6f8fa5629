using System.Collections.Frozen;

namespace DigitalPartnership.Core.Browsing;

/// <summary>
/// British and American spellings of one word, so "standardisation" finds "standardization" and "center" finds
/// "centre": the Council texts are written in British English by one side and American English by the other.
/// </summary>
/// <remarks>
/// Rules cover the regular endings (-isation/-ization, -ise/-ize, -yse/-yze); the irregular ones are listed, since a
/// rule such as -our/-or would also turn "four" into "for". Words are lower-case.
/// </remarks>
public static class Spellings
{
    private static readonly (string British, string American)[] Endings =
    [
        ("isation", "ization"), ("isations", "izations"),
        ("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("iser", "izer"), ("isers", "izers"),
        ("yse", "yze"), ("ysed", "yzed"), ("yses", "yzes"), ("ysing", "yzing"),
    ];

    private static readonly (string British, string American)[] Words =
    [
        ("colour", "color"), ("behaviour", "behavior"), ("favour", "favor"), ("honour", "honor"), ("neighbour", "neighbor"),
        ("centre", "center"), ("centres", "centers"), ("programme", "program"), ("programmes", "programs"),
        ("defence", "defense"), ("licence", "license"), ("catalogue", "catalog"), ("dialogue", "dialog"),
        ("dialogues", "dialogs"), ("modelling", "modeling"), ("labelling", "labeling"), ("travelling", "traveling"),
        ("fulfil", "fulfill"), ("enrol", "enroll"), ("judgement", "judgment"), ("ageing", "aging"),
    ];

    /// <summary>Each listed word to its British spelling (itself for the British ones).</summary>
    private static readonly FrozenDictionary<string, string> BritishOf = Words
        .SelectMany(w => new[] { KeyValuePair.Create(w.British, w.British), KeyValuePair.Create(w.American, w.British) })
        .ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> AmericanOf = Words
        .ToFrozenDictionary(w => w.British, w => w.American, StringComparer.Ordinal);

    /// <summary>The word and, when it has one, its spelling on the other side of the Atlantic.</summary>
    public static IReadOnlyList<string> Of(string word)
    {
        var british = Canonical(word);
        if (british == word)
        {
            var american = AmericanOf.GetValueOrDefault(word) ?? Replace(word, Endings.Select(e => (e.British, e.American)));
            return american is null ? [word] : [word, american];
        }

        return [word, british];
    }

    /// <summary>One spelling that stands for both, for comparing words: the British one.</summary>
    public static string Canonical(string word) =>
        BritishOf.GetValueOrDefault(word) ?? Replace(word, Endings.Select(e => (e.American, e.British))) ?? word;

    /// <summary>The word with its ending replaced by the first rule whose ending it has; null when none applies.</summary>
    private static string? Replace(string word, IEnumerable<(string From, string To)> rules)
    {
        // Short words ("rise", "size") are the same on both sides.
        if (word.Length < 6)
        {
            return null;
        }

        foreach (var (from, to) in rules)
        {
            if (word.EndsWith(from, StringComparison.Ordinal))
            {
                return string.Concat(word.AsSpan(0, word.Length - from.Length), to);
            }
        }

        return null;
    }
}
