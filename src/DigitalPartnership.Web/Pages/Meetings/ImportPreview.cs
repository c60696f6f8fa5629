using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Meetings;

/// <summary>
/// What a pasted text yields, shaped for the import preview: each meeting fact with the sentence or heading it was read
/// from and what an editor should check, and the outcomes under the sections of the text that group them.
/// </summary>
public sealed record ImportPreview(
    CouncilText Text,
    IReadOnlyList<ImportPreview.Fact> Facts,
    IReadOnlyList<ImportPreview.OutcomeGroup> Groups,
    int TitlesToCheck)
{
    /// <summary>Facts and titles marked "Check", counted for the line above them.</summary>
    public int ToCheck => Facts.Count(f => f.Doubt is not null) + TitlesToCheck;

    /// <summary>Follow-through links to earlier Councils' deliverables, proposed for the editor to accept one by one.</summary>
    public IReadOnlyList<LinkProposal> Links { get; init; } = [];

    /// <summary>The links proposed for deliverable <paramref name="deliverable"/> (from 1) of <paramref name="outcome"/>, the best first.</summary>
    public IEnumerable<LinkProposal> LinksFor(ParsedOutcome outcome, int deliverable)
    {
        var index = Text.Outcomes.Select((o, i) => (o, i)).First(x => ReferenceEquals(x.o, outcome)).i + 1;
        return Links.Where(l => l.Outcome == index && l.Deliverable == deliverable);
    }

    /// <summary>True when the outcomes stand under section headings (which then take the third heading level).</summary>
    public bool HasSections => Groups.Any(g => g.Section is not null);

    /// <param name="words">The labels and the words for what was not found, in the reader's language.</param>
    public static ImportPreview From(CouncilText text, IStringLocalizer<ImportPreview> words)
    {
        var facts = text.Facts;
        var next = facts.NextMeeting;
        IHtmlContent Word(string english) => new StringHtmlContent(words[english]);
        var fact = new List<Fact>
        {
            new(words["Partnership"], text.Partnership?.Name is { } name ? ContentHtml.Content(name) : Word("Not found"), facts.Partnership.Source, facts.Partnership.Doubt),
            new(words["Council"], text.Meeting.Ordinal is { } n ? new StringHtmlContent(MeetingText.Ordinal(n)) : Word("Not stated"), facts.Ordinal.Source, facts.Ordinal.Doubt),
            new(words["Place"], text.Meeting.Location is { } location ? ContentHtml.Content(location) : Word("Not stated"), facts.Place.Source, facts.Place.Doubt),
            new(words["Date"], facts.Date.Value is { } date ? new StringHtmlContent(MeetingText.Days(date.Start, date.Last))
                : text.Meeting.Year is { } year ? new StringHtmlContent(words["{0} (no day given)", year]) : Word("Not stated"),
                facts.Date.Source, facts.Date.Doubt),
            new(words["Next Council"], text.NextMeeting is { } place ? MeetingText.Announced(place) : Word("Not announced"), next.Source, next.Doubt)
            {
                AsStated = Display.AsStatedBeyond(text.NextMeeting, facts.NextMeetingAsStated),
            },
        };
        return new ImportPreview(text, fact, Group(text.Outcomes), text.Outcomes.Count(o => o.TitleFound.Doubt is not null));
    }

    /// <summary>Consecutive outcomes of the same section make one group; a text without sections makes one group without a heading.</summary>
    private static IReadOnlyList<OutcomeGroup> Group(IReadOnlyList<ParsedOutcome> outcomes)
    {
        var groups = new List<(StatementSection? Section, List<ParsedOutcome> Outcomes)>();
        foreach (var outcome in outcomes)
        {
            if (groups.Count == 0 || groups[^1].Section?.Display != outcome.Section?.Display)
            {
                groups.Add((outcome.Section, []));
            }

            groups[^1].Outcomes.Add(outcome);
        }

        return groups.Select(g => new OutcomeGroup(g.Section, g.Outcomes)).ToList();
    }

    /// <summary>One fact of the meeting as the preview shows it: the value in words, where it came from, what to check.</summary>
    public sealed record Fact(string Label, IHtmlContent Value, string? Source, string? Doubt)
    {
        /// <summary>For the next Council: its time and place in the text's own words ("in mid-2026 in Europe").</summary>
        public string? AsStated { get; init; }
    }

    public sealed record OutcomeGroup(StatementSection? Section, IReadOnlyList<ParsedOutcome> Outcomes);
}
