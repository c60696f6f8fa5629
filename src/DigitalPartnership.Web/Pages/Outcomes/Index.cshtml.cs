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

/// <summary>The key outcomes of the chosen partnership's Councils (of all, when none is chosen).</summary>
[CachedByStoreVersion]
[ScopedByPartnership]
public sealed class IndexModel(PortalDbContext db, IOptions<PortalOptions> options) : PageModel
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OutcomeRow> Outcomes { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public PartnershipScope Scope { get; private set; } = PartnershipScope.Unresolved;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await PartnershipScope.OfAsync(HttpContext);
        var outcomes = db.Outcomes.AsNoTracking();
        if (Scope.Id is { } partnershipId)
        {
            outcomes = outcomes.Where(o => o.Meeting.PartnershipId == partnershipId);
        }

        Pager = Pager.For(PageNumber, options.Value.PageSize, await outcomes.CountAsync(ct), "/Outcomes/Index");

        var rows = await outcomes
            .OrderByDescending(o => o.Meeting.Place.Ordinal).ThenBy(o => o.MeetingId).ThenBy(o => o.Position)
            .Skip(Pager.Skip).Take(Pager.PageSize)
            .Select(o => new { o.Id, o.Slug, o.Title, o.Summary, o.TitleJapanese, o.SummaryJapanese, o.MeetingId, o.Meeting.Place.Ordinal, o.Meeting.Place.City, Partnership = o.Meeting.Partnership.Name })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var areas = await AreaRefs.ForOutcomesAsync(db, ids, ct);
        var counts = await StatusCounts.ByOutcomeAsync(db, ids, ct);
        Outcomes = rows.Select(r => new OutcomeRow(r.Slug, r.Title, r.Summary, r.MeetingId, new MeetingPlace(r.Ordinal, r.City, null, null, null),
            Scope.NameBeside(r.Partnership), areas[r.Id].ToList(), new StatusTally(counts[r.Id]), r.TitleJapanese, r.SummaryJapanese)).ToList();
    }

    /// <param name="Partnership">The partnership's name when the store holds several, so the Council is named with it; else null.</param>
    public sealed record OutcomeRow(string Slug, string Title, string Summary, int MeetingId, MeetingPlace Meeting, string? Partnership,
        IReadOnlyList<AreaRef> Areas, StatusTally Tally, string? TitleJapanese = null, string? SummaryJapanese = null)
    {
        /// <summary>"EU–Korea · 2nd Council, Seoul", or "2nd Council, Brussels" in a store of one partnership.</summary>
        public string Council => CouncilNames.Short(Partnership, Meeting);
    }
}
