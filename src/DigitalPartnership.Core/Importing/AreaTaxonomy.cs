using System.Text.Json;
using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>One curated area and the spellings that name it.</summary>
public sealed record AreaDefinition(string Slug, string Name, string Description, IReadOnlyList<string> Aliases);

/// <summary>
/// The curated areas of cooperation (seeds/areas.json) and the finding of them in free text,
/// so "artificial intelligence (AI)", "HPC" and "eID" each land on one area.
/// </summary>
public sealed class AreaTaxonomy
{
    public const string FileName = "areas.json";

    private readonly List<(AreaDefinition Area, Regex Pattern)> _patterns;

    public AreaTaxonomy(IReadOnlyList<AreaDefinition> areas)
    {
        Areas = areas;
        _patterns = areas.Select(area => (area, BuildPattern(area.Aliases.Append(area.Name)))).ToList();
    }

    public IReadOnlyList<AreaDefinition> Areas { get; }

    public static AreaTaxonomy Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<TaxonomyFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} holds no areas.");
        return new AreaTaxonomy(file.Areas.Select(a => new AreaDefinition(a.Slug, a.Name, a.Description ?? "", a.Aliases ?? [])).ToList());
    }

    /// <summary>The areas <paramref name="text"/> names, in the order it first names them.</summary>
    public IReadOnlyList<AreaDefinition> FindIn(string text) =>
        _patterns
            .Select(p => (p.Area, Match: p.Pattern.Match(text)))
            .Where(p => p.Match.Success)
            .OrderBy(p => p.Match.Index)
            .Select(p => p.Area)
            .ToList();

    /// <summary>The area whose name or an alias is exactly <paramref name="phrase"/> ("Artificial Intelligence"), or null.</summary>
    public AreaDefinition? Named(string phrase) =>
        Areas.FirstOrDefault(area => area.Aliases.Append(area.Name).Any(alias => string.Equals(alias, phrase.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static Regex BuildPattern(IEnumerable<string> aliases)
    {
        // An alias with no lowercase letter (AI, HPC, 5G) is an acronym and must match in its case: "ai" is not AI.
        // Others match in any case and in the plural. Letters or digits on either side mean another word.
        var alternatives = aliases
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(alias => alias.Length)
            .Select(alias =>
            {
                var escaped = Regex.Escape(alias).Replace("\\ ", "[\\s-]+");
                var isAcronym = !alias.Any(char.IsLower);
                var plural = char.IsLetter(alias[^1]) ? "(?:s|es)?" : "";
                return isAcronym ? $"(?-i:{escaped}){plural}" : $"{escaped}{plural}";
            });
        return new Regex($"(?<![\\p{{L}}\\p{{N}}])(?:{string.Join('|', alternatives)})(?![\\p{{L}}\\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private sealed record TaxonomyFile(List<TaxonomyArea> Areas);

    private sealed record TaxonomyArea(string Slug, string Name, string? Description, List<string>? Aliases);
}
