using DigitalPartnership.Core.Domain;
using System.Text;
using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>An outcome and the blocks of the text it was read from (its title and its body).</summary>
internal sealed record OutcomeWithBlocks(ParsedOutcome Outcome, IReadOnlyList<DocumentBlock> Blocks);

/// <summary>
/// Reads the outcomes at the level the text gives them. Where the text titles its items (bold paragraphs or headings),
/// each titled item is an outcome and what follows it, prose and lists, yields its deliverables; a lettered section
/// without titled items is one outcome under its own heading. Where it has only a list, each item is an outcome. Where
/// it has neither, each paragraph that reports a result is one (see <see cref="FromProse"/>).
/// </summary>
internal sealed partial class OutcomeReader(AreaTaxonomy taxonomy)
{
    /// <summary>Outcome summaries are stored with at most this many characters.</summary>

    private const int MaxTitleLength = 300;

    public List<OutcomeWithBlocks> FromStructure(StatementOutline outline, List<StatementSection> sections)
    {
        var outcomes = new List<OutcomeWithBlocks>();
        var known = new HashSet<StatementSection>(sections);
        var parts = outline.OutcomeParts().ToList();
        foreach (var part in parts)
        {
            var partSection = part.Heading is { } partHeading ? new StatementSection(partHeading.Label, partHeading.Heading ?? partHeading.Block.Plain) : null;
            foreach (var section in part.Sections)
            {
                var grouping = section.Heading is { } heading ? new StatementSection(heading.Label, heading.Heading ?? heading.Block.Plain) : partSection;
                var before = outcomes.Count;
                if (section.Items.Count > 0)
                {
                    grouping = ReadTitledSection(section, grouping, outcomes, closesText: part == parts[^1] && section == part.Sections[^1]);
                }
                else if (section.Heading is not null && Content(section.Lead).Any())
                {
                    // A lettered section with no titled items is itself one outcome ("H. Developing Talent…").
                    var title = OutcomeTitles.Clean(section.Heading.Heading ?? section.Heading.Block.Plain);
                    outcomes.Add(Titled(title, new Found<string>(title, section.Heading.Block.Plain, null),
                        [section.Heading, .. section.Lead], Content(section.Lead).ToList(), grouping));
                }
                else
                {
                    ReadListItems(section.Lead, grouping, outcomes);
                }

                if (outcomes.Count > before && grouping is not null && known.Add(grouping))
                {
                    sections.Add(grouping);
                }
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Readouts written as prose: each paragraph that reports a result is one outcome, titled by its first result
    /// sentence. The sentence that reports the meeting itself is not a result, nor is one that denies ("Nothing was
    /// agreed", "did not sign").
    /// </summary>
    public List<OutcomeWithBlocks> FromProse(IEnumerable<DocumentBlock> paragraphs, string? heldSentence)
    {
        var outcomes = new List<OutcomeWithBlocks>();
        foreach (var paragraph in paragraphs)
        {
            var results = Sentences.Split(paragraph.Plain)
                .Where(s => s != heldSentence && StatusProposal.HasCommitmentVerb(s) && !Denial().IsMatch(s)).ToList();
            if (results.Count == 0)
            {
                continue;
            }

            var (title, shortened) = OutcomeTitles.FromSentence(results[0]);
            var found = new Found<string>(title, results[0],
                shortened ? "the text has no list: title shortened from a result sentence" : "the text has no list: title made from a result sentence");
            var areas = taxonomy.FindIn($"{title}\n{paragraph.Plain}");
            var deliverables = DeliverableReader.FromSentences(results, areas, taxonomy);
            outcomes.Add(new OutcomeWithBlocks(
                new ParsedOutcome(title, Cap(paragraph.Plain), areas, deliverables) { TitleFound = found }, [paragraph]));
        }

        return outcomes;
    }

    private StatementSection? ReadTitledSection(OutlineSection section, StatementSection? grouping, List<OutcomeWithBlocks> outcomes, bool closesText)
    {
        var lead = Content(section.Lead).ToList();
        if (lead.Count > 0 && section.Heading?.Heading is { } headingWords && SplitMergedTitle(headingWords) is { } split)
        {
            // "A. Advancing … Technologies Artificial Intelligence" followed by prose: the first item's title was printed
            // in the section heading.
            grouping = new StatementSection(section.Heading.Label, split.Section);
            outcomes.Add(Titled(split.Item, new Found<string>(split.Item, headingWords,
                "title split from the section heading it was printed with"), section.Lead, lead, grouping));
        }

        foreach (var item in section.Items)
        {
            var body = item.Body;
            if (closesText && item == section.Items[^1])
            {
                body = WithoutClosingProse(body);
            }

            var words = item.Title.Heading ?? item.Title.Block.Plain;
            var title = OutcomeTitles.Clean(words);
            var found = new Found<string>(title, item.Title.Block.Plain, null);
            if (title.Length > MaxTitleLength)
            {
                var (shortTitle, _) = OutcomeTitles.FromSentence(title);
                (title, found) = (shortTitle, new Found<string>(shortTitle, item.Title.Block.Plain, "a long title, shortened"));
            }

            outcomes.Add(Titled(title, found, [item.Title, .. body], Content(body).ToList(), grouping));
        }

        return grouping;
    }

    /// <summary>
    /// The last item of a text whose items are lists ends with its last list item: the paragraphs after it close the
    /// statement ("The United States and the ROK recognize…") rather than continue the item.
    /// </summary>
    private static List<ShapedBlock> WithoutClosingProse(List<ShapedBlock> body)
    {
        var lastListItem = body.FindLastIndex(b => b.Shape == BlockShape.ListItem);
        return lastListItem < 0 ? body : body[..(lastListItem + 1)];
    }

    /// <summary>A list with no titled items around it: each top-level item is an outcome; items nested in it are its deliverables.</summary>
    private void ReadListItems(List<ShapedBlock> blocks, StatementSection? grouping, List<OutcomeWithBlocks> outcomes)
    {
        List<ShapedBlock>? current = null;
        DocumentBlock? head = null;
        foreach (var block in blocks)
        {
            if (block.Shape == BlockShape.ListItem && block.Block.ListDepth > 0 && current is not null)
            {
                current.Add(block);
                continue;
            }

            Flush();
            if (block.Shape == BlockShape.ListItem && block.Block.ListDepth == 0 && !IsLeadIn(block.Block.Plain))
            {
                head = block.Block;
                current = [block];
            }
        }

        Flush();

        void Flush()
        {
            if (head is not null && current is not null)
            {
                outcomes.Add(FromListItem(head, current, grouping));
            }

            head = null;
            current = null;
        }
    }

    private OutcomeWithBlocks FromListItem(DocumentBlock item, List<ShapedBlock> blocks, StatementSection? grouping)
    {
        var plain = item.Plain;
        string title, summary;
        Found<string> found;
        var titled = TitledPoint().Match(plain);
        if (titled.Success && Sentences.Split(titled.Groups["title"].Value).Count == 1)
        {
            title = OutcomeTitles.Clean(titled.Groups["title"].Value);
            summary = titled.Groups["summary"].Value.Trim();
            found = new Found<string>(title, plain, null);
        }
        else if (item.LeadingBold is { Length: <= 160 } bold && plain.StartsWith(bold, StringComparison.Ordinal))
        {
            title = OutcomeTitles.Clean(bold);
            summary = plain[bold.Length..].TrimStart(' ', ':', '–', '—', '-');
            found = new Found<string>(title, plain, null);
        }
        else if (item.FirstBold is { } phrase && phrase.Split(' ').Length <= 8)
        {
            title = OutcomeTitles.Capitalise(OutcomeTitles.Clean(phrase));
            summary = plain;
            found = new Found<string>(title, plain, "title taken from the phrase the item sets in bold");
        }
        else
        {
            var first = Sentences.Split(plain).FirstOrDefault() ?? plain;
            var (made, shortened) = OutcomeTitles.FromSentence(first);
            title = made;
            summary = plain;
            found = new Found<string>(title, first, shortened ? "the item has no title: shortened from its first sentence" : null);
        }

        var units = new List<(string Text, bool IsListItem)> { (summary, false) };
        units.AddRange(blocks.Skip(1).Select(b => (b.Block.Plain, true)));
        var areas = taxonomy.FindIn($"{title}\n{string.Join("\n", units.Select(u => u.Text))}");
        var deliverables = DeliverableReader.FromUnits(units, areas, taxonomy);
        return new OutcomeWithBlocks(
            new ParsedOutcome(title, Cap(summary), areas, deliverables) { Section = grouping, TitleFound = found },
            blocks.Select(b => b.Block).ToList());
    }

    private OutcomeWithBlocks Titled(string title, Found<string> found, IEnumerable<ShapedBlock> blocks, List<ShapedBlock> body, StatementSection? grouping)
    {
        var units = body.Where(b => b.Shape is BlockShape.Prose or BlockShape.ListItem)
            .Select(b => (b.Block.Plain, b.Shape == BlockShape.ListItem)).ToList();
        var summary = Summary(body);
        var areas = taxonomy.FindIn($"{title}\n{summary}");
        var deliverables = DeliverableReader.FromUnits(units, areas, taxonomy);
        return new OutcomeWithBlocks(
            new ParsedOutcome(title, summary, areas, deliverables) { Section = grouping, TitleFound = found },
            blocks.Select(b => b.Block).ToList());
    }

    private static string Summary(List<ShapedBlock> body)
    {
        var builder = new StringBuilder();
        foreach (var block in body)
        {
            if (builder.Length > 0)
            {
                builder.Append(block.Shape == BlockShape.ListItem ? "\n" : "\n\n");
            }

            builder.Append(block.Shape == BlockShape.ListItem ? "- " : "").Append(block.Block.Plain);
        }

        return Cap(builder.ToString());
    }

    private static string Cap(string text)
    {
        if (text.Length <= Outcome.SummaryMaxLength)
        {
            return text;
        }

        var end = text.LastIndexOf(". ", Outcome.SummaryMaxLength - 1, StringComparison.Ordinal);
        return text[..(end > 0 ? end + 1 : Outcome.SummaryMaxLength - 1)] + "…";
    }

    /// <summary>The blocks that carry words of the outcome (not noise, not a sub-title).</summary>
    private static IEnumerable<ShapedBlock> Content(IEnumerable<ShapedBlock> blocks) =>
        blocks.Where(b => b.Shape is BlockShape.Prose or BlockShape.ListItem or BlockShape.SubTitle);

    /// <summary>
    /// "Advancing Transatlantic Leadership on Critical and Emerging Technologies Artificial Intelligence": a heading that
    /// ends with the name of an area, after words that form a whole phrase, carries the first item's title.
    /// </summary>
    private (string Section, string Item)? SplitMergedTitle(string heading)
    {
        var words = heading.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var tail = Math.Min(4, words.Length - 3); tail >= 1; tail--)
        {
            var item = string.Join(' ', words[^tail..]);
            var rest = words[..^tail];
            if (taxonomy.Named(item) is not null && char.IsUpper(item[0]) && !PhraseContinues().IsMatch(rest[^1]))
            {
                return (string.Join(' ', rest), item);
            }
        }

        return null;
    }

    /// <summary>"… the following outcomes …", "… as follows:": an item that announces the list is not one of its points.</summary>
    private static bool IsLeadIn(string text) => text.TrimEnd().EndsWith(':') || LeadIn().IsMatch(text);

    // "Title: what was agreed" — a short title, then the rest. A long run before a colon is prose, not a title.
    [GeneratedRegex(@"^(?<title>[^:]{2,160}?):\s+(?<summary>\S.*)$", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitledPoint();

    [GeneratedRegex(@"^(?:Nothing|No|None|Neither)\b|\b(?:not|never|cannot)\b|n't\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Denial();

    [GeneratedRegex(@"\b(?:the following|as follows)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"^(?:and|or|of|on|for|in|to|with|the|a|an|by|at|from)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhraseContinues();
}
