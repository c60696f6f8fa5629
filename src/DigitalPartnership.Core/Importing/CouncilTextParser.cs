using System.Text.RegularExpressions;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Reads a Council meeting text (EU or partner side; bullets, numbered points, lettered sections with titled items, or
/// prose) into what it yields: the partnership, the meeting, the areas, the key outcomes with their deliverables, and
/// the next meeting, each fact with how it was found. Pure: stores nothing.
/// </summary>
/// <remarks>
/// Stages: <see cref="CouncilTextNormalizer"/> (text → Markdown as the author meant it) → <see cref="MarkdownBlocks"/>
/// (Markdig's tree → blocks) → <see cref="StatementOutline"/> (blocks → preamble, parts, sections, titled items) →
/// <see cref="MeetingFactsReader"/> and <see cref="PartnershipReader"/> (the meeting's own facts) →
/// <see cref="OutcomeReader"/> (outcomes) → <see cref="DeliverableReader"/> (the commitments inside each).
/// </remarks>
public sealed partial class CouncilTextParser(AreaTaxonomy taxonomy)
{
    public CouncilText Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CouncilTextException("the text is empty");
        }

        CouncilTextLimits.CheckRaw(text);
        var markdown = CouncilTextNormalizer.ToMarkdown(text);
        CouncilTextLimits.CheckMarkdown(markdown);
        try
        {
            return Read(markdown);
        }
        catch (RegexMatchTimeoutException)
        {
            // Every pattern is bounded; a timeout means input no statement resembles.
            throw new CouncilTextException("the text took too long to read; it does not look like a press statement");
        }
    }

    private CouncilText Read(string markdown)
    {
        var outline = StatementOutline.Read(MarkdownBlocks.Read(markdown));
        var shaped = outline.Blocks;
        var advertisements = shaped.Where(b => IsAdvertisement(b.Block.Plain)).Select(b => b.Block.Index).ToHashSet();
        var statementSections = new List<StatementSection>();
        var outcomes = new OutcomeReader(taxonomy).FromStructure(outline, statementSections);

        var headline = shaped.FirstOrDefault(b => b.Shape == BlockShape.Headline)?.Block.Plain;
        var dateline = shaped.FirstOrDefault(b => b.Shape == BlockShape.Dateline)?.Block;
        var headings = shaped.Where(b => b.Shape is BlockShape.PartHeading or BlockShape.SectionHeading).Select(b => b.Heading ?? b.Block.Plain);
        var outcomeBlocks = OutcomeIndexByBlock(outcomes);
        var readable = shaped.Where(b => b.Shape is BlockShape.Prose or BlockShape.ListItem && !advertisements.Contains(b.Block.Index)).ToList();
        var held = MeetingFactsReader.ReadMeeting(readable.Where(b => !outcomeBlocks.ContainsKey(b.Block.Index)).Select(b => b.Block),
            headline, dateline, headings);
        var announced = MeetingFactsReader.ReadNextMeeting(readable.Where(b => !outcomeBlocks.ContainsKey(b.Block.Index)).Select(b => b.Block),
            held.Ordinal.Value);

        var hasNoList = false;
        if (outcomes.Count == 0 && !readable.Any(b => b.Shape == BlockShape.ListItem))
        {
            var inOutcomeParts = outline.OutcomeParts().SelectMany(p => p.Sections).SelectMany(s => s.Lead.Concat(s.Items.SelectMany(i => i.Body)))
                .Select(b => b.Block.Index).ToHashSet();
            var paragraphs = readable.Where(b => b.Shape == BlockShape.Prose && inOutcomeParts.Contains(b.Block.Index) && b.Block != announced.Block)
                .Select(b => b.Block);
            outcomes = new OutcomeReader(taxonomy).FromProse(paragraphs, held.Sentence);
            outcomeBlocks = OutcomeIndexByBlock(outcomes);
            hasNoList = outcomes.Count > 0;
        }

        if (outcomes.Count == 0)
        {
            throw new CouncilTextException(
                "found no key outcomes: the text needs a list of points such as \"• Title: what was agreed\", titled items, or paragraphs that report results");
        }

        var roles = AssignRoles(shaped, outcomeBlocks, advertisements, announced.Block);
        var meetingText = string.Join("\n", roles.Where(r => r.Role != SectionRole.Ignored).Select(r => r.Block.Plain));
        var introduction = roles.TakeWhile(r => r.Role != SectionRole.Outcome)
            .Where(r => r.Role is SectionRole.Introduction or SectionRole.Headline)
            .SelectMany(r => Sentences.Split(r.Block.Plain)).Select(Sentences.Head).Take(100);
        var partnership = PartnershipReader.Read(
            new[] { held.Sentence, headline }.OfType<string>().Concat(introduction).Distinct().ToList(), meetingText);

        var parsedOutcomes = outcomes.Select(o => o.Outcome).ToList();
        var title = headline ?? DefaultTitle(held.Place, partnership.Value);
        var facts = new MeetingFacts(partnership, held.Ordinal, held.Where, held.Date, announced.Next)
        {
            NextMeetingAsStated = announced.AsStated,
        };
        return new CouncilText(title, partnership.Value, held.Place, taxonomy.FindIn(meetingText), parsedOutcomes, announced.Next.Value,
            SourceSections(markdown, roles))
        {
            Facts = facts,
            StatementSections = statementSections,
            HasNoList = hasNoList,
        };
    }

    private static Dictionary<int, int> OutcomeIndexByBlock(List<OutcomeWithBlocks> outcomes)
    {
        var index = new Dictionary<int, int>();
        for (var i = 0; i < outcomes.Count; i++)
        {
            foreach (var block in outcomes[i].Blocks)
            {
                index.TryAdd(block.Index, i);
            }
        }

        return index;
    }

    /// <summary>
    /// The meeting's own text ends with the next-meeting paragraph, or at the first paragraph that advertises
    /// something else to the reader ("If you want to learn more…", "Subscribe to our newsletter"), once the outcomes
    /// have begun; what follows yields nothing.
    /// </summary>
    private static List<RoledBlock> AssignRoles(IReadOnlyList<ShapedBlock> shaped, Dictionary<int, int> outcomeBlocks,
        HashSet<int> advertisements, DocumentBlock? nextMeeting)
    {
        var roles = new List<RoledBlock>(shaped.Count);
        var outcomesBegun = false;
        var trailing = false;
        foreach (var block in shaped)
        {
            var index = block.Block.Index;
            if (outcomeBlocks.TryGetValue(index, out var outcome))
            {
                roles.Add(new RoledBlock(block.Block, SectionRole.Outcome, outcome));
                outcomesBegun = true;
                continue;
            }

            SectionRole role;
            if (trailing || block.Shape == BlockShape.Noise)
            {
                role = SectionRole.Ignored;
            }
            else if (advertisements.Contains(index))
            {
                role = SectionRole.Ignored;
                trailing = outcomesBegun;
            }
            else if (block.Block == nextMeeting)
            {
                role = SectionRole.NextMeeting;
                trailing = outcomesBegun; // the announcement closes the meeting's text only after its outcomes
            }
            else
            {
                role = block.Shape switch
                {
                    BlockShape.Headline => SectionRole.Headline,
                    BlockShape.Dateline => SectionRole.Introduction,
                    BlockShape.PartHeading or BlockShape.SectionHeading or BlockShape.ItemTitle => SectionRole.Heading,
                    _ => outcomesBegun ? SectionRole.Context : SectionRole.Introduction,
                };
            }

            roles.Add(new RoledBlock(block.Block, role, null));
        }

        return roles;
    }

    /// <summary>One section per block; the blocks of one outcome (its title and body) form one section.</summary>
    private static List<SourceSection> SourceSections(string markdown, List<RoledBlock> roles)
    {
        var sections = new List<SourceSection>();
        for (var i = 0; i < roles.Count; i++)
        {
            var first = roles[i];
            var last = i;
            while (first.Outcome is not null && last + 1 < roles.Count && roles[last + 1].Outcome == first.Outcome)
            {
                last++;
            }

            var end = Math.Min(roles[last].Block.End + 1, markdown.Length);
            var start = Math.Min(first.Block.Start, end);
            sections.Add(new SourceSection(markdown[start..end].Trim(), first.Role, first.Outcome));
            i = last;
        }

        return sections;
    }

    private static string DefaultTitle(MeetingPlace meeting, PartnershipName? partnership)
    {
        var name = partnership?.Name ?? "Digital Partnership";
        if (name.EndsWith("Partnership", StringComparison.Ordinal))
        {
            return $"{meeting.CouncilName} of the {name}";
        }

        return meeting.Ordinal is { } ordinal ? $"{MeetingPlace.OrdinalWord(ordinal)} meeting of the {name}" : $"Meeting of the {name}";
    }

    /// <summary>An advertisement speaks to the reader ("you", "Subscribe…"); a statement that mentions a webinar does not.</summary>
    private static bool IsAdvertisement(string plain) =>
        Advertisement().IsMatch(plain) && (ReaderAddressed().IsMatch(plain) || Imperative().IsMatch(plain));

    private sealed record RoledBlock(DocumentBlock Block, SectionRole Role, int? Outcome);

    [GeneratedRegex(@"\b(?:learn more|find out more|read more|webinar|subscribe|newsletter|sign up|follow us|click here|register now|contact us|visit our)\b",
        RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Advertisement();

    [GeneratedRegex(@"\b(?:you|your)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ReaderAddressed();

    [GeneratedRegex(@"(?:^|[.!?]\s+)(?:Subscribe|Follow us|Click|Register|Sign up|Join (?:our|us)|Visit our|Learn more|Read more|Find out more|Contact us|Watch)\b",
        RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Imperative();
}
