using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Makes a title from words that were not written as one: a list item without a title, a prose sentence. A long
/// sentence is cut where a phrase ends (before ", with…", ", which…", " to enable…", " as well as…"), never inside
/// a quotation or parentheses, so a title reads as a phrase and not as words cut off mid-way.
/// </summary>
internal static partial class OutcomeTitles
{
    public const int MaxLength = 140;

    /// <summary>How long a title may grow when the only other choice is cutting a phrase.</summary>
    private const int LongestPhrase = 200;

    /// <summary>Shortest cut worth making: a title of a few words says less than the whole sentence.</summary>
    private const int MinLength = 30;

    /// <summary>The title and whether words had to be left out.</summary>
    public static (string Title, bool Shortened) FromSentence(string sentence)
    {
        var text = Clean(Opener().Replace(sentence.Trim(), ""));
        if (text.Length <= MaxLength)
        {
            return (Capitalise(text), false);
        }

        // A whole phrase somewhat over the length reads better than a phrase cut off: look further for a strong boundary.
        var cut = Cut(text, Strong(), MaxLength) ?? Cut(text, Weak(), MaxLength) ?? Cut(text, Strong(), LongestPhrase);
        if (cut is null)
        {
            var space = text.LastIndexOf(' ', MaxLength);
            cut = space > MinLength ? space : MaxLength;
            return (Capitalise(Clean(text[..cut.Value])) + "…", true);
        }

        return (Capitalise(Clean(text[..cut.Value])), true);
    }

    /// <summary>A title as printed, without the colon, dash or list punctuation after it.</summary>
    public static string Clean(string title)
    {
        var text = MarkdownBlocks.Collapse(title);
        var previous = "";
        while (previous != text)
        {
            previous = text;
            text = TrailingJoin().Replace(text, "").Trim();
        }

        return text;
    }

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The earliest phrase boundary that leaves a title between the minimum and maximum length.</summary>
    private static int? Cut(string text, Regex boundaries, int maxLength)
    {
        var depth = Depths(text);
        foreach (Match match in boundaries.Matches(text))
        {
            if (match.Index > maxLength)
            {
                break;
            }

            if (match.Index >= MinLength && depth[match.Index] == 0)
            {
                return match.Index;
            }
        }

        return null;
    }

    /// <summary>For each position, how many quotations or parentheses are open there.</summary>
    private static int[] Depths(string text)
    {
        var depths = new int[text.Length + 1];
        var depth = 0;
        var straightQuoteOpen = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(' or '“' or '[': depth++; break;
                case ')' or '”' or ']': depth = Math.Max(0, depth - 1); break;
                case '"':
                    straightQuoteOpen = !straightQuoteOpen;
                    depth += straightQuoteOpen ? 1 : -1;
                    break;
            }

            depths[i + 1] = depth;
        }

        return depths;
    }

    // Discourse openers that say nothing of the result: "In addition, ", "Moreover, ", "Today, ".
    [GeneratedRegex(@"^(?:In addition|Additionally|Moreover|Furthermore|Also|Today|Finally|Lastly|To that end|In this context|In parallel),\s+",
        RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Opener();

    [GeneratedRegex(@"(?:[,;:]|(?<!\b\p{Lu})\.|\s+[–—-])\s*(?:and|or|as well as)?\s*$|\s+(?:and|or)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingJoin();

    // Where one phrase ends and a clause or an aside begins.
    [GeneratedRegex(@"[,;:]\s|\s[–—]\s", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Strong();

    [GeneratedRegex(@"\s(?:to (?!the\b|a\b|an\b|our\b|their\b|its\b|this\b|these\b|all\b|both\b|each\b|other\b|digital\b|and\b)\p{Ll}+|which|that|where|whose|who|with|through|including|such as|as well as|in order to|aimed at|regarding|by (?=\p{Ll}+ing\b)|and (?=\p{Ll}+ed\b))\b",
        RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Weak();
}
