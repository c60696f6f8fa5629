using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>What a block is in the statement's structure.</summary>
internal enum BlockShape
{
    /// <summary>No words: "###", a stray mark.</summary>
    Noise,

    /// <summary>"31 May 2023 / Luleå, Sweden" above the text.</summary>
    Dateline,
    Headline,

    /// <summary>"I. Introduction", "Section 2. Pittsburgh outcomes", "Annex I".</summary>
    PartHeading,

    /// <summary>"A. Digital Infrastructure and Connectivity".</summary>
    SectionHeading,

    /// <summary>A bold paragraph or heading that titles the text below it: one outcome.</summary>
    ItemTitle,

    /// <summary>An italic line inside an item ("Post-Quantum Cryptography Coordination").</summary>
    SubTitle,
    ListItem,
    Prose,
}

/// <summary>A block with its shape; for a heading, its label ("II", "A", "3") and its words without the label.</summary>
internal sealed record ShapedBlock(DocumentBlock Block, BlockShape Shape, string? Label = null, string? Heading = null);

internal sealed class OutlineItem(ShapedBlock title)
{
    public ShapedBlock Title { get; } = title;

    public List<ShapedBlock> Body { get; } = [];
}

/// <summary>A lettered section, or the unnamed stretch of a part before any lettered section.</summary>
internal sealed class OutlineSection(ShapedBlock? heading)
{
    public ShapedBlock? Heading { get; } = heading;

    /// <summary>What stands between the heading and the first titled item.</summary>
    public List<ShapedBlock> Lead { get; } = [];

    public List<OutlineItem> Items { get; } = [];
}

/// <summary>A part of the statement ("II. Key Outcomes…"), or the stretch before the first part heading.</summary>
internal sealed class OutlinePart(ShapedBlock? heading)
{
    public ShapedBlock? Heading { get; } = heading;

    public List<OutlineSection> Sections { get; } = [new(null)];

    public bool NamesOutcomes => Heading?.Heading is { } words && StatementOutline.OutcomeWords().IsMatch(words);

    /// <summary>An introduction, conclusion, annex or plan of future work: what the meeting agreed is not reported here.</summary>
    public bool IsFraming => Heading?.Heading is { } words && StatementOutline.FramingWords().IsMatch(words)
        || Heading?.Label?.StartsWith("Annex", StringComparison.Ordinal) == true;
}

/// <summary>
/// The statement's structure as a careful reader sees it: a preamble (dateline, headline), parts, lettered sections,
/// and titled items. Titles are bold paragraphs or Markdown headings; labels decide their level, so a text that prints
/// its sections as bold paragraphs reads the same as one that uses headings.
/// </summary>
internal sealed partial class StatementOutline
{
    private StatementOutline(List<ShapedBlock> shaped, List<OutlinePart> parts)
    {
        Blocks = shaped;
        Parts = parts;
    }

    /// <summary>Every block in reading order, with its shape.</summary>
    public IReadOnlyList<ShapedBlock> Blocks { get; }

    /// <summary>The parts in order; the first has no heading and holds what precedes the first part heading.</summary>
    public IReadOnlyList<OutlinePart> Parts { get; }

    public bool HasPartHeadings => Parts.Count > 1;

    /// <summary>
    /// The parts that report what the meeting achieved: each part whose heading names outcomes and those after it up to an
    /// introduction, conclusion, annex or plan of future work; without such a heading, every part that is not framing.
    /// </summary>
    public IEnumerable<OutlinePart> OutcomeParts()
    {
        if (!HasPartHeadings)
        {
            return Parts;
        }

        if (!Parts.Any(p => p.NamesOutcomes))
        {
            return Parts.Skip(1).Where(p => !p.IsFraming);
        }

        var reporting = false;
        var outcomeParts = new List<OutlinePart>();
        foreach (var part in Parts)
        {
            reporting = part.NamesOutcomes || (reporting && !part.IsFraming);
            if (reporting)
            {
                outcomeParts.Add(part);
            }
        }

        return outcomeParts;
    }

    public static StatementOutline Read(IReadOnlyList<DocumentBlock> blocks)
    {
        var shaped = Shape(blocks);
        var parts = new List<OutlinePart> { new(null) };
        foreach (var block in shaped)
        {
            var part = parts[^1];
            var section = part.Sections[^1];
            switch (block.Shape)
            {
                case BlockShape.PartHeading:
                    parts.Add(new OutlinePart(block));
                    break;
                case BlockShape.SectionHeading:
                    part.Sections.Add(new OutlineSection(block));
                    break;
                case BlockShape.ItemTitle:
                    section.Items.Add(new OutlineItem(block));
                    break;
                case BlockShape.Dateline or BlockShape.Headline:
                    break;
                default:
                    (section.Items.Count > 0 ? section.Items[^1].Body : section.Lead).Add(block);
                    break;
            }
        }

        return new StatementOutline(shaped, parts);
    }

    private static List<ShapedBlock> Shape(IReadOnlyList<DocumentBlock> blocks)
    {
        var shaped = new List<ShapedBlock>(blocks.Count);
        var preamble = true;
        var headlineTaken = false;
        string? lastLetter = null;
        string? lastPart = null;
        var sectionLevels = UnlabelledSectionLevels(blocks);
        foreach (var block in blocks)
        {
            if (!block.HasLetters)
            {
                shaped.Add(new ShapedBlock(block, BlockShape.Noise));
                continue;
            }

            var title = TitleOf(block);
            var label = title is null ? null : ReadLabel(title, block.LabelBeforeBold, lastLetter, lastPart);
            if (preamble && label is null or { Level: HeadingLevel.Item } && IsDateline(block))
            {
                shaped.Add(new ShapedBlock(block, BlockShape.Dateline));
                continue;
            }

            if (preamble && !headlineTaken && (label is null or { Level: HeadingLevel.Item, Label: null }) && LooksLikeHeadline(block))
            {
                shaped.Add(new ShapedBlock(block, BlockShape.Headline, Heading: block.Plain));
                headlineTaken = true;
                preamble = false;
                continue;
            }

            preamble = false;
            if (label is null)
            {
                var subTitle = block.IsItalicOnly && block.Plain.Length <= 150 && !block.Plain.EndsWith('.');
                shaped.Add(new ShapedBlock(block, subTitle ? BlockShape.SubTitle
                    : block.Kind == BlockKind.ListItem ? BlockShape.ListItem : BlockShape.Prose));
                continue;
            }

            var level = label.Level;
            if (level == HeadingLevel.Item && label.Label is null && block.Kind == BlockKind.Heading && sectionLevels.Contains(block.HeadingLevel))
            {
                level = HeadingLevel.Section; // "## Connectivity" above "### Subsea cables"
            }

            switch (level)
            {
                case HeadingLevel.Part:
                    lastPart = label.Label;
                    lastLetter = null;
                    shaped.Add(new ShapedBlock(block, BlockShape.PartHeading, label.Label, label.Words));
                    break;
                case HeadingLevel.Section:
                    lastLetter = label.Label;
                    shaped.Add(new ShapedBlock(block, BlockShape.SectionHeading, label.Label, label.Words));
                    break;
                default:
                    shaped.Add(new ShapedBlock(block, BlockShape.ItemTitle, label.Label, label.Words));
                    break;
            }
        }

        return shaped;
    }

    /// <summary>The words of a block that reads as a title: a Markdown heading, or a short paragraph that is bold as a whole.</summary>
    private static string? TitleOf(DocumentBlock block)
    {
        if (block.Kind == BlockKind.Heading)
        {
            return block.Plain;
        }

        if (block.Kind != BlockKind.Paragraph || block.BoldTitle is not { } bold || bold.Length > 250)
        {
            return null;
        }

        // A bold sentence is emphasis, not a title; a short one ending in a full stop may still be a title.
        return bold.EndsWith('.') && bold.Split(' ').Length > 12 ? null : bold;
    }

    private static ReadHeading ReadLabel(string title, string? labelBeforeBold, string? lastLetter, string? lastPart)
    {
        var text = labelBeforeBold is null ? title : $"{labelBeforeBold}. {title}";
        text = text.Trim().TrimEnd(':').Trim();
        if (AnnexLabel().Match(text) is { Success: true } annex)
        {
            return new ReadHeading(HeadingLevel.Part, ("Annex " + annex.Groups["label"].Value).Trim(), Words(annex.Groups["words"].Value, text));
        }

        if (PartLabel().Match(text) is { Success: true } part)
        {
            var roman = part.Groups["label"].Value;
            // "I." after "H." is the ninth letter, not the first part; "V." after "U." likewise.
            var isLetter = roman.Length == 1 && lastLetter is { Length: 1 } && lastLetter[0] + 1 == roman[0]
                && !(lastPart is not null && IsNextRoman(lastPart, roman));
            if (!isLetter)
            {
                return new ReadHeading(HeadingLevel.Part, roman, Words(part.Groups["words"].Value, text));
            }
        }

        if (LetterLabel().Match(text) is { Success: true } letter)
        {
            return new ReadHeading(HeadingLevel.Section, letter.Groups["label"].Value, letter.Groups["words"].Value.Trim());
        }

        if (NumberLabel().Match(text) is { Success: true } number)
        {
            return new ReadHeading(HeadingLevel.Item, number.Groups["label"].Value, number.Groups["words"].Value.Trim());
        }

        return OutcomeWords().IsMatch(text) && text.Split(' ').Length <= 8 || FramingHeading().IsMatch(text)
            ? new ReadHeading(HeadingLevel.Part, null, text)
            : new ReadHeading(HeadingLevel.Item, null, text);
    }

    private static string Words(string words, string whole) => words.Trim().Length > 0 ? words.Trim() : whole;

    private static bool IsNextRoman(string last, string next)
    {
        string[] numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
        var index = Array.IndexOf(numerals, last);
        return index >= 0 && index + 1 < numerals.Length && numerals[index + 1] == next;
    }

    /// <summary>
    /// Heading levels that group other headings in a text that uses Markdown headings without labels: with two levels
    /// below the title, the upper one holds sections.
    /// </summary>
    private static HashSet<int> UnlabelledSectionLevels(IReadOnlyList<DocumentBlock> blocks)
    {
        var levels = blocks.Skip(1).Where(b => b.Kind == BlockKind.Heading && !LabelStart().IsMatch(b.Plain))
            .Select(b => b.HeadingLevel).Distinct().Order().ToList();
        return levels.Count >= 2 ? [levels[0]] : [];
    }

    /// <summary>"31 May 2023 / Luleå, Sweden", "September 29, 2021 Pittsburgh, Pennsylvania", "Leuven, Belgium".</summary>
    private static bool IsDateline(DocumentBlock block)
    {
        if (block.Plain.Length > 90 || block.Kind == BlockKind.ListItem)
        {
            return false;
        }

        var date = TextDates.FindFirstRange(block.Plain);
        var rest = date is null ? block.Plain : TextDates.WithoutDates(block.Plain);
        var words = rest.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > 5 || !words.All(w => char.IsUpper(w[0])))
        {
            return date is not null && words.Length == 0;
        }

        return date is not null || words.Any(w => Countries.IsCountry(w)) || Countries.IsCountry(string.Join(' ', words[1..]));
    }

    private static bool LooksLikeHeadline(DocumentBlock block)
    {
        var text = block.Plain.TrimEnd();
        return block.Kind == BlockKind.Heading
            || (block.Kind == BlockKind.Paragraph && text.Length <= 250 && !text.EndsWith('.') && !text.EndsWith(':')
                && Sentences.Split(text).Count == 1);
    }

    private enum HeadingLevel
    {
        Part,
        Section,
        Item,
    }

    private sealed record ReadHeading(HeadingLevel Level, string? Label, string Words);

    [GeneratedRegex(@"\b(?:outcomes?|results|deliverables|achievements)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    public static partial Regex OutcomeWords();

    [GeneratedRegex(@"\b(?:introduction|background|preamble|conclusions?|closing|next steps|way forward|future|annex(?:es)?|appendix)\b",
        RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    public static partial Regex FramingWords();

    // An unlabelled heading that frames the text as a whole: "Introduction", "Conclusion and Next Steps".
    [GeneratedRegex(@"^(?:introduction|background|preamble|conclusions?|closing remarks|next steps|the way forward)\b",
        RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FramingHeading();

    [GeneratedRegex(@"^(?:Annex|Appendix|ANNEX)\b\s*(?<label>[IVXLC]{1,6}|\d{1,2}|[A-Z])?\b[.:–-]?\s*(?<words>.*)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnnexLabel();

    [GeneratedRegex(@"^(?:(?:Section|Part|Chapter|SECTION|PART)\s+(?<label>\d{1,2}|[IVXLC]{1,6})\b\.?|(?<label>[IVX]{1,5})\.)\s*(?<words>.*)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PartLabel();

    [GeneratedRegex(@"^(?<label>[A-Z])[.)]\s+(?<words>\S.*)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LetterLabel();

    [GeneratedRegex(@"^(?<label>\d{1,2})[.)]\s+(?<words>\S.*)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumberLabel();

    [GeneratedRegex(@"^(?:[IVX]{1,5}|[A-Z]|\d{1,2})[.)]\s", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LabelStart();
}
