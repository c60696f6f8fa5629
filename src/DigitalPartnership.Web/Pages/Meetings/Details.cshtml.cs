using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Core.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DigitalPartnership.Web.Hosting.Http;
using DigitalPartnership.Web.Pages.Shared;

namespace DigitalPartnership.Web.Pages.Meetings;

/// <summary>
/// A meeting's source text, part by part, beside what was extracted from each part. The parts come from parsing the stored
/// text again with the same parser the importer used, so the page shows exactly how the text was read.
/// </summary>
[CachedByStoreVersion]
public sealed class DetailsModel(PortalDbContext db, AreaTaxonomy taxonomy, MarkdownRenderer markdown) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public IReadOnlyList<SectionView> Sections { get; private set; } = [];
    public MeetingPlace? NextMeeting { get; private set; }

    /// <summary>The next Council's time and place in the words of this meeting's text ("in mid-2026 in Europe"), when they say more than the place.</summary>
    public string? NextMeetingAsStated { get; private set; }

    /// <summary>The outcomes under the sections of the text that group them; one group without a heading when it has none.</summary>
    public IReadOnlyList<OutcomeSection> OutcomeSections { get; private set; } = [];

    /// <summary>True when the text had sections, whose headings then group the list of outcomes.</summary>
    public bool HasSections => OutcomeSections.Any(s => s.Heading is not null);
    public string? ParseProblem { get; private set; }

    /// <summary>"EU–Korea · 2nd Council" where the store holds several partnerships, "2nd Council" where it holds one.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent CouncilName { get; private set; } = Microsoft.AspNetCore.Html.HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MeetingView(m.Id, m.Title, m.Partnership.Name, m.Place.Ordinal, m.Place.City, m.Place.Country, m.Place.Date, m.Place.Year, m.SourceFileName,
                m.SourceText, m.ImportedAtUtc, Array.Empty<OutcomeExtract>()) { EndDate = m.EndDate })
            .FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return NotFound();
        }

        // Outcomes, their deliverables and areas in flat indexed queries: nested collection projections make SQLite scan
        // every deliverable of every meeting.
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.MeetingId == id).OrderBy(o => o.Position)
            .Select(o => new { o.Id, o.Position, o.Slug, o.Title, o.Section }).ToListAsync(ct);
        var deliverables = (await db.Deliverables.AsNoTracking().Where(d => d.Outcome.MeetingId == id)
                .OrderBy(d => d.Position).Select(d => new { d.OutcomeId, d.Id, d.Title, d.Status }).ToListAsync(ct))
            .ToLookup(d => d.OutcomeId, d => new DeliverableExtract(d.Id, d.Title, d.Status));
        var areas = await AreaRefs.ForOutcomesAsync(db, outcomes.Select(o => o.Id).ToList(), ct);
        Meeting = meeting with
        {
            Outcomes = outcomes.Select(o => new OutcomeExtract(o.Id, o.Position, o.Slug, o.Title, areas[o.Id].Select(a => a.Name).ToList(),
                deliverables[o.Id].ToList()) { Section = o.Section }).ToList(),
        };
        OutcomeSections = InSections(Meeting.Outcomes);
        var scope = await PartnershipScope.OfAsync(HttpContext);
        CouncilName = MeetingText.Council(scope, meeting.Partnership, meeting.Place.Ordinal);
        var next = await db.Milestones.AsNoTracking().Where(m => m.AnnouncedAtId == id && m.Kind == MilestoneKind.NextCouncil)
            .Select(m => new { m.Place, m.AsStated }).FirstOrDefaultAsync(ct);
        (NextMeeting, NextMeetingAsStated) = (next?.Place, Display.AsStatedBeyond(next?.Place, next?.AsStated));
        try
        {
            var parsed = new CouncilTextParser(taxonomy).Parse(meeting.SourceText);
            Sections = parsed.Sections.Select(s => new SectionView(markdown.ToHtml(s.Markdown), s.Role,
                s.OutcomeIndex is { } i ? Meeting.Outcomes.FirstOrDefault(o => o.Position == i + 1) : null)).ToList();
        }
        catch (CouncilTextException e)
        {
            ParseProblem = e.Message; // e.g. generated benchmark meetings, whose text is no Council text
        }

        return Page();
    }

    /// <summary>Consecutive outcomes of one section make a group, in the order of the text.</summary>
    private static List<OutcomeSection> InSections(IEnumerable<OutcomeExtract> outcomes)
    {
        var groups = new List<OutcomeSection>();
        foreach (var outcome in outcomes)
        {
            if (groups.Count == 0 || groups[^1].Heading != outcome.Section)
            {
                groups.Add(new OutcomeSection(outcome.Section, []));
            }

            groups[^1].Outcomes.Add(outcome);
        }

        return groups;
    }

    public sealed record MeetingView(int Id, string Title, string Partnership, int? Ordinal, string? City, string? Country, DateOnly? Date,
        int? Year, string SourceFile, string SourceText, DateTime ImportedAtUtc, IReadOnlyList<OutcomeExtract> Outcomes)
    {
        public MeetingPlace Place => new(Ordinal, City, Country, Date, Year);

        /// <summary>The last day of a Council held over several days.</summary>
        public DateOnly? EndDate { get; init; }

        /// <summary>"4–5 June 2025", "3 July 2023", "2025", or null.</summary>
        public string? When => MeetingText.When(Place, EndDate);
    }

    public sealed record OutcomeExtract(int Id, int Position, string Slug, string Title, IReadOnlyList<string> Areas, IReadOnlyList<DeliverableExtract> Deliverables)
    {
        /// <summary>The section of the text that groups this outcome ("A. Digital Infrastructure…"), or null.</summary>
        public string? Section { get; init; }
    }

    public sealed record OutcomeSection(string? Heading, List<OutcomeExtract> Outcomes);

    public sealed record DeliverableExtract(int Id, string Title, DeliverableStatus Status);

    public sealed record SectionView(string Html, SectionRole Role, OutcomeExtract? Outcome);
}
