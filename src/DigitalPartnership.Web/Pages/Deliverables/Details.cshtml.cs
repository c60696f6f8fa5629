using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Browsing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DigitalPartnership.Web.Hosting.Http;
using DigitalPartnership.Web.Pages.Shared;

namespace DigitalPartnership.Web.Pages.Deliverables;

[CachedByStoreVersion]
public sealed class DetailsModel(PortalDbContext db) : PageModel
{
    public DeliverableView Deliverable { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var deliverable = await db.Deliverables.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new DeliverableView(d.Id, d.Title, d.Status, d.Progress, d.EuLead, d.PartnerLead, d.TargetDate, d.Notes,
                d.SourceSentence, d.UpdatedAtUtc,
                d.Outcome.Title, d.Outcome.Slug, d.Outcome.Position, d.Outcome.MeetingId, d.Outcome.Meeting.Place.Ordinal,
                d.Outcome.Meeting.Place.City, d.Outcome.Meeting.Place.Country, d.Outcome.Meeting.Place.Date, d.Outcome.Meeting.Place.Year,
                d.Outcome.Meeting.Partnership.Partner,
                Array.Empty<AreaRef>(),
                d.EvidenceLinks.OrderBy(e => e.Id).Select(e => new Evidence(e.Url, e.Title)).ToList(),
                null!, d.TitleJapanese, d.SummaryJapanese))
            .FirstOrDefaultAsync(ct);
        if (deliverable is null)
        {
            return NotFound();
        }

        var scope = await PartnershipScope.OfAsync(HttpContext);
        var partnership = await db.Meetings.Where(m => m.Id == deliverable.MeetingId).Select(m => m.Partnership.Name).FirstAsync(ct);
        PartnershipBeside = scope.NameBeside(partnership);
        Council = Display.CouncilWithPlace(PartnershipBeside, deliverable.Meeting);
        Thread = await DeliverableThreads.ForAsync(db, id, ct);
        Deliverable = deliverable with
        {
            Areas = (await AreaRefs.ForDeliverablesAsync(db, [id], ct))[id].ToList(),
            Journal = await JournalView.ForDeliverableAsync(db, id, deliverable.Partner, ct),
        };
        return Page();
    }

    /// <summary>The Council it was made at, named with its partnership when the store holds several.</summary>
    public string Council { get; private set; } = "";

    /// <summary>The partnership's name where Councils are named with it (a store of several), else null.</summary>
    public string? PartnershipBeside { get; private set; }

    /// <summary>The commitment across Councils, from the one that made it to the last that reported on it; empty without links.</summary>
    public IReadOnlyList<ThreadStep> Thread { get; private set; } = [];

    public sealed record DeliverableView(int Id, string Title, DeliverableStatus Status, int? Progress, string? EuLead, string? PartnerLead,
        DateOnly? TargetDate, string? Notes, string? SourceSentence, DateTime UpdatedAtUtc,
        string Outcome, string OutcomeSlug, int OutcomePosition, int MeetingId, int? Ordinal, string? City, string? Country,
        DateOnly? Date, int? Year, string Partner, IReadOnlyList<AreaRef> Areas, IReadOnlyList<Evidence> Evidence,
        JournalView Journal, string? TitleJapanese = null, string? SummaryJapanese = null)
    {
        public MeetingPlace Meeting => new(Ordinal, City, Country, Date, Year);
    }

    public sealed record Evidence(string Url, string? Title)
    {
        /// <summary>Only http(s) links are ever made clickable, whatever reached the store.</summary>
        public bool IsWebAddress => EvidenceLink.IsWebAddress(Url);
    }
}
