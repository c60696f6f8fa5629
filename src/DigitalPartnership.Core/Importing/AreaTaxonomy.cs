using System.Globalization;
using System.Text.Json;

namespace DigitalPartnership.Core.Importing;

/// <summary>One curated area and the spellings that name it.</summary>
public sealed record AreaDefinition(string Slug, string Name, string Description, IReadOnlyList<string> Aliases);

/// <summary>
/// The curated areas of cooperation (seeds/areas.json) and the finding of them in free text,
/// so "artificial intelligence (AI)", "HPC" and "eID" each land on one area.
/// </summary>
/// <remarks>
/// Spellings are matched word by word through a tree of words, one pass over the text whatever its length: a long
/// statement that names few areas must not cost one scan per area. An alias with no lowercase letter (AI, HPC, 5G) is
/// an acronym and matches only in its case ("ai" is not AI); others match in any case and in the plural. Words are runs
/// of letters and digits, so "high-performance computing" and "high performance computing" are the same words.
/// </remarks>
public sealed class AreaTaxonomy
{
    public const string FileName = "areas.json";

    private readonly WordNode _root = new();

    public AreaTaxonomy(IReadOnlyList<AreaDefinition> areas)
    {
        Areas = areas;
        for (var i = 0; i < areas.Count; i++)
        {
            foreach (var alias in areas[i].Aliases.Append(areas[i].Name).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Add(alias, i);
            }
        }
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
    public IReadOnlyList<AreaDefinition> FindIn(string text)
    {
        var words = Words(text);
        var firstAt = new int[Areas.Count];
        Array.Fill(firstAt, int.MaxValue);
        var found = 0;
        var active = new List<WordNode>();
        var next = new List<WordNode>();
        for (var start = 0; start < words.Count && found < Areas.Count; start++)
        {
            // An acronym's path and a lower-cased path may both go on from the same word ("AI" and "ai governance").
            active.Clear();
            active.Add(_root);
            for (var i = start; i < words.Count && active.Count > 0; i++)
            {
                next.Clear();
                foreach (var node in active)
                {
                    node.AddNext(words[i], next);
                }

                foreach (var area in next.SelectMany(n => n.Areas))
                {
                    if (firstAt[area] == int.MaxValue)
                    {
                        firstAt[area] = start;
                        found++;
                    }
                }

                (active, next) = (next, active);
            }
        }

        return Enumerable.Range(0, Areas.Count).Where(i => firstAt[i] != int.MaxValue).OrderBy(i => firstAt[i]).Select(i => Areas[i]).ToList();
    }

    /// <summary>The area whose name or an alias is exactly <paramref name="phrase"/> ("Artificial Intelligence"), or null.</summary>
    public AreaDefinition? Named(string phrase) =>
        Areas.FirstOrDefault(area => area.Aliases.Append(area.Name).Any(alias => string.Equals(alias, phrase.Trim(), StringComparison.OrdinalIgnoreCase)));

    private void Add(string alias, int area)
    {
        var words = Words(alias);
        if (words.Count == 0)
        {
            return;
        }

        var isAcronym = !alias.Any(char.IsLower);
        var last = words[^1];
        var endings = char.IsLetter(last[^1]) ? new[] { "", "s", "es" } : [""];
        foreach (var ending in endings)
        {
            var node = _root;
            for (var i = 0; i < words.Count; i++)
            {
                var word = i == words.Count - 1 ? words[i] + ending : words[i];
                node = node.Child(isAcronym ? WordNode.ExactKey(word) : word.ToLowerInvariant());
            }

            node.Areas.Add(area);
        }
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>One word of a spelling; the areas whose spelling ends here.</summary>
    private sealed class WordNode
    {
        private readonly Dictionary<string, WordNode> _children = new(StringComparer.Ordinal);

        public List<int> Areas { get; } = [];

        /// <summary>Acronyms match in their case: their key keeps it, marked apart from lower-cased words.</summary>
        public static string ExactKey(string word) => "=" + word;

        public WordNode Child(string key)
        {
            if (!_children.TryGetValue(key, out var child))
            {
                child = new WordNode();
                _children.Add(key, child);
            }

            return child;
        }

        public void AddNext(string word, List<WordNode> into)
        {
            if (_children.TryGetValue(ExactKey(word), out var exact))
            {
                into.Add(exact);
            }

            if (_children.TryGetValue(word.ToLowerInvariant(), out var any))
            {
                into.Add(any);
            }
        }
    }

    private sealed record TaxonomyFile(List<TaxonomyArea> Areas);

    private sealed record TaxonomyArea(string Slug, string Name, string? Description, List<string>? Aliases);
}
