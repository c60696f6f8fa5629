using DigitalPartnership.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Browsing;

/// <summary>An area as a list shows it: a link target and a name.</summary>
public sealed record AreaRef(string Slug, string Name);

/// <summary>
/// Areas as lists show them: the whole taxonomy for a filter or a form, or the areas of the rows on one page of a
/// list, fetched in one indexed query by id. Projecting areas inside a paged query makes SQLite join the whole link
/// table (160 ms at 100,000 deliverables); this takes under a millisecond.
/// </summary>
public static class AreaRefs
{
    /// <summary>Every area in the taxonomy's order, as the filters and the deliverable form offer them.</summary>
    public static async Task<IReadOnlyList<AreaRef>> AllAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Areas.AsNoTracking().OrderBy(a => a.Position).Select(a => new AreaRef(a.Slug, a.Name)).ToListAsync(ct);

    public static Task<ILookup<int, AreaRef>> ForDeliverablesAsync(PortalDbContext db, IReadOnlyCollection<int> deliverableIds, CancellationToken ct) =>
        ForOwnersAsync(db, db.DeliverableAreaLinks, deliverableIds, ct);

    /// <summary>
    /// The areas of every deliverable with an id after <paramref name="afterId"/> up to <paramref name="lastId"/>: one
    /// range on the link table's primary key, for an export's keyset page. A list of 500 ids costs SQLite far more
    /// (the statement is prepared again for each page); a range reads the same links in a few milliseconds.
    /// </summary>
    public static Task<ILookup<int, AreaRef>> ForDeliverablesBetweenAsync(PortalDbContext db, int afterId, int lastId, CancellationToken ct) =>
        ToLookupAsync(db, db.DeliverableAreaLinks.Where(l => l.OwnerId > afterId && l.OwnerId <= lastId), ct);

    public static Task<ILookup<int, AreaRef>> ForOutcomesAsync(PortalDbContext db, IReadOnlyCollection<int> outcomeIds, CancellationToken ct) =>
        ForOwnersAsync(db, db.OutcomeAreaLinks, outcomeIds, ct);

    private static Task<ILookup<int, AreaRef>> ForOwnersAsync(PortalDbContext db, IQueryable<AreaLink> links,
        IReadOnlyCollection<int> ownerIds, CancellationToken ct) =>
        ToLookupAsync(db, links.Where(l => ownerIds.Contains(l.OwnerId)), ct);

    private static async Task<ILookup<int, AreaRef>> ToLookupAsync(PortalDbContext db, IQueryable<AreaLink> links, CancellationToken ct) =>
        (await (from link in links
                join a in db.Areas on link.AreaId equals a.Id
                select new { link.OwnerId, a.Slug, a.Name, a.Position })
            .ToListAsync(ct))
        .OrderBy(x => x.Position)
        .ToLookup(x => x.OwnerId, x => new AreaRef(x.Slug, x.Name));
}
