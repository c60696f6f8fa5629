using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages.Areas;

[CachedByStoreVersion]
public sealed class DetailsModel(PortalDbContext db) : PageModel
{
    private const int ShownDeliverables = 25;

    public AreaView Area { get; private set; } = null!;
    public StatusTally Tally { get; private set; } = new([]);
    public IReadOnlyList<OutcomeLine> Outcomes { get; private set; } = [];
    public IReadOnlyList<DeliverableLine> Deliverables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new AreaView(a.Id, a.Slug, a.Name, a.Description, a.Aliases.OrderBy(x => x.Text).Select(x => x.Text).ToList()))
            .FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return NotFound();
        }

        Area = area;
        var inArea = db.Matching(new DeliverableFilter(AreaId: area.Id));
        Tally = await StatusCounts.OfAsync(inArea, ct);
        Outcomes = await db.Outcomes.AsNoTracking()
            .Where(o => db.OutcomeAreaLinks.Any(link => link.AreaId == area.Id && link.OwnerId == o.Id))
            .OrderByDescending(o => o.Meeting.Place.Ordinal).ThenBy(o => o.Position)
            .Take(50)
            .Select(o => new OutcomeLine(o.Slug, o.Title, o.Meeting.Place.Ordinal, o.Deliverables.Count))
            .ToListAsync(ct);
        Deliverables = await inArea.SortBy(DeliverableSort.Source).Take(ShownDeliverables)
            .Select(d => new DeliverableLine(d.Id, d.Title, d.Status, d.Outcome.Title, d.Outcome.Slug))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record AreaView(int Id, string Slug, string Name, string Description, IReadOnlyList<string> Aliases);

    public sealed record OutcomeLine(string Slug, string Title, int? Ordinal, int Deliverables)
    {
        public string Council => new MeetingPlace(Ordinal, null, null, null, null).CouncilName;
    }

    public sealed record DeliverableLine(int Id, string Title, DeliverableStatus Status, string Outcome, string OutcomeSlug);
}
