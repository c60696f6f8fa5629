using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Browsing;

/// <summary>
/// One step of a commitment's thread across Councils: the deliverable made or reported at one Council, its status now,
/// and — for every step but the last — its status on the day the next Council of the thread met.
/// </summary>
public sealed record ThreadStep(int Id, string Title, int MeetingId, MeetingPlace Council, DeliverableStatus Status, bool IsCurrent)
{
    /// <summary>The links by which this step continues earlier ones: the earlier deliverable's id and why they were linked.</summary>
    public IReadOnlyList<(int EarlierId, string Basis)> Continues { get; init; } = [];

    /// <summary>The next step's Council and this deliverable's status on its day; null for the last step or a Council without a date.</summary>
    public (MeetingPlace Council, DeliverableStatus Status)? AtNextCouncil { get; init; }
}

/// <summary>Follows a deliverable's follow-through links both ways, to the Council that made the commitment and the last that reported on it.</summary>
public static class DeliverableThreads
{
    /// <summary>A thread longer than this is cut (its links are still on each deliverable's page).</summary>
    public const int MaxSteps = 50;

    /// <summary>Every deliverable linked to <paramref name="deliverableId"/>, directly or through others, in Council order; empty without links.</summary>
    public static async Task<IReadOnlyList<ThreadStep>> ForAsync(PortalDbContext db, int deliverableId, CancellationToken ct)
    {
        var ids = new HashSet<int> { deliverableId };
        var links = new List<(int Later, int Earlier, string Basis)>();
        var frontier = new List<int> { deliverableId };
        while (frontier.Count > 0 && ids.Count < MaxSteps)
        {
            var found = await db.Continuations.AsNoTracking()
                .Where(c => frontier.Contains(c.DeliverableId) || frontier.Contains(c.EarlierId))
                .Select(c => new { c.DeliverableId, c.EarlierId, c.Basis })
                .ToListAsync(ct);
            links.AddRange(found.Select(f => (f.DeliverableId, f.EarlierId, f.Basis)));
            frontier = found.SelectMany(f => new[] { f.DeliverableId, f.EarlierId }).Where(id => ids.Count < MaxSteps && ids.Add(id)).ToList();
        }

        if (ids.Count == 1)
        {
            return [];
        }

        var rows = await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new Row(d.Id, d.Title, d.Status, d.Outcome.MeetingId, d.Outcome.Meeting.Place.Ordinal, d.Outcome.Meeting.Place.City,
                d.Outcome.Meeting.Place.Country, d.Outcome.Meeting.Place.Date, d.Outcome.Meeting.Place.Year))
            .ToListAsync(ct);
        rows.Sort((a, b) => Compare(a.Order, b.Order) is var byCouncil and not 0 ? byCouncil : a.Id.CompareTo(b.Id));
        var ordered = rows.Select(r => new ThreadStep(r.Id, r.Title, r.MeetingId, new MeetingPlace(r.Ordinal, r.City, r.Country, r.Date, r.Year),
                r.Status, r.Id == deliverableId)
            {
                Continues = links.Where(l => l.Later == r.Id).DistinctBy(l => l.Earlier).Select(l => (l.Earlier, l.Basis)).ToList(),
            })
            .ToList();
        return await WithStatusAtNextCouncilAsync(db, ordered, ct);
    }

    private sealed record Row(int Id, string Title, DeliverableStatus Status, int MeetingId, int? Ordinal, string? City, string? Country,
        DateOnly? Date, int? Year)
    {
        public CouncilOrder Order => new(MeetingId, Ordinal, Date, Year);
    }

    private static int Compare(CouncilOrder a, CouncilOrder b) =>
        a.Id == b.Id ? 0 : FollowThroughRules.IsEarlier(a, b) ? -1 : FollowThroughRules.IsEarlier(b, a) ? 1 : a.Id.CompareTo(b.Id);

    /// <summary>
    /// For each step, its status at the end of the day the next Council of the thread (a later one than its own) met:
    /// one read of the steps' status rows up to the last of those days.
    /// </summary>
    private static async Task<IReadOnlyList<ThreadStep>> WithStatusAtNextCouncilAsync(PortalDbContext db, List<ThreadStep> steps, CancellationToken ct)
    {
        var ends = steps.Select((step, i) => steps.Skip(i + 1).FirstOrDefault(s => s.MeetingId != step.MeetingId) is { Council.Date: { } day } next
                ? (Next: next, End: (DateTime?)day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
                : (Next: null, End: null))
            .ToList();
        if (ends.Max(e => e.End) is not { } last)
        {
            return steps;
        }

        var ids = steps.Select(s => s.Id).ToList();
        var history = (await db.StatusChanges.AsNoTracking().Where(h => ids.Contains(h.DeliverableId) && h.ChangedAtUtc < last)
                .Select(h => new { h.DeliverableId, h.ChangedAtUtc, h.Id, h.ToStatus })
                .ToListAsync(ct))
            .ToLookup(h => h.DeliverableId);
        return steps.Select((step, i) => ends[i] is { Next: { } next, End: { } end }
                && history[step.Id].Where(h => h.ChangedAtUtc < end).MaxBy(h => (h.ChangedAtUtc, h.Id)) is { } at
                ? step with { AtNextCouncil = (next.Council, at.ToStatus) }
                : step)
            .ToList();
    }
}
