using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>A place as a sentence gives it: a city and a country where named, or only a region ("in Europe").</summary>
internal sealed record PlaceFound(string? City, string? Country, string? Region, string Phrase)
{
    /// <summary>"Luleå, Sweden", "near Washington, D.C.", "Belgium", "Europe".</summary>
    public string Display => string.Join(", ", new[] { City, Country }.Where(p => p is not null)) is { Length: > 0 } named ? named : Region ?? Phrase;
}

/// <summary>
/// Reads "in Luleå, Sweden", "in Saclay – Paris, France", "outside Washington, D.C.", "in the United States", "in Europe".
/// A second name after a comma is the country when it is one; "D.C." belongs to the city; a state or province is not
/// taken for a country.
/// </summary>
internal static partial class PlaceReader
{
    public static PlaceFound? Find(string sentence, int from = 0)
    {
        for (var match = PlacePhrase().Match(sentence, from); match.Success; match = match.NextMatch())
        {
            var first = WithoutFullStop(match.Groups["first"].Value.Trim());
            if (NotAPlace().IsMatch(first) || (first.All(c => !char.IsLower(c)) && !Countries.IsCountry(first)))
            {
                continue; // a month, an organisation, an acronym such as "TTC"
            }

            var near = match.Groups["prep"].Value.StartsWith("outside", StringComparison.OrdinalIgnoreCase)
                || match.Groups["prep"].Value.Equals("near", StringComparison.OrdinalIgnoreCase);
            if (Countries.IsRegion(first) || Countries.IsRegion("the " + first))
            {
                return new PlaceFound(null, null, first, $"{match.Groups["prep"].Value} {first}");
            }

            string? city = null, country = null;
            if (Countries.IsCountry(first) && !Countries.IsCityState(first))
            {
                country = first;
            }
            else
            {
                city = first;
            }

            var second = match.Groups["second"];
            if (second.Success && country is null)
            {
                var tokens = second.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (var count = tokens.Length; count > 0 && country is null; count--)
                {
                    var candidate = WithoutFullStop(string.Join(' ', tokens[..count]).TrimEnd(','));
                    if (Countries.IsCountry(candidate))
                    {
                        country = candidate;
                    }
                }

                if (country is null && Abbreviation().IsMatch(tokens[0]))
                {
                    city += ", " + tokens[0]; // "Washington, D.C."
                }
            }

            // The words as the text gives them, without what the pattern read past them: "outside Washington, D.C.".
            var phrase = $"{match.Groups["prep"].Value} {(match.Groups["the"].Success ? "the " : "")}{string.Join(", ", new[] { city, country }.Where(p => p is not null))}";
            if (near && city is not null)
            {
                city = "near " + city;
            }

            return new PlaceFound(city, country, null, phrase);
        }

        return null;
    }

    /// <summary>"Singapore." ends a sentence; "D.C." is an abbreviation and keeps its stop.</summary>
    private static string WithoutFullStop(string name) =>
        name.EndsWith('.') && !Abbreviation().IsMatch(name.Split(' ')[^1]) ? name[..^1] : name;

    private const string Name = @"\p{Lu}[\p{L}\p{M}'’.-]*(?:(?:\s+(?:of|de|da|del|la|and)\s+|\s*[–—]\s*|\s+)\p{Lu}[\p{L}\p{M}'’.-]*){0,4}";

    [GeneratedRegex(@"\b(?<prep>(?i:in|at|outside(?:\s+of)?|near))\s+(?<the>the\s+)?(?<first>" + Name + @")(?:\s*,\s*(?<second>" + Name + "))?",
        RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlacePhrase();

    [GeneratedRegex(@"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|These|Today|Digital|Council|Meeting|EU|European|Ministerial|Dialogue)\b|\b(?:Council|Dialogue|Ministerial|Meeting|Summit|Forum|Partnership|Agreement|Initiative|Roadmap|Act|Declaration)\b",
        RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NotAPlace();

    [GeneratedRegex(@"^(?:\p{Lu}\.){1,3}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Abbreviation();
}
