using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Browsing;

/// <summary>
/// Every partnership side by side: its Councils, outcomes, deliverables by status and the next Council. Grouped
/// queries, one per figure, whatever the number of partnerships.
/// </summary>
public static class PartnershipOverview
{
    public static async Task<IReadOnlyList<PartnershipSummary>> ReadAsync(PortalDbContext db, CancellationToken ct)
    {
        var partnerships = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Slug, p.Name }).ToListAsync(ct);
        var councils = await Councils.Held(db).GroupBy(m => m.PartnershipId)
            .Select(g => new { PartnershipId = g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.PartnershipId, c => c.Count, ct);
        var outcomes = await db.Outcomes.AsNoTracking().GroupBy(o => o.Meeting.PartnershipId)
            .Select(g => new { PartnershipId = g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.PartnershipId, c => c.Count, ct);
        var byStatus = (await db.Deliverables.AsNoTracking().GroupBy(d => new { d.Outcome.Meeting.PartnershipId, d.Status })
                .Select(g => new { g.Key.PartnershipId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(c => c.PartnershipId, c => (c.Status, c.Count));
        // Announced latest first: the first of each partnership is its next Council.
        var next = (await Councils.AnnouncedAsync(db, ct)).GroupBy(c => c.PartnershipId).ToDictionary(g => g.Key, g => g.First());

        return partnerships.Select(p => new PartnershipSummary(p.Id, p.Slug, p.Name, councils.GetValueOrDefault(p.Id),
                outcomes.GetValueOrDefault(p.Id), new StatusTally(byStatus[p.Id]), next.GetValueOrDefault(p.Id)))
            .ToList();
    }
}

/// <summary>One partnership's figures as the overview compares them.</summary>
public sealed record PartnershipSummary(int Id, string Slug, string Name, int Councils, int Outcomes, StatusTally Tally, AnnouncedCouncil? NextCouncil)
{
    /// <summary>"EU–Korea".</summary>
    public string ShortName => CouncilNames.ShortPartnership(Name);
}
