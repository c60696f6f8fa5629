using System.Globalization;
using System.Text;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Api;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Feeds;

/// <summary>
/// The milestones as an iCalendar (RFC 5545) to subscribe to: the next Councils announced, and the open deliverables'
/// target dates, each an all-day event that links to its page. Every event's DTSTAMP is when its data last changed (not
/// the time of asking), so the calendar's ETag moves only when a milestone does.
/// </summary>
public sealed class MilestoneCalendar(PortalDbContext db, LinkGenerator links, TimeProvider time)
{
    /// <summary>Target dates from this many days back: a calendar keeps a recent past, not every date ever set.</summary>
    private const int PastDays = 90;

    /// <summary>Target dates in one calendar, the soonest first: enough for any partnership, bounded for a generated store.</summary>
    private const int TargetLimit = 1000;

    private const string UidDomain = "digital-partnership-portal";

    public async Task<FeedResult> WriteAsync(HttpContext http, CancellationToken ct)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Digital Partnership Portal//Milestones//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "Digital Partnership Portal: milestones");

        var councils = await Councils.AnnouncedAsync(db, ct);
        var announcedBy = councils.Select(c => c.AnnouncedAtId).OfType<int>().ToList();
        var imported = await db.Meetings.AsNoTracking().Where(m => announcedBy.Contains(m.Id))
            .Select(m => new { m.Id, m.ImportedAtUtc }).ToDictionaryAsync(m => m.Id, m => m.ImportedAtUtc, ct);
        foreach (var council in councils)
        {
            if (CouncilDay(council.Place) is not { } day)
            {
                continue; // a Council announced with no year at all has no place in a calendar
            }

            var known = council.Place.Date is not null;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"council-{council.AnnouncedAtId}-{council.Place.Ordinal}@{UidDomain}",
                DtStamp = Stamp(council.AnnouncedAtId is { } id && imported.TryGetValue(id, out var at) ? at : DateTime.UnixEpoch),
                Start = new CalDateTime(day),
                Summary = $"{council.Partnership}: {council.Place.CouncilName}{(council.Place.Location is { } where ? $", {where}" : "")}"
                    + (known ? "" : $" (expected in {day.Year.ToString(CultureInfo.InvariantCulture)})"),
                Description = known
                    ? $"Announced: {council.Place.Describe()}."
                    : $"Announced as \"{council.Place.Describe()}\" with no day yet; shown on the last day of the year it is due by.",
                Url = council.AnnouncedAtId is { } meeting ? new Uri(links.GetUriByPage(http, "/Meetings/Details", values: new { id = meeting })!) : null,
                Transparency = "TRANSPARENT",
            });
        }

        var from = time.UtcToday().AddDays(-PastDays);
        var targets = await PlanningEndpoints.OpenTargets(db).Where(d => d.TargetDate >= from)
            .OrderBy(d => d.TargetDate).ThenBy(d => d.Id).Take(TargetLimit)
            .Select(d => new { d.Id, d.Title, TargetDate = d.TargetDate!.Value, d.Status, d.Progress, d.EuLead, d.PartnerLead, d.UpdatedAtUtc })
            .ToListAsync(ct);
        foreach (var target in targets)
        {
            var leads = string.Join("; ", new[] { target.EuLead is { } eu ? $"EU lead: {eu}" : null, target.PartnerLead is { } partner ? $"Partner lead: {partner}" : null }
                .OfType<string>());
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"deliverable-{target.Id}-target@{UidDomain}",
                DtStamp = Stamp(target.UpdatedAtUtc),
                Start = new CalDateTime(target.TargetDate),
                Summary = $"Target: {target.Title}",
                Description = $"Status: {target.Status.DisplayName()}{(target.Progress is { } p ? $", {p}%" : "")}.{(leads.Length > 0 ? $" {leads}." : "")}",
                Url = new Uri(links.GetUriByPage(http, "/Deliverables/Details", values: new { id = target.Id })!),
                Transparency = "TRANSPARENT",
            });
        }

        return new FeedResult(Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? ""), FeedEndpoints.CalendarMediaType);
    }

    /// <summary>The day a Council goes in the calendar: its date, or for a year alone the last day of it, when it is due by (as on the timeline).</summary>
    private static DateOnly? CouncilDay(MeetingPlace place) => place.Date ?? (place.Year is { } year ? new DateOnly(year, 12, 31) : null);

    private static CalDateTime Stamp(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "UTC", hasTime: true);
}
