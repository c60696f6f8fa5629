using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages.Meetings;

/// <summary>The Council meetings of the chosen partnership (of all, when none is chosen), each named with its partnership when several could be meant.</summary>
[CachedByStoreVersion]
[ScopedByPartnership]
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];
    public PartnershipScope Scope { get; private set; } = PartnershipScope.Unresolved;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await PartnershipScope.OfAsync(HttpContext);
        var meetings = db.Meetings.AsNoTracking();
        if (Scope.Id is { } partnershipId)
        {
            meetings = meetings.Where(m => m.PartnershipId == partnershipId);
        }

        Meetings = await meetings
            .OrderByDescending(m => m.Place.Ordinal).ThenByDescending(m => m.Id)
            .Select(m => new MeetingRow(m.Id, m.Partnership.Name, m.Place.Ordinal, m.Place.City, m.Place.Country, m.Place.Date, m.Place.Year,
                m.SourceFileName, m.Outcomes.Count, m.Outcomes.SelectMany(o => o.Deliverables).Count()) { EndDate = m.EndDate })
            .ToListAsync(ct);
    }

    /// <summary>"EU–Korea · 2nd Council" in a store of several partnerships, "2nd Council" in a store of one.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent CouncilOf(MeetingRow row) => MeetingText.Council(Scope, row.Partnership, row.Ordinal);

    public sealed record MeetingRow(int Id, string Partnership, int? Ordinal, string? City, string? Country, DateOnly? Date,
        int? Year, string SourceFile, int Outcomes, int Deliverables)
    {
        public MeetingPlace Place => new(Ordinal, City, Country, Date, Year);

        public DateOnly? EndDate { get; init; }

        /// <summary>"4–5 June 2025", "3 July 2023", "2025", or null.</summary>
        public string? When => MeetingText.When(Place, EndDate);
    }
}
