using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>The dashboard's and areas list's counts by area: the reports' <see cref="AreaProgress"/> for today, reused while the data stands.</summary>
public static class AreaProgressCache
{
    /// <summary>
    /// Counting by area joins every deliverable to its areas (about 200 ms at 100,000 deliverables), so the counts are
    /// kept until the deliverables change: the cache key is the store's fingerprint, never a timer, so no reader sees
    /// a stale figure after an edit.
    /// </summary>
    public static Task<IReadOnlyList<AreaProgress>> LoadAsync(PortalDbContext db, IMemoryCache cache, CancellationToken ct) =>
        LoadAsync(db, cache, null, ct);

    /// <summary>The counts of one partnership's deliverables (all, when <paramref name="partnershipId"/> is null), each partnership kept apart.</summary>
    public static async Task<IReadOnlyList<AreaProgress>> LoadAsync(PortalDbContext db, IMemoryCache cache, int? partnershipId, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Position).Select(a => new { a.Id, a.Slug, a.Name }).ToListAsync(ct);
        var fingerprint = await StatusCounts.FingerprintAsync(db, ct);
        var counts = await cache.GetOrCreateAsync(("status-by-area", partnershipId, fingerprint), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            entry.Size = 1;
            return StatusCounts.ByAreaAsync(db, partnershipId, ct);
        }) ?? new Dictionary<int, StatusTally>();
        return areas.Select(a => new AreaProgress(a.Id, a.Slug, a.Name, counts.GetValueOrDefault(a.Id) ?? new StatusTally([]))).ToList();
    }
}
