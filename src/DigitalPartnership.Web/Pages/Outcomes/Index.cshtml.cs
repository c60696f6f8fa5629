using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages.Outcomes;

[CachedByStoreVersion]
public sealed class IndexModel(PortalDbContext db, IOptions<PortalOptions> options) : PageModel
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OutcomeRow> Outcomes { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pager = Pager.For(PageNumber, options.Value.PageSize, await db.Outcomes.CountAsync(ct), "/Outcomes/Index");

        var rows = await db.Outcomes.AsNoTracking()
            .OrderByDescending(o => o.Meeting.Place.Ordinal).ThenBy(o => o.MeetingId).ThenBy(o => o.Position)
            .Skip(Pager.Skip).Take(Pager.PageSize)
            .Select(o => new { o.Id, o.Slug, o.Title, o.Summary, o.MeetingId, o.Meeting.Place.Ordinal, o.Meeting.Place.City })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var areas = await AreaRefs.ForOutcomesAsync(db, ids, ct);
        var counts = await StatusCounts.ByOutcomeAsync(db, ids, ct);
        Outcomes = rows.Select(r => new OutcomeRow(r.Slug, r.Title, r.Summary, r.MeetingId, new MeetingPlace(r.Ordinal, r.City, null, null, null),
            areas[r.Id].ToList(), new StatusTally(counts[r.Id]))).ToList();
    }

    public sealed record OutcomeRow(string Slug, string Title, string Summary, int MeetingId, MeetingPlace Meeting, IReadOnlyList<AreaRef> Areas, StatusTally Tally);
}
