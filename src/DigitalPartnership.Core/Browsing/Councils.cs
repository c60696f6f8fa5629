using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Generation;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Browsing;

/// <summary>
/// The Councils as the pages name them: those held (imported from their texts), those announced and not held yet,
/// and the meetings a filter can choose. One home, so the dashboard, the timeline and the filters agree.
/// </summary>
public static class Councils
{
    /// <summary>Meetings imported from Council texts, without the dataset generator's benchmark meetings.</summary>
    public static IQueryable<Meeting> Held(PortalDbContext db) => DatasetGenerator.WithoutGenerated(db.Meetings.AsNoTracking());

    /// <summary>The next Council as the latest text announced it, unless that Council has been imported already.</summary>
    public static Task<AnnouncedCouncil?> NextAsync(PortalDbContext db, CancellationToken ct) => Announced(db).FirstOrDefaultAsync(ct);

    /// <summary>Every Council announced and not imported yet, the latest announced first.</summary>
    public static async Task<IReadOnlyList<AnnouncedCouncil>> AnnouncedAsync(PortalDbContext db, CancellationToken ct) =>
        await Announced(db).ToListAsync(ct);

    /// <summary>Every meeting as a filter lists it: its id and "2nd Council, Brussels", the latest first.</summary>
    public static async Task<IReadOnlyList<MeetingChoice>> ChoicesAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.Meetings.AsNoTracking().OrderByDescending(m => m.Place.Ordinal).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Place.Ordinal, m.Place.City, m.Place.Country }).ToListAsync(ct))
        .Select(m => new MeetingChoice(m.Id, MeetingPlace.ShortNameOf(m.Ordinal, m.City, m.Country)))
        .ToList();

    // A milestone without an ordinal cannot be matched to a meeting, so it stays announced.
    private static IQueryable<AnnouncedCouncil> Announced(PortalDbContext db) =>
        db.Milestones.AsNoTracking()
            .Where(m => m.Kind == MilestoneKind.NextCouncil)
            .Where(m => m.Place.Ordinal == null || !db.Meetings.Any(held => held.PartnershipId == m.PartnershipId && held.Place.Ordinal == m.Place.Ordinal))
            .OrderByDescending(m => m.Place.Ordinal).ThenByDescending(m => m.Id)
            .Select(m => new AnnouncedCouncil(m.Place, m.Partnership.Name, m.AnnouncedAtId));
}

/// <summary>A Council a text announced and the store has not imported yet.</summary>
/// <param name="AnnouncedAtId">The meeting whose text announced it.</param>
public sealed record AnnouncedCouncil(MeetingPlace Place, string Partnership, int? AnnouncedAtId)
{
    /// <summary>"In 3 months", "was expected in 2025; no record of it has been imported yet".</summary>
    public string Countdown(DateOnly today) => CouncilCountdown.Describe(Place, today);

    public bool IsOverdue(DateOnly today) => CouncilCountdown.IsOverdue(Place, today);
}

/// <summary>A meeting as a filter's list offers it.</summary>
public sealed record MeetingChoice(int Id, string Label);
