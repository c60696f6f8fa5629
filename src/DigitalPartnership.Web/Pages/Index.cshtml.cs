using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Generation;
using DigitalPartnership.Core.Reporting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DigitalPartnership.Web.Pages;

/// <summary>The dashboard: where every commitment stands, by status and by area, the next Council and what moved lately.</summary>
public sealed class IndexModel(PortalDbContext db, TimeProvider time, IMemoryCache cache) : PageModel
{
    public StatusTally Overall { get; private set; } = new([]);
    public IReadOnlyList<AreaProgress> Areas { get; private set; } = [];
    public NextCouncilView? NextCouncil { get; private set; }
    public IReadOnlyList<RecentChange> RecentChanges { get; private set; } = [];
    public LatestMeeting? Latest { get; private set; }
    public int OutcomeCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overall = await StatusCounts.OfAsync(db.Deliverables, ct);
        OutcomeCount = await db.Outcomes.CountAsync(ct);
        Areas = await AreaProgressCache.LoadAsync(db, cache, ct);

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        NextCouncil = await NextCouncilView.LoadAsync(db, today, ct);

        RecentChanges = await db.StatusChanges.AsNoTracking()
            .OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id)
            .Take(8)
            .Select(h => new RecentChange(h.DeliverableId, h.Deliverable.Title, h.FromStatus, h.ToStatus, h.ChangedBy, h.ChangedAtUtc))
            .ToListAsync(ct);

        Latest = await db.Meetings.AsNoTracking()
            .Where(m => !m.SourceHash.StartsWith(DatasetGenerator.SourcePrefix))
            .OrderByDescending(m => m.Ordinal).ThenByDescending(m => m.Id)
            .Select(m => new LatestMeeting(m.Id, m.Title, m.Ordinal, m.City, m.Country, m.Date, m.Year, m.Partnership.Name,
                m.Outcomes.Count, m.Outcomes.SelectMany(o => o.Deliverables).Count()))
            .FirstOrDefaultAsync(ct);
    }

    public sealed record RecentChange(int DeliverableId, string Title, DeliverableStatus? From, DeliverableStatus To, string By, DateTime AtUtc);

    public sealed record LatestMeeting(int Id, string Title, int? Ordinal, string? City, string? Country, DateOnly? Date, int? Year,
        string Partnership, int Outcomes, int Deliverables)
    {
        public MeetingPlace Place => new(Ordinal, City, Country, Date, Year);
    }
}

/// <summary>Deliverables of one area counted by status.</summary>
/// <summary>The dashboard's and areas list's counts by area: the reports' <see cref="AreaProgress"/> for today, reused while the data stands.</summary>
public static class AreaProgressCache
{
    /// <summary>
    /// Counting by area joins every deliverable to its areas (about 200 ms at 100,000 deliverables), so the counts are
    /// kept until the deliverables change: the cache key is the store's fingerprint, never a timer, so no reader sees
    /// a stale figure after an edit.
    /// </summary>
    public static async Task<IReadOnlyList<AreaProgress>> LoadAsync(PortalDbContext db, IMemoryCache cache, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Position).Select(a => new { a.Id, a.Slug, a.Name }).ToListAsync(ct);
        var fingerprint = await StatusCounts.FingerprintAsync(db, ct);
        var counts = await cache.GetOrCreateAsync(("status-by-area", fingerprint), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            entry.Size = 1;
            return StatusCounts.ByAreaAsync(db, ct);
        }) ?? new Dictionary<int, StatusTally>();
        return areas.Select(a => new AreaProgress(a.Id, a.Slug, a.Name, counts.GetValueOrDefault(a.Id) ?? new StatusTally([]))).ToList();
    }
}

/// <summary>The next Council as the latest text announced it, unless that Council has been imported already.</summary>
public sealed record NextCouncilView(MeetingPlace Place, string Partnership, string Countdown, bool Overdue)
{
    public static async Task<NextCouncilView?> LoadAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.Kind == MilestoneKind.NextCouncil)
            .Where(m => m.Ordinal == null || !db.Meetings.Any(held => held.PartnershipId == m.PartnershipId && held.Ordinal == m.Ordinal))
            .OrderByDescending(m => m.Ordinal).ThenByDescending(m => m.Id)
            .Select(m => new { m.Ordinal, m.City, m.Country, m.Date, m.Year, Partnership = m.Partnership.Name })
            .FirstOrDefaultAsync(ct);
        if (milestones is null)
        {
            return null;
        }

        var place = new MeetingPlace(milestones.Ordinal, milestones.City, milestones.Country, milestones.Date, milestones.Year);
        return new NextCouncilView(place, milestones.Partnership, CouncilCountdown.Describe(place, today), CouncilCountdown.IsOverdue(place, today));
    }
}
