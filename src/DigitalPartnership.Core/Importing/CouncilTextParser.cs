using System.Text;
using System.Text.RegularExpressions;
using DigitalPartnership.Core.Domain;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Reads a Council meeting text (EU or partner side, bullets or numbered points) into what it yields: the partnership,
/// the meeting, the areas, the key outcomes with their deliverables, and the next meeting. Pure: stores nothing.
/// </summary>
public sealed partial class CouncilTextParser(AreaTaxonomy taxonomy)
{
    private static readonly MarkdownPipeline StructureOnly = new MarkdownPipelineBuilder().Build();

    private static readonly string[] OrdinalWords =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    public CouncilText Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CouncilTextException("the text is empty");
        }

        var markdown = CouncilTextNormalizer.ToMarkdown(text);
        var blocks = ReadBlocks(markdown);
        var sections = AssignRoles(blocks);
        var outcomeBlocks = sections.Where(s => s.Role == SectionRole.Outcome).Select(s => s.Block).ToList();
        if (outcomeBlocks.Count == 0)
        {
            throw new CouncilTextException("found no key outcomes: the text needs a list of points such as \"• Title: what was agreed\"");
        }

        var headline = sections.FirstOrDefault(s => s.Role == SectionRole.Headline)?.Block.Plain;
        var introduction = sections.Where(s => s.Role is SectionRole.Headline or SectionRole.Introduction).Select(s => s.Block.Plain).ToList();
        var meeting = ReadMeeting(headline, introduction);
        var partnership = ReadPartnership(introduction);
        var nextMeeting = sections
            .Where(s => s.Role == SectionRole.NextMeeting)
            .Select(s => ReadNextMeeting(s.Block.Plain, meeting))
            .FirstOrDefault(next => next is not null);

        var outcomes = outcomeBlocks.Select(block => ReadOutcome(block.Plain)).ToList();
        var meetingText = string.Join("\n", sections.Where(s => s.Role != SectionRole.Ignored).Select(s => s.Block.Plain));
        var title = headline ?? $"{meeting.CouncilName} of the {partnership?.Name ?? "Digital Partnership"}";

        var outcomeIndex = 0;
        var sourceSections = sections
            .Select(s => new SourceSection(s.Block.Markdown, s.Role, s.Role == SectionRole.Outcome ? outcomeIndex++ : null))
            .ToList();

        return new CouncilText(title, partnership, meeting, taxonomy.FindIn(meetingText), outcomes, nextMeeting, sourceSections);
    }

    private ParsedOutcome ReadOutcome(string item)
    {
        var titled = TitledPoint().Match(item);
        var (title, summary) = titled.Success
            ? (titled.Groups["title"].Value.Trim(), titled.Groups["summary"].Value.Trim())
            : (Sentences.Split(item)[0].TrimEnd('.'), item);

        var outcomeAreas = taxonomy.FindIn($"{title}\n{summary}");
        var deliverables = new List<ParsedDeliverable>();
        foreach (var sentence in Sentences.Split(summary))
        {
            foreach (var clause in Sentences.SplitCommitments(sentence))
            {
                var clauseAreas = taxonomy.FindIn(clause);
                deliverables.Add(new ParsedDeliverable(clause, StatusProposal.For(clause), sentence,
                    clauseAreas.Count > 0 ? clauseAreas : outcomeAreas));
            }
        }

        return new ParsedOutcome(title, summary, outcomeAreas, deliverables);
    }

    private static MeetingPlace ReadMeeting(string? headline, IReadOnlyList<string> introduction)
    {
        var sentences = introduction.SelectMany(Sentences.Split).ToList();
        var held = sentences.FirstOrDefault(s => HeldVerb().IsMatch(s) && !NextMeetingSentence().IsMatch(s));
        var ordinal = (held is null ? null : FindOrdinal(held))
            ?? (headline is null ? null : FindOrdinal(headline))
            ?? sentences.Select(FindOrdinal).FirstOrDefault(o => o is not null);

        var (city, country) = held is null ? (null, null) : FindPlace(held, HeldVerb().Match(held).Index);
        // Dates are read only where the text speaks of this meeting: an earlier Council's year must not become this one's.
        var date = (held is null ? null : TextDates.FindFirst(held)) ?? (headline is null ? null : TextDates.FindFirst(headline));
        var year = date?.Year ?? (held is null ? null : TextDates.FindYear(held[HeldVerb().Match(held).Index..]));
        return new MeetingPlace(ordinal, city, country, date, year);
    }

    private static MeetingPlace? ReadNextMeeting(string paragraph, MeetingPlace meeting)
    {
        var sentence = Sentences.Split(paragraph).FirstOrDefault(s => NextMeetingSentence().IsMatch(s));
        if (sentence is null)
        {
            return null;
        }

        var verb = NextMeetingSentence().Match(sentence);
        var (city, country) = FindPlace(sentence, verb.Index + verb.Length);
        var date = TextDates.FindFirst(sentence);
        var ordinal = FindOrdinal(sentence) ?? meeting.Ordinal + 1;
        return new MeetingPlace(ordinal, city, country, date, date?.Year ?? TextDates.FindYear(sentence[verb.Index..]));
    }

    private static PartnershipName? ReadPartnership(IReadOnlyList<string> introduction)
    {
        foreach (var paragraph in introduction)
        {
            var match = Parties().Match(paragraph);
            if (match.Success)
            {
                var partner = match.Groups["p1"].Success ? match.Groups["p1"].Value : match.Groups["p2"].Value;
                return new PartnershipName($"EU–{partner} Digital Partnership", partner);
            }
        }

        return null;
    }

    private static int? FindOrdinal(string text)
    {
        var match = OrdinalNearCouncil().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var word = match.Groups["ord"].Value.ToLowerInvariant();
        var index = Array.IndexOf(OrdinalWords, word);
        return index >= 0 ? index + 1 : int.Parse(Digits().Match(word).Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (string? City, string? Country) FindPlace(string sentence, int from)
    {
        foreach (Match match in Place().Matches(sentence[from..]))
        {
            var city = match.Groups["city"].Value;
            if (!NotAPlace().IsMatch(city))
            {
                var country = match.Groups["country"].Success && !NotAPlace().IsMatch(match.Groups["country"].Value)
                    ? match.Groups["country"].Value
                    : null;
                return (city, country);
            }
        }

        return (null, null);
    }

    /// <summary>
    /// The meeting's own text ends with the next-meeting paragraph, or at the first paragraph that advertises
    /// something else (a webinar, a newsletter, "learn more"); what follows yields nothing.
    /// </summary>
    private static List<RoledBlock> AssignRoles(IReadOnlyList<TextBlock> blocks)
    {
        var roles = new List<RoledBlock>(blocks.Count);
        var firstItem = blocks.ToList().FindIndex(b => b.IsListItem);
        var trailing = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            SectionRole role;
            if (trailing || Advertisement().IsMatch(block.Plain))
            {
                role = SectionRole.Ignored;
                trailing = true;
            }
            else if (i == 0 && (block.IsHeading || LooksLikeHeadline(block)))
            {
                role = SectionRole.Headline;
            }
            else if (block.IsListItem)
            {
                role = SectionRole.Outcome;
            }
            else if (NextMeetingSentence().IsMatch(block.Plain))
            {
                role = SectionRole.NextMeeting;
                trailing = firstItem >= 0 && i > firstItem; // the announcement closes the meeting's text only after its outcomes
            }
            else
            {
                role = firstItem < 0 || i < firstItem ? SectionRole.Introduction : SectionRole.Context;
            }

            roles.Add(new RoledBlock(block, role));
        }

        return roles;
    }

    private static bool LooksLikeHeadline(TextBlock block) =>
        !block.IsListItem && block.Plain.Length <= 250 && !block.Markdown.TrimEnd().Contains('\n')
        && !block.Plain.TrimEnd().EndsWith('.') && !block.Plain.TrimEnd().EndsWith(':');

    private static List<TextBlock> ReadBlocks(string markdown)
    {
        var document = Markdown.Parse(markdown, StructureOnly);
        var blocks = new List<TextBlock>();
        foreach (var block in document)
        {
            switch (block)
            {
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var plain = string.Join(" ", item.OfType<LeafBlock>().Select(leaf => InlineText(leaf.Inline)));
                        blocks.Add(new TextBlock(Slice(markdown, item), Collapse(plain), IsListItem: true, IsHeading: false));
                    }

                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    blocks.Add(new TextBlock(Slice(markdown, leaf), Collapse(InlineText(leaf.Inline)), IsListItem: false,
                        IsHeading: leaf is HeadingBlock));
                    break;
            }
        }

        return blocks.Where(b => b.Plain.Length > 0).ToList();
    }

    private static string Slice(string markdown, Block block) =>
        markdown.Substring(block.Span.Start, Math.Min(block.Span.Length, markdown.Length - block.Span.Start)).Trim();

    private static string InlineText(ContainerInline? container)
    {
        var builder = new StringBuilder();
        Append(container);
        return builder.ToString();

        void Append(ContainerInline? parent)
        {
            for (var inline = parent?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal: builder.Append(literal.Content.ToString()); break;
                    case LineBreakInline: builder.Append(' '); break;
                    case CodeInline code: builder.Append(code.Content); break;
                    case AutolinkInline link: builder.Append(link.Url); break;
                    case HtmlEntityInline entity: builder.Append(entity.Transcoded.ToString()); break;
                    case HtmlInline html: builder.Append(html.Tag); break;
                    case ContainerInline nested: Append(nested); break;
                }
            }
        }
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private sealed record TextBlock(string Markdown, string Plain, bool IsListItem, bool IsHeading);

    private sealed record RoledBlock(TextBlock Block, SectionRole Role);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    // "Title: what was agreed" — a short title, then the rest. A long run before a colon is prose, not a title.
    [GeneratedRegex(@"^(?<title>[^:]{2,160}?):\s+(?<summary>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex TitledPoint();

    [GeneratedRegex(@"\b(?:held|hosted|convened|took place|met|gathered)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeldVerb();

    // "The next meeting … will be held in …", "The second Council will take place in …" (future tense, so not this meeting).
    [GeneratedRegex(@"\b(?:next|following|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\b[^.]*?\b(?:meeting|council)\b[^.]*?\b(?:will|shall|is to|is scheduled to|is expected to)\b[^.]*?\b(?:be held|take place|convene|meet|be hosted)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex NextMeetingSentence();

    [GeneratedRegex(@"\b(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\b(?=(?:\s+[\p{L}\p{N}–-]+){0,5}?\s+(?:council|meeting)\b|\s+meeting\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalNearCouncil();

    // "in Tokyo, Japan" / "in Brussels" / "at Brussels": one or two capitalised words, then optionally ", Country".
    [GeneratedRegex(@"\b(?:in|at)\s+(?<city>\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)(?:,\s*(?<country>\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?))?")]
    private static partial Regex Place();

    [GeneratedRegex(@"^(?:January|February|March|April|May|June|July|August|September|October|November|December|The|This|Digital|Council|Meeting|EU|European)\b")]
    private static partial Regex NotAPlace();

    // "EU and Japan", "EU-Japan", "the EU and the Republic of Korea", "Japan-EU", "Japan and the European Union".
    [GeneratedRegex(@"\b(?:EU|European Union)\s*(?:and|-|–|—|/)\s*(?:the\s+)?(?:Republic of\s+)?(?<p1>\p{Lu}\p{Ll}+)\b|\b(?<p2>\p{Lu}\p{Ll}+)\s*(?:and|-|–|—|/)\s*(?:the\s+)?(?:EU|European Union)\b")]
    private static partial Regex Parties();

    [GeneratedRegex(@"\b(?:learn more|find out more|read more|webinar|subscribe|newsletter|sign up|follow us|click here|register now|contact us|visit our)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Advertisement();
}
