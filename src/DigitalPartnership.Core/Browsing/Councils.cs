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

    /// <summary>The Councils held of one partnership, or of all when <paramref name="partnershipId"/> is null.</summary>
    public static IQueryable<Meeting> Held(PortalDbContext db, int? partnershipId) =>
        partnershipId is { } id ? Held(db).Where(m => m.PartnershipId == id) : Held(db);

    /// <summary>The next Council as the latest text announced it, unless that Council has been imported already.</summary>
    public static Task<AnnouncedCouncil?> NextAsync(PortalDbContext db, CancellationToken ct) => NextAsync(db, null, ct);

    /// <summary>The next Council of one partnership (of any, when <paramref name="partnershipId"/> is null).</summary>
    public static Task<AnnouncedCouncil?> NextAsync(PortalDbContext db, int? partnershipId, CancellationToken ct) =>
        Announced(db, partnershipId).FirstOrDefaultAsync(ct);

    /// <summary>Every Council announced and not imported yet, the latest announced first.</summary>
    public static Task<IReadOnlyList<AnnouncedCouncil>> AnnouncedAsync(PortalDbContext db, CancellationToken ct) => AnnouncedAsync(db, null, ct);

    /// <summary>Every Council of one partnership (of all, when null) announced and not imported yet, the latest announced first.</summary>
    public static async Task<IReadOnlyList<AnnouncedCouncil>> AnnouncedAsync(PortalDbContext db, int? partnershipId, CancellationToken ct) =>
        await Announced(db, partnershipId).ToListAsync(ct);

    /// <summary>Every meeting as a filter lists it: its id and "2nd Council, Brussels", the latest first.</summary>
    public static Task<IReadOnlyList<MeetingChoice>> ChoicesAsync(PortalDbContext db, CancellationToken ct) => ChoicesAsync(db, null, ct);

    /// <summary>
    /// The meetings of one partnership (of all, when null) as a filter lists them, the latest first. In a store of
    /// several partnerships each is named with its partnership ("EU–Korea · 2nd Council, Seoul"), even when the list
    /// shows one partnership's: the label is read out of context, in a report's filter line or a shared address.
    /// </summary>
    public static async Task<IReadOnlyList<MeetingChoice>> ChoicesAsync(PortalDbContext db, int? partnershipId, CancellationToken ct)
    {
        var several = await SeveralPartnershipsAsync(db, ct);
        var meetings = db.Meetings.AsNoTracking();
        if (partnershipId is { } id)
        {
            meetings = meetings.Where(m => m.PartnershipId == id);
        }

        return (await meetings.OrderByDescending(m => m.Place.Ordinal).ThenBy(m => m.Id)
                .Select(m => new { m.Id, m.Place.Ordinal, m.Place.City, m.Place.Country, Partnership = m.Partnership.Name }).ToListAsync(ct))
            .Select(m => new MeetingChoice(m.Id, CouncilNames.With(several ? m.Partnership : null, MeetingPlace.ShortNameOf(m.Ordinal, m.City, m.Country)),
                m.Ordinal, m.City ?? m.Country, several ? m.Partnership : null))
            .ToList();
    }

    /// <summary>Whether the store holds more than one partnership, so that "2nd Council" alone could mean two meetings.</summary>
    public static async Task<bool> SeveralPartnershipsAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Partnerships.Take(2).CountAsync(ct) > 1;

    // A milestone without an ordinal cannot be matched to a meeting, so it stays announced.
    private static IQueryable<AnnouncedCouncil> Announced(PortalDbContext db, int? partnershipId)
    {
        var milestones = db.Milestones.AsNoTracking().Where(m => m.Kind == MilestoneKind.NextCouncil);
        if (partnershipId is { } id)
        {
            milestones = milestones.Where(m => m.PartnershipId == id);
        }

        return milestones
            .Where(m => m.Place.Ordinal == null || !db.Meetings.Any(held => held.PartnershipId == m.PartnershipId && held.Place.Ordinal == m.Place.Ordinal))
            .OrderByDescending(m => m.Place.Ordinal).ThenByDescending(m => m.Id)
            .Select(m => new AnnouncedCouncil(m.Place, m.Partnership.Name, m.AnnouncedAtId) { PartnershipId = m.PartnershipId });
    }
}

/// <summary>A Council a text announced and the store has not imported yet.</summary>
/// <param name="AnnouncedAtId">The meeting whose text announced it.</param>
public sealed record AnnouncedCouncil(MeetingPlace Place, string Partnership, int? AnnouncedAtId)
{
    public int PartnershipId { get; init; }

    /// <summary>"In 3 months", "was expected in 2025; no record of it has been imported yet".</summary>
    public string Countdown(DateOnly today) => CouncilCountdown.Describe(Place, today);

    public bool IsOverdue(DateOnly today) => CouncilCountdown.IsOverdue(Place, today);
}

/// <summary>A meeting as a filter's list offers it.</summary>
/// <summary>
/// A Council as a filter offers it: <see cref="Label"/> in English ("EU–Korea · 2nd Council, Seoul"), and its parts, for
/// pages that name it in another language.
/// </summary>
public sealed record MeetingChoice(int Id, string Label, int? Ordinal = null, string? Place = null, string? Partnership = null);
