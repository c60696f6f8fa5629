using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Browsing;

/// <summary>Counting deliverables by status — overall, per area, per outcome — in grouped queries, never in memory.</summary>
public static class StatusCounts
{
    public static async Task<StatusTally> OfAsync(IQueryable<Deliverable> deliverables, CancellationToken ct) =>
        new((await deliverables.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(c => (c.Key, c.Count)));

    /// <summary>Per area id; an area without deliverables is absent.</summary>
    public static Task<IReadOnlyDictionary<int, StatusTally>> ByAreaAsync(PortalDbContext db, CancellationToken ct) => ByAreaAsync(db, null, ct);

    /// <summary>Per area id, of one partnership's deliverables (all, when null); an area without deliverables is absent.</summary>
    public static async Task<IReadOnlyDictionary<int, StatusTally>> ByAreaAsync(PortalDbContext db, int? partnershipId, CancellationToken ct) =>
        (await (from d in db.Deliverables.InPartnership(partnershipId)
                join link in db.DeliverableAreaLinks on d.Id equals link.OwnerId
                group d by new { link.AreaId, d.Status } into g
                select new { g.Key.AreaId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct))
        .GroupBy(c => c.AreaId)
        .ToDictionary(g => g.Key, g => new StatusTally(g.Select(c => (c.Status, c.Count))));

    /// <summary>
    /// Changes whenever a deliverable is added (the highest id), removed (the count) or changed (every change moves
    /// UpdatedAtUtc): indexed reads that let a costly count be reused until the data it counted changes.
    /// </summary>
    public static async Task<(int Count, int? LastId, DateTime? LastUpdate)> FingerprintAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.Deliverables.CountAsync(ct),
         await db.Deliverables.MaxAsync(d => (int?)d.Id, ct),
         await db.Deliverables.MaxAsync(d => (DateTime?)d.UpdatedAtUtc, ct));

    /// <summary>Per outcome id, for the outcomes on one page.</summary>
    public static async Task<ILookup<int, (DeliverableStatus, int)>> ByOutcomeAsync(PortalDbContext db, IReadOnlyCollection<int> outcomeIds,
        CancellationToken ct) =>
        (await db.Deliverables.AsNoTracking().Where(d => outcomeIds.Contains(d.OutcomeId))
            .GroupBy(d => new { d.OutcomeId, d.Status }).Select(g => new { g.Key.OutcomeId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct))
        .ToLookup(c => c.OutcomeId, c => (c.Status, c.Count));
}
