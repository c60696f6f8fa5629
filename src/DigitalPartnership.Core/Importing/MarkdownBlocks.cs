using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigitalPartnership.Core.Importing;

internal enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
}

/// <summary>
/// One paragraph, heading or list item of the text, in reading order: its Markdown (as a span of the normalised text),
/// its plain words, and the emphasis that makes a block a title.
/// </summary>
internal sealed record DocumentBlock(BlockKind Kind, int Start, int End, string Plain)
{
    public int Index { get; init; }

    /// <summary>Heading level for a Markdown heading (1–6), else 0.</summary>
    public int HeadingLevel { get; init; }

    /// <summary>0 for a top-level list item, 1 for an item of a list inside it, and so on.</summary>
    public int ListDepth { get; init; }

    /// <summary>The text of the bold run when the block is bold as a whole, after an optional label ("I. **Introduction**").</summary>
    public string? BoldTitle { get; init; }

    /// <summary>The label printed before the bold run, outside it ("I"), if any.</summary>
    public string? LabelBeforeBold { get; init; }

    /// <summary>The bold run the block opens with ("**Title:** text"), if any.</summary>
    public string? LeadingBold { get; init; }

    /// <summary>The first bold phrase anywhere in the block, if any.</summary>
    public string? FirstBold { get; init; }

    /// <summary>The block is one italic run, as a sub-title is.</summary>
    public bool IsItalicOnly { get; init; }

    public bool HasLetters => Plain.Any(char.IsLetter);
}

/// <summary>Markdig's syntax tree, read into <see cref="DocumentBlock"/>s. Markdig's own refusals become one-line reasons.</summary>
internal static partial class MarkdownBlocks
{
    private static readonly MarkdownPipeline StructureOnly = new MarkdownPipelineBuilder().Build();

    public static List<DocumentBlock> Read(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, StructureOnly);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit: lists, quotes or emphasis nested beyond what any statement needs.
            throw new CouncilTextException("the Markdown is nested too deeply to read (lists, quotes or emphasis inside each other beyond Markdig's limit)");
        }

        var blocks = new List<DocumentBlock>();
        AddBlocks(document, depth: 0, blocks);
        return blocks.Where(b => b.Plain.Length > 0).Select((b, i) => b with { Index = i }).ToList();
    }

    private static void AddBlocks(ContainerBlock container, int depth, List<DocumentBlock> blocks)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        AddListItem(item, depth, blocks);
                    }

                    break;
                case HeadingBlock heading:
                    blocks.Add(new DocumentBlock(BlockKind.Heading, heading.Span.Start, heading.Span.End, Collapse(InlineText(heading.Inline)))
                    {
                        HeadingLevel = heading.Level,
                    });
                    break;
                case ParagraphBlock paragraph:
                    blocks.Add(Emphasised(new DocumentBlock(BlockKind.Paragraph, paragraph.Span.Start, paragraph.Span.End,
                        Collapse(InlineText(paragraph.Inline))), paragraph.Inline));
                    break;
                case CodeBlock code:
                    // Indentation that survived as code is still the statement's text.
                    blocks.Add(new DocumentBlock(BlockKind.Paragraph, code.Span.Start, code.Span.End, Collapse(code.Lines.ToString())));
                    break;
                case QuoteBlock quote:
                    AddBlocks(quote, depth, blocks);
                    break;
            }
        }
    }

    private static void AddListItem(ListItemBlock item, int depth, List<DocumentBlock> blocks)
    {
        var leaves = item.OfType<LeafBlock>().ToList();
        var plain = Collapse(string.Join(" ", leaves.Select(leaf => leaf is CodeBlock code ? code.Lines.ToString() : InlineText(leaf.Inline))));
        var end = leaves.Count > 0 ? leaves[^1].Span.End : item.Span.End;
        var first = leaves.FirstOrDefault() as ParagraphBlock;
        blocks.Add(Emphasised(new DocumentBlock(BlockKind.ListItem, item.Span.Start, end, plain) { ListDepth = depth }, first?.Inline));
        foreach (var nested in item.OfType<ContainerBlock>())
        {
            if (nested is ListBlock list)
            {
                foreach (var child in list.OfType<ListItemBlock>())
                {
                    AddListItem(child, depth + 1, blocks);
                }
            }
            else
            {
                AddBlocks(nested, depth + 1, blocks);
            }
        }
    }

    /// <summary>Reads the emphasis of a paragraph's top-level inlines: a bold title, a leading bold run, an italic sub-title.</summary>
    private static DocumentBlock Emphasised(DocumentBlock block, ContainerInline? inline)
    {
        if (inline is null)
        {
            return block;
        }

        var parts = new List<Inline>();
        for (var child = inline.FirstChild; child is not null; child = child.NextSibling)
        {
            if (!(child is LiteralInline literal && literal.Content.IsEmptyOrWhitespace()) && child is not LineBreakInline)
            {
                parts.Add(child);
            }
        }

        if (parts.Count == 0)
        {
            return block;
        }

        string? label = null;
        var first = 0;
        if (parts[0] is LiteralInline lead && LabelBeforeBold().Match(lead.Content.ToString()) is { Success: true } labelMatch
            && parts.Count > 1 && IsBold(parts[1]))
        {
            label = labelMatch.Groups["label"].Value;
            first = 1;
        }

        var boldParts = parts.Skip(first).TakeWhile(IsBold).ToList();
        var rest = parts.Skip(first + boldParts.Count).ToList();
        var restIsPunctuation = rest.All(p => p is LiteralInline l && TrailingPunctuation().IsMatch(l.Content.ToString()));
        var boldTitle = boldParts.Count > 0 && restIsPunctuation
            ? Collapse(string.Join(" ", boldParts.Select(p => InlineText((ContainerInline)p)))) + TrailingColon(rest)
            : null;
        var leadingBold = first == 0 && IsBold(parts[0]) ? Collapse(InlineText((ContainerInline)parts[0])) : null;
        var firstBold = FindFirstBold(inline);
        var italicOnly = parts.Count == 1 && parts[0] is EmphasisInline { DelimiterCount: 1 };
        return block with
        {
            BoldTitle = boldTitle,
            LabelBeforeBold = boldTitle is null ? null : label,
            LeadingBold = leadingBold,
            FirstBold = firstBold,
            IsItalicOnly = italicOnly,
        };
    }

    private static string TrailingColon(List<Inline> rest) =>
        rest.Any(p => p is LiteralInline l && l.Content.ToString().Contains(':')) ? ":" : "";

    private static bool IsBold(Inline inline) => inline is EmphasisInline { DelimiterCount: 2 };

    private static string? FindFirstBold(ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (IsBold(child))
            {
                return Collapse(InlineText((ContainerInline)child));
            }

            if (child is ContainerInline nested && FindFirstBold(nested) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    /// <summary>
    /// The words of an inline run. A link whose text repeats the words just before it ("Report[Report](url)", a
    /// mirror's slip) is read once.
    /// </summary>
    public static string InlineText(ContainerInline? container)
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
                    case HtmlInline: break; // a tag the normaliser did not know: markup, not words
                    case LinkInline link when RepeatsTail(builder, InlineText(link)): break;
                    case ContainerInline nested: Append(nested); break;
                }
            }
        }
    }

    private static bool RepeatsTail(StringBuilder builder, string text)
    {
        var words = Collapse(text);
        if (words.Length < 12 || builder.Length < words.Length)
        {
            return false;
        }

        var tail = Collapse(builder.ToString(Math.Max(0, builder.Length - words.Length - 8), Math.Min(builder.Length, words.Length + 8)));
        return tail.EndsWith(words, StringComparison.Ordinal);
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*(?<label>[IVX]{1,5}|[A-Z]|\d{1,2})\.\s*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LabelBeforeBold();

    [GeneratedRegex(@"^[\s:.–-]*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingPunctuation();
}
