using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DigitalPartnership.Web.Hosting.Http;
using DigitalPartnership.Web.Pages.Shared;

namespace DigitalPartnership.Web.Pages.Outcomes;

[CachedByStoreVersion]
public sealed class DetailsModel(PortalDbContext db) : PageModel
{
    public OutcomeView Outcome { get; private set; } = null!;
    public StatusTally Tally { get; private set; } = new([]);
    public string Slug { get; private set; } = "";

    /// <summary>Every correction of the title or summary since the import, newest first.</summary>
    public JournalView Journal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var outcome = await db.Outcomes.AsNoTracking()
            .Where(o => o.Slug == slug)
            .Select(o => new OutcomeView(o.Id, o.Title, o.Summary, o.MeetingId, o.Meeting.Place.Ordinal, o.Meeting.Place.City,
                o.Meeting.Place.Country, o.Meeting.Place.Date, o.Meeting.Place.Year, o.Position,
                Array.Empty<AreaRef>(),
                o.Deliverables.OrderBy(d => d.Position)
                    .Select(d => new DeliverableLine(d.Id, d.Title, d.Status, d.Progress, d.EuLead, d.PartnerLead, d.TargetDate, d.TitleJapanese)).ToList(),
                o.TitleJapanese, o.SummaryJapanese))
            .FirstOrDefaultAsync(ct);
        if (outcome is null)
        {
            return NotFound();
        }

        Slug = slug;
        var scope = await Shared.PartnershipScope.OfAsync(HttpContext);
        var partnership = await db.Meetings.Where(m => m.Id == outcome.MeetingId).Select(m => m.Partnership.Name).FirstAsync(ct);
        Council = Shared.Display.CouncilWithPlace(scope.NameBeside(partnership), outcome.Meeting);
        CouncilHtml = ContentHtml.CouncilWithPlace(scope.NameBeside(partnership), outcome.Meeting);
        Outcome = outcome with { Areas = (await AreaRefs.ForOutcomesAsync(db, [outcome.Id], ct))[outcome.Id].ToList() };
        Journal = await JournalView.ForOutcomeAsync(db, outcome.Id, ct);
        Tally = new StatusTally(outcome.Deliverables.GroupBy(d => d.Status).Select(g => (g.Key, g.Count())));
        return Page();
    }

    /// <summary>The Council it was agreed at, named with its partnership when the store holds several.</summary>
    public string Council { get; private set; } = "";

    /// <summary><see cref="Council"/> as the page writes it: in Japanese, with its place marked as stored (English) text.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent CouncilHtml { get; private set; } = Microsoft.AspNetCore.Html.HtmlString.Empty;

    public sealed record OutcomeView(int Id, string Title, string Summary, int MeetingId, int? Ordinal, string? City,
        string? Country, DateOnly? Date, int? Year, int Position, IReadOnlyList<AreaRef> Areas, IReadOnlyList<DeliverableLine> Deliverables,
        string? TitleJapanese = null, string? SummaryJapanese = null)
    {
        public MeetingPlace Meeting => new(Ordinal, City, Country, Date, Year);
    }

    public sealed record DeliverableLine(int Id, string Title, DeliverableStatus Status, int? Progress, string? EuLead, string? PartnerLead, DateOnly? TargetDate, string? TitleJapanese = null);
}
