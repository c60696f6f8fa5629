using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages.Areas;

/// <summary>The areas of cooperation, with the chosen partnership's outcomes and deliverables in each (all partnerships' when none is chosen).</summary>
[CachedByStoreVersion]
[ScopedByPartnership]
public sealed class IndexModel(PortalDbContext db, IMemoryCache cache) : PageModel
{
    public IReadOnlyList<AreaRow> Areas { get; private set; } = [];
    public PartnershipScope Scope { get; private set; } = PartnershipScope.Unresolved;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await PartnershipScope.OfAsync(HttpContext);
        var partnershipId = Scope.Id;
        var progress = (await AreaProgressCache.LoadAsync(db, cache, partnershipId, ct)).ToDictionary(p => p.Slug);
        var outcomeLinks = partnershipId is { } id
            ? db.OutcomeAreaLinks.Where(link => db.Outcomes.Any(o => o.Id == link.OwnerId && o.Meeting.PartnershipId == id))
            : db.OutcomeAreaLinks;
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Position)
            .Select(a => new
            {
                a.Slug, a.Name, a.Description,
                Aliases = a.Aliases.OrderBy(x => x.Text).Select(x => x.Text).ToList(),
                Outcomes = outcomeLinks.Count(link => link.AreaId == a.Id),
            })
            .ToListAsync(ct);
        Areas = areas.Select(a => new AreaRow(a.Slug, a.Name, a.Description, a.Aliases, a.Outcomes, progress[a.Slug])).ToList();
    }

    public sealed record AreaRow(string Slug, string Name, string Description, IReadOnlyList<string> Aliases, int Outcomes, AreaProgress Progress);
}
