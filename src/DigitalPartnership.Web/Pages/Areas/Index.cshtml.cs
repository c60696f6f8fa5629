using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages.Areas;

[CachedByStoreVersion]
public sealed class IndexModel(PortalDbContext db, IMemoryCache cache) : PageModel
{
    public IReadOnlyList<AreaRow> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var progress = (await AreaProgressCache.LoadAsync(db, cache, ct)).ToDictionary(p => p.Slug);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Position)
            .Select(a => new
            {
                a.Slug, a.Name, a.Description,
                Aliases = a.Aliases.OrderBy(x => x.Text).Select(x => x.Text).ToList(),
                Outcomes = db.OutcomeAreaLinks.Count(link => link.AreaId == a.Id),
            })
            .ToListAsync(ct);
        Areas = areas.Select(a => new AreaRow(a.Slug, a.Name, a.Description, a.Aliases, a.Outcomes, progress[a.Slug])).ToList();
    }

    public sealed record AreaRow(string Slug, string Name, string Description, IReadOnlyList<string> Aliases, int Outcomes, AreaProgress Progress);
}
