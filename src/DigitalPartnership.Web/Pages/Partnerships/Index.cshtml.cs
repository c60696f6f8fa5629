using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Web.Hosting.Http;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalPartnership.Web.Pages.Partnerships;

/// <summary>Every partnership side by side: its Councils, its deliverables by status, how much is done and the next Council.</summary>
[CachedByStoreVersion]
public sealed class IndexModel(PortalDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<PartnershipSummary> Partnerships { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public PartnershipScope Scope { get; private set; } = PartnershipScope.Unresolved;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await PartnershipScope.OfAsync(HttpContext);
        Today = time.UtcToday();
        Partnerships = await PartnershipOverview.ReadAsync(db, ct);
    }
}
