using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages.Areas;

/// <summary>One area of cooperation: the chosen partnership's outcomes and deliverables in it (all partnerships' when none is chosen).</summary>
[CachedByStoreVersion]
[ScopedByPartnership]
public sealed class DetailsModel(PortalDbContext db) : PageModel
{
    private const int ShownDeliverables = 25;

    public AreaView Area { get; private set; } = null!;
    public StatusTally Tally { get; private set; } = new([]);
    public IReadOnlyList<OutcomeLine> Outcomes { get; private set; } = [];
    public IReadOnlyList<DeliverableLine> Deliverables { get; private set; } = [];
    public PartnershipScope Scope { get; private set; } = PartnershipScope.Unresolved;

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
        Scope = await PartnershipScope.OfAsync(HttpContext);
        var inArea = db.Matching(new DeliverableFilter(AreaId: area.Id) { PartnershipId = Scope.Id });
        Tally = await StatusCounts.OfAsync(inArea, ct);
        var outcomes = db.Outcomes.AsNoTracking();
        if (Scope.Id is { } partnershipId)
        {
            outcomes = outcomes.Where(o => o.Meeting.PartnershipId == partnershipId);
        }

        Outcomes = await outcomes
            .Where(o => db.OutcomeAreaLinks.Any(link => link.AreaId == area.Id && link.OwnerId == o.Id))
            .OrderByDescending(o => o.Meeting.Place.Ordinal).ThenBy(o => o.Position)
            .Take(50)
            .Select(o => new OutcomeLine(o.Slug, o.Title, o.Meeting.Place.Ordinal, o.Meeting.Partnership.Name, o.Deliverables.Count, o.TitleJapanese))
            .ToListAsync(ct);
        Outcomes = Outcomes.Select(o => o with { Partnership = Scope.NameBeside(o.Partnership!) }).ToList();
        Deliverables = await inArea.SortBy(DeliverableSort.Source).Take(ShownDeliverables)
            .Select(d => new DeliverableLine(d.Id, d.Title, d.Status, d.Outcome.Title, d.Outcome.Slug, d.TitleJapanese))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record AreaView(int Id, string Slug, string Name, string Description, IReadOnlyList<string> Aliases);

    /// <param name="Partnership">The partnership's name when the store holds several, so the Council is named with it; else null.</param>
    public sealed record OutcomeLine(string Slug, string Title, int? Ordinal, string? Partnership, int Deliverables, string? TitleJapanese = null)
    {
        public string Council => CouncilNames.With(Partnership, new MeetingPlace(Ordinal, null, null, null, null).CouncilName);
    }

    public sealed record DeliverableLine(int Id, string Title, DeliverableStatus Status, string Outcome, string OutcomeSlug, string? TitleJapanese = null);
}
