using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// The commitments inside an outcome. A list item is one commitment; in prose, each sentence that carries a commitment
/// verb is one, split at ", and" / ";" where both sides carry a verb of their own. An outcome whose prose has no such
/// verb at all keeps each sentence ("…were highlighted"), so no outcome is left without its content.
/// </summary>
internal static class DeliverableReader
{

    /// <param name="units">The outcome's text in order: prose (split into sentences) or list items (one commitment each).</param>
    public static List<ParsedDeliverable> FromUnits(IReadOnlyList<(string Text, bool IsListItem)> units,
        IReadOnlyList<AreaDefinition> outcomeAreas, AreaTaxonomy taxonomy)
    {
        var deliverables = new List<ParsedDeliverable>();
        var proseSentences = new List<string>();
        foreach (var (text, isListItem) in units)
        {
            if (isListItem)
            {
                deliverables.Add(FromListItem(text, outcomeAreas, taxonomy));
                continue;
            }

            foreach (var sentence in Sentences.Split(text))
            {
                proseSentences.Add(sentence);
                if (StatusProposal.HasCommitmentVerb(sentence))
                {
                    deliverables.AddRange(FromSentence(sentence, outcomeAreas, taxonomy));
                }
            }
        }

        if (deliverables.Count == 0)
        {
            foreach (var sentence in proseSentences)
            {
                deliverables.AddRange(FromSentence(sentence, outcomeAreas, taxonomy));
            }
        }

        return deliverables;
    }

    public static List<ParsedDeliverable> FromSentences(IEnumerable<string> sentences, IReadOnlyList<AreaDefinition> outcomeAreas, AreaTaxonomy taxonomy) =>
        sentences.SelectMany(s => FromSentence(s, outcomeAreas, taxonomy)).ToList();

    private static IEnumerable<ParsedDeliverable> FromSentence(string sentence, IReadOnlyList<AreaDefinition> outcomeAreas, AreaTaxonomy taxonomy)
    {
        var source = Limit(sentence, Deliverable.SourceSentenceMaxLength);
        foreach (var clause in Sentences.SplitCommitments(sentence))
        {
            var areas = taxonomy.FindIn(clause);
            yield return new ParsedDeliverable(Limit(clause, Deliverable.TitleMaxLength), StatusProposal.For(clause), source,
                areas.Count > 0 ? areas : outcomeAreas);
        }
    }

    /// <summary>A list item: titled by its first sentence, its status from its first commitment verb, the whole item as source.</summary>
    private static ParsedDeliverable FromListItem(string text, IReadOnlyList<AreaDefinition> outcomeAreas, AreaTaxonomy taxonomy)
    {
        var first = Sentences.Split(text).FirstOrDefault() ?? text;
        var title = OutcomeTitles.Clean(Sentences.Tidy(first));
        var areas = taxonomy.FindIn(text);
        return new ParsedDeliverable(Limit(title, Deliverable.TitleMaxLength), StatusProposal.For(text), Limit(text, Deliverable.SourceSentenceMaxLength),
            areas.Count > 0 ? areas : outcomeAreas);
    }

    private static string Limit(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', length - 2);
        return text[..(space > 0 ? space : length - 1)] + "…";
    }
}
