using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Browsing;

/// <summary>
/// One part of a search that a deliverable must match: a word (in any of its spellings, as a prefix), a run of words
/// that names an area ("chips", "high performance computing") and is matched by the deliverable's areas or its text,
/// or a run of Japanese (or another unspaced script) matched as a substring, since a word index cannot split it.
/// </summary>
/// <param name="Typed">The term as the reader typed it, to show it back ("try without …").</param>
/// <param name="Words">Each word's spellings; empty for a fragment of an unspaced script.</param>
/// <param name="AreaIds">The areas the term names; a deliverable filed under one of them matches.</param>
public sealed record SearchTerm(string Typed, IReadOnlyList<IReadOnlyList<string>> Words, IReadOnlyList<int> AreaIds)
{
    public bool IsFragment => Words.Count == 0;
}

/// <summary>
/// What a reader typed in the search box, read against the portal's own words: each term must match. British and
/// American spellings find each other; an area's name or alias finds what is filed under it; Japanese finds Japanese
/// in every field English search reads. Only letters and digits make words, so search syntax typed by a reader
/// (NEAR, *, ^, quotes, &amp;, |) is taken as text, never as syntax.
/// </summary>
public sealed partial class SearchText
{
    /// <summary>More terms than this are ignored: no reader types them, and each costs the database a lookup.</summary>
    public const int MaxTerms = 12;

    private SearchText(IReadOnlyList<SearchTerm> terms) => Terms = terms;

    public IReadOnlyList<SearchTerm> Terms { get; }

    public static SearchText Parse(string? text, AreaVocabulary vocabulary)
    {
        var terms = new List<SearchTerm>();
        var words = new List<string>();
        foreach (var chunk in (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Unspaced().IsMatch(chunk))
            {
                AddWords(words, vocabulary, terms);
                words.Clear();
                var fragment = chunk.Trim(Punctuation);
                if (fragment.Length > 0)
                {
                    terms.Add(new SearchTerm(fragment, [], vocabulary.Areas
                        .Where(area => area.Spellings.Any(s => s.Count == 1 && Unspaced().IsMatch(s[0]) && fragment.Contains(s[0], StringComparison.Ordinal)))
                        .Select(area => area.AreaId).ToList()));
                }
            }
            else
            {
                words.AddRange(WordsOf(chunk));
            }
        }

        AddWords(words, vocabulary, terms);
        if (terms.Count == 0 && !string.IsNullOrWhiteSpace(text))
        {
            // Nothing but punctuation ("***"): looked for as typed, like Japanese.
            terms.Add(new SearchTerm(text.Trim(), [], []));
        }

        return new SearchText(terms.DistinctBy(t => t.Typed).Take(MaxTerms).ToList());
    }

    /// <summary>The same search without one of its terms, for "try without …".</summary>
    public SearchText Without(SearchTerm term) => new(Terms.Where(t => t != term).ToList());

    /// <summary>The terms as a reader would type them again.</summary>
    public override string ToString() => string.Join(' ', Terms.Select(t => t.Typed));

    /// <summary>The lower-case words of <paramref name="text"/>: runs of letters and digits.</summary>
    public static IReadOnlyList<string> WordsOf(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    /// <summary>Words in order, a run that names an area taken as one term (the longest run wins).</summary>
    private static void AddWords(List<string> words, AreaVocabulary vocabulary, List<SearchTerm> terms)
    {
        for (var i = 0; i < words.Count;)
        {
            var (length, areaIds) = LongestAreaName(words, i, vocabulary);
            if (length == 0)
            {
                terms.Add(new SearchTerm(words[i], [Spellings.Of(words[i])], []));
                i++;
                continue;
            }

            var run = words.GetRange(i, length);
            terms.Add(new SearchTerm(string.Join(' ', run), run.Select(Spellings.Of).ToList(), areaIds));
            i += length;
        }
    }

    private static (int Length, IReadOnlyList<int> AreaIds) LongestAreaName(List<string> words, int start, AreaVocabulary vocabulary)
    {
        var best = 0;
        var areaIds = new List<int>();
        foreach (var area in vocabulary.Areas)
        {
            foreach (var spelling in area.Spellings)
            {
                if (spelling.Count < best || !Names(words, start, spelling))
                {
                    continue;
                }

                if (spelling.Count > best)
                {
                    best = spelling.Count;
                    areaIds.Clear();
                }

                if (!areaIds.Contains(area.AreaId))
                {
                    areaIds.Add(area.AreaId);
                }
            }
        }

        return (best, areaIds);
    }

    /// <summary>Whether the words from <paramref name="start"/> spell <paramref name="name"/>: either spelling, the last word plural or not.</summary>
    private static bool Names(List<string> words, int start, IReadOnlyList<string> name)
    {
        if (start + name.Count > words.Count)
        {
            return false;
        }

        for (var i = 0; i < name.Count; i++)
        {
            var typed = Spellings.Canonical(words[start + i]);
            var known = Spellings.Canonical(name[i]);
            if (typed != known && !(i == name.Count - 1 && (IsPluralOf(typed, known) || IsPluralOf(known, typed))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPluralOf(string plural, string word) =>
        plural.Length > word.Length && plural.StartsWith(word, StringComparison.Ordinal) && plural[word.Length..] is "s" or "es";

    private static readonly char[] Punctuation = ['"', '\'', '「', '」', '『', '』', '（', '）', '(', ')', '、', '。', ',', '.'];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}\p{IsHangulSyllables}]")]
    private static partial Regex Unspaced();
}
