using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Generation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Pages.Milestones;

/// <summary>The timeline: Councils held, the next Council announced, and the deliverables' target dates around today.</summary>
public sealed class IndexModel(PortalDbContext db, TimeProvider time) : PageModel
{
    private const int TargetsShown = 30;

    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public int OverdueCount { get; private set; }
    public int LaterTargetCount { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var entries = new List<TimelineEntry>();

        var meetings = await db.Meetings.AsNoTracking().Where(m => !m.SourceHash.StartsWith(DatasetGenerator.SourcePrefix))
            .Select(m => new { m.Id, m.Ordinal, m.City, m.Country, m.Date, m.Year, m.Title }).ToListAsync(ct);
        entries.AddRange(meetings.Select(m =>
        {
            var place = new MeetingPlace(m.Ordinal, m.City, m.Country, m.Date, m.Year);
            return new TimelineEntry(SortKey(place), place.When ?? "Date not stated", $"{place.CouncilName} held{(place.Location is { } l ? $" in {l}" : "")}",
                m.Title, $"/meetings/{m.Id}", TimelineKind.Council, null);
        }));

        var councils = await db.Milestones.AsNoTracking()
            .Where(m => m.Kind == MilestoneKind.NextCouncil)
            .Where(m => m.Ordinal == null || !db.Meetings.Any(held => held.PartnershipId == m.PartnershipId && held.Ordinal == m.Ordinal))
            .Select(m => new { m.Ordinal, m.City, m.Country, m.Date, m.Year, m.AnnouncedAtId }).ToListAsync(ct);
        entries.AddRange(councils.Select(m =>
        {
            var place = new MeetingPlace(m.Ordinal, m.City, m.Country, m.Date, m.Year);
            return new TimelineEntry(SortKey(place), place.When ?? "Date not announced", $"Next Council: {place.Describe()}",
                $"{place.CouncilName} · {CouncilCountdown.Describe(place, Today)}", m.AnnouncedAtId is { } id ? $"/meetings/{id}" : null,
                CouncilCountdown.IsOverdue(place, Today) ? TimelineKind.Overdue : TimelineKind.Upcoming, null);
        }));

        var open = db.Deliverables.AsNoTracking()
            .Where(d => d.TargetDate != null && d.Status != DeliverableStatus.Completed && d.Status != DeliverableStatus.Discontinued);
        OverdueCount = await open.CountAsync(d => d.TargetDate < Today, ct);
        var upcoming = await open.Where(d => d.TargetDate >= Today).OrderBy(d => d.TargetDate).ThenBy(d => d.Id).Take(TargetsShown)
            .Select(d => new { d.Id, d.Title, d.TargetDate, d.Status }).ToListAsync(ct);
        LaterTargetCount = Math.Max(0, await open.CountAsync(d => d.TargetDate >= Today, ct) - upcoming.Count);
        entries.AddRange(upcoming.Select(d => new TimelineEntry(d.TargetDate!.Value, Shared.Display.Date(d.TargetDate), d.Title, "Deliverable target date",
            $"/deliverables/{d.Id}", TimelineKind.Upcoming, d.Status)));

        Entries = entries.OrderBy(e => e.SortKey).ToList();
    }

    /// <summary>A Council known only by its year sorts at the end of that year: it is due by then.</summary>
    private static DateOnly SortKey(MeetingPlace place) =>
        place.Date ?? (place.Year is { } year ? new DateOnly(year, 12, 31) : DateOnly.MaxValue);

    public enum TimelineKind { Council, Upcoming, Overdue }

    public sealed record TimelineEntry(DateOnly SortKey, string When, string Title, string Detail, string? Link, TimelineKind Kind, DeliverableStatus? Status);
}
