using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Core.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DigitalPartnership.Web.Hosting.Http;

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
    public string? ParseProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MeetingView(m.Id, m.Title, m.Partnership.Name, m.Place.Ordinal, m.Place.City, m.Place.Country, m.Place.Date, m.Place.Year, m.SourceFileName,
                m.SourceText, m.ImportedAtUtc, Array.Empty<OutcomeExtract>()))
            .FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return NotFound();
        }

        // Outcomes, their deliverables and areas in flat indexed queries: nested collection projections make SQLite scan
        // every deliverable of every meeting.
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.MeetingId == id).OrderBy(o => o.Position)
            .Select(o => new { o.Id, o.Position, o.Slug, o.Title }).ToListAsync(ct);
        var deliverables = (await db.Deliverables.AsNoTracking().Where(d => d.Outcome.MeetingId == id)
                .OrderBy(d => d.Position).Select(d => new { d.OutcomeId, d.Id, d.Title, d.Status }).ToListAsync(ct))
            .ToLookup(d => d.OutcomeId, d => new DeliverableExtract(d.Id, d.Title, d.Status));
        var areas = await AreaRefs.ForOutcomesAsync(db, outcomes.Select(o => o.Id).ToList(), ct);
        Meeting = meeting with
        {
            Outcomes = outcomes.Select(o => new OutcomeExtract(o.Id, o.Position, o.Slug, o.Title, areas[o.Id].Select(a => a.Name).ToList(),
                deliverables[o.Id].ToList())).ToList(),
        };
        NextMeeting = await db.Milestones.AsNoTracking().Where(m => m.AnnouncedAtId == id && m.Kind == MilestoneKind.NextCouncil)
            .Select(m => m.Place).FirstOrDefaultAsync(ct);
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

    public sealed record MeetingView(int Id, string Title, string Partnership, int? Ordinal, string? City, string? Country, DateOnly? Date,
        int? Year, string SourceFile, string SourceText, DateTime ImportedAtUtc, IReadOnlyList<OutcomeExtract> Outcomes)
    {
        public MeetingPlace Place => new(Ordinal, City, Country, Date, Year);
    }

    public sealed record OutcomeExtract(int Id, int Position, string Slug, string Title, IReadOnlyList<string> Areas, IReadOnlyList<DeliverableExtract> Deliverables);

    public sealed record DeliverableExtract(int Id, string Title, DeliverableStatus Status);

    public sealed record SectionView(string Html, SectionRole Role, OutcomeExtract? Outcome);
}
