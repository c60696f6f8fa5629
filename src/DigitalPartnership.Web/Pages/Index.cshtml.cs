using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages;

/// <summary>
/// The dashboard of the chosen partnership (of all of them when none is chosen): where every commitment stands, by status
/// and by area, the next Council and what moved lately.
/// </summary>
[CachedByStoreVersion]
[ScopedByPartnership]
public sealed class IndexModel(PortalDbContext db, TimeProvider time, IMemoryCache cache) : PageModel
{
    public StatusTally Overall { get; private set; } = new([]);
    public IReadOnlyList<AreaProgress> Areas { get; private set; } = [];
    public AnnouncedCouncil? NextCouncil { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<RecentChange> RecentChanges { get; private set; } = [];
    public LatestMeeting? Latest { get; private set; }
    public int OutcomeCount { get; private set; }
    public PartnershipScope Scope { get; private set; } = PartnershipScope.Unresolved;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await PartnershipScope.OfAsync(HttpContext);
        var partnershipId = Scope.Id;
        Overall = await StatusCounts.OfAsync(db.Deliverables.InPartnership(partnershipId), ct);
        OutcomeCount = await (partnershipId is { } id ? db.Outcomes.Where(o => o.Meeting.PartnershipId == id) : db.Outcomes).CountAsync(ct);
        Areas = await AreaProgressCache.LoadAsync(db, cache, partnershipId, ct);

        Today = time.UtcToday();
        NextCouncil = await Councils.NextAsync(db, partnershipId, ct);

        var history = db.StatusChanges.AsNoTracking();
        if (partnershipId is { } scoped)
        {
            history = history.Where(h => h.Deliverable.Outcome.Meeting.PartnershipId == scoped);
        }

        RecentChanges = await history
            .OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id)
            .Take(8)
            .Select(h => new RecentChange(h.DeliverableId, h.Deliverable.Title, h.FromStatus, h.ToStatus, h.FromProgress, h.Progress, h.ChangedBy, h.ChangedAtUtc,
                h.Deliverable.TitleJapanese))
            .ToListAsync(ct);

        Latest = await Councils.Held(db, partnershipId)
            .OrderByDescending(m => m.Place.Ordinal).ThenByDescending(m => m.Id)
            .Select(m => new LatestMeeting(m.Id, m.Title, m.Place.Ordinal, m.Place.City, m.Place.Country, m.Place.Date, m.Place.Year, m.Partnership.Name,
                m.Outcomes.Count, m.Outcomes.SelectMany(o => o.Deliverables).Count()))
            .FirstOrDefaultAsync(ct);
    }

    public sealed record RecentChange(int DeliverableId, string Title, DeliverableStatus? From, DeliverableStatus To, int? FromProgress, int? Progress,
        string By, DateTime AtUtc, string? TitleJapanese = null)
    {
        public HistoryChange Change => new(From, To, FromProgress, Progress);
    }

    public sealed record LatestMeeting(int Id, string Title, int? Ordinal, string? City, string? Country, DateOnly? Date, int? Year,
        string Partnership, int Outcomes, int Deliverables)
    {
        public MeetingPlace Place => new(Ordinal, City, Country, Date, Year);
    }

    /// <summary>What the page is about: the chosen partnership, "All partnerships" of several, or the store's one partnership.</summary>
    public string Heading => Scope.Chosen?.Name ?? (Scope.Several ? ContentHtml.Words("All partnerships") : Latest?.Partnership ?? ContentHtml.Words("Digital Partnerships"));

    /// <summary>The heading's language when it is a partnership's stored name (null when it is the portal's own words).</summary>
    public string? HeadingLang => Scope.Chosen?.Name is { } chosen ? TextLanguage.Lang(chosen)
        : !Scope.Several && Latest?.Partnership is { } only ? TextLanguage.Lang(only) : null;
}
