using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Names the partnership a meeting belongs to as the text names it: the body that met ("Trade and Technology Council",
/// "Critical and Emerging Technology Dialogue") with its two parties ("U.S.-EU", "U.S.-Singapore"). The EU's Digital
/// Partnerships keep the portal's one name, "EU–Japan Digital Partnership", whichever side wrote the text, so that
/// both sides' releases land on one partnership.
/// </summary>
internal static partial class PartnershipReader
{
    private static readonly HashSet<string> BodyNouns = new(["Council", "Dialogue", "Partnership", "Forum", "Summit", "Committee"], StringComparer.Ordinal);

    private static readonly HashSet<string> Connectors = new(["and", "of", "for", "on", "&"], StringComparer.Ordinal);

    private static readonly Regex PartiesJoined = new(
        $@"(?<![\p{{L}}.])(?<a>{Countries.Alternation})\s+and\s+(?:the\s+)?(?<b>{Countries.Alternation})(?![\p{{L}}])",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <param name="sentences">Where to look for the body, best first: the sentence about this meeting, the headline, the introduction.</param>
    /// <param name="wholeText">Where to look for the parties when the body is named without them ("U.S.-EU TTC" elsewhere).</param>
    public static Found<PartnershipName> Read(IReadOnlyList<string> sentences, string wholeText)
    {
        foreach (var sentence in sentences)
        {
            if (FindBody(sentence) is not { } body)
            {
                continue;
            }

            // The parties: written into the name ("U.S.-EU …"), or named in the same sentence ("The EU and Japan held…"),
            // or written before the body's acronym elsewhere ("U.S.-EU TTC"), or named in the introduction.
            var doubt = (string?)null;
            var parties = body.Parties ?? JoinedParties(sentence);
            if (parties is null && FindPairBefore(wholeText, body) is { } pair)
            {
                parties = pair.Parties;
                doubt = $"parties read from \"{pair.Phrase}\" elsewhere in the text";
            }

            parties ??= sentences.Select(JoinedParties).FirstOrDefault(p => p is not null);
            return Name(body.Words, parties, sentence, doubt);
        }

        // No council or dialogue named: a text that says only "the EU and Japan" is read as the EU's Digital Partnership.
        foreach (var sentence in sentences)
        {
            if (PartiesJoined.Match(sentence) is { Success: true } joined)
            {
                var parties = new[] { Party(joined.Groups["a"].Value), Party(joined.Groups["b"].Value) };
                if (parties.Any(p => p.Canonical == Countries.EuropeanUnion) && parties.Any(p => p.Canonical != Countries.EuropeanUnion))
                {
                    return Name("Digital Partnership", parties, sentence,
                        "the text names no council or dialogue; read as the EU's Digital Partnership with its partner");
                }
            }
        }

        return Found<PartnershipName>.Missing("the text names no partnership: expected \"the EU and <partner>\" or \"<party>-<party> <council or dialogue>\"");
    }

    private static Found<PartnershipName> Name(string body, IReadOnlyList<PartyName>? parties, string source, string? doubt)
    {
        if (parties is not { Count: 2 } || parties[0].Canonical == parties[1].Canonical)
        {
            return new Found<PartnershipName>(new PartnershipName(body, "") { Parties = [] }, source,
                doubt ?? "the text names the body but not its two parties");
        }

        // The partner is the party that is not the EU; between two others, the one named second ("U.S.-Singapore").
        var eu = parties.FirstOrDefault(p => p.Canonical == Countries.EuropeanUnion);
        var partner = eu is null ? parties[1] : parties.First(p => p.Canonical != Countries.EuropeanUnion);

        var name = eu is not null && body.Contains("Digital Partnership", StringComparison.Ordinal)
            ? $"EU–{partner.Canonical} Digital Partnership"
            : $"{parties[0].Written}-{parties[1].Written} {body}";
        return new Found<PartnershipName>(
            new PartnershipName(name, partner.Canonical) { Parties = parties.Select(p => p.Canonical).ToList() }, source, doubt);
    }

    /// <summary>
    /// "…the U.S.-EU Trade and Technology Council (TTC) met…": the body noun, the capitalised words before it, and a
    /// party pair written before them. Parenthesised acronyms are set aside.
    /// </summary>
    private static Body? FindBody(string sentence)
    {
        var tokens = Token().Matches(sentence).Select(m => m.Value).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!BodyNouns.Contains(Bare(tokens[i])))
            {
                continue;
            }

            var last = i;
            while (last + 1 < tokens.Count && BodyNouns.Contains(Bare(tokens[last + 1])) && Bare(tokens[last]) == tokens[last])
            {
                last++; // "Partnership Council"
            }

            var words = new List<string>();
            string? acronym = null;
            IReadOnlyList<PartyName>? parties = null;
            for (var k = last; k >= 0; k--)
            {
                var token = tokens[k];
                var bare = Bare(token);
                if (k < last && token != bare && !IsAcronym(token))
                {
                    break; // "Today," or "Union;": punctuation ends the name
                }

                if (IsAcronym(token))
                {
                    acronym ??= Acronym().Match(token).Groups["acronym"].Value;
                    continue;
                }

                if (k < last && PartyPair(bare) is { } pair)
                {
                    parties = pair;
                    break;
                }

                if (Connectors.Contains(bare) || (bare.Length > 0 && char.IsUpper(bare[0]) && Countries.Canonical(bare) is null))
                {
                    words.Insert(0, bare);
                    continue;
                }

                break;
            }

            while (words.Count > 0 && Connectors.Contains(words[0]))
            {
                words.RemoveAt(0);
            }

            if (words.Count < 2)
            {
                continue; // "Council" alone names nothing
            }

            if (acronym is null && last + 1 < tokens.Count && IsAcronym(tokens[last + 1]))
            {
                acronym = Acronym().Match(tokens[last + 1]).Groups["acronym"].Value;
            }

            return new Body(string.Join(' ', words), acronym, parties);
        }

        return null;
    }

    /// <summary>"U.S.-EU TTC" or "U.S.-EU Trade and Technology Council" anywhere in the text, for a body named without parties.</summary>
    private static (IReadOnlyList<PartyName> Parties, string Phrase)? FindPairBefore(string text, Body body)
    {
        var firstWord = body.Words.Split(' ')[0];
        var previous = "";
        foreach (Match token in Token().Matches(text))
        {
            var bare = Bare(token.Value);
            if ((bare == body.Acronym || bare == firstWord) && PartyPair(Bare(previous)) is { } parties)
            {
                return (parties, $"{Bare(previous)} {bare}");
            }

            previous = token.Value;
        }

        return null;
    }

    private static IReadOnlyList<PartyName>? PartyPair(string token)
    {
        var match = Pair().Match(token);
        if (!match.Success)
        {
            return null;
        }

        var (a, b) = (match.Groups["a"].Value, match.Groups["b"].Value);
        return Countries.Canonical(a) is not null && Countries.Canonical(b) is not null ? [Party(a), Party(b)] : null;
    }

    private static IReadOnlyList<PartyName>? JoinedParties(string sentence) =>
        PartiesJoined.Match(sentence) is { Success: true } joined ? [Party(joined.Groups["a"].Value), Party(joined.Groups["b"].Value)] : null;

    private static PartyName Party(string written) => new(Countries.AsWritten(written), Countries.Canonical(written) ?? written);

    private static bool IsAcronym(string token) => Acronym().IsMatch(token);

    private static string Bare(string token) => token.TrimEnd(',', ';', ':', '.', ')', '”', '"', '’').TrimStart('(', '“', '"');

    private sealed record Body(string Words, string? Acronym, IReadOnlyList<PartyName>? Parties);

    private sealed record PartyName(string Written, string Canonical);

    [GeneratedRegex(@"\S+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Token();

    [GeneratedRegex(@"^\(\s*[“""']?(?<acronym>[A-Z][A-Za-z]{1,7})[”""']?\s*\)[,.;:]?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Acronym();

    [GeneratedRegex(@"^(?<a>[\p{L}.']+)[-–](?<b>[\p{L}.']+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pair();
}
