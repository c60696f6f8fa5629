using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// A report's filter in words, one line per filter, in the order a title page lists them: ("Area", "Artificial
/// intelligence"), ("Target date", "on or after 1 May 2025"). Ids become the names the reader knows.
/// </summary>
public sealed class ReportFilterLines(PortalDbContext db)
{
    /// <param name="partnershipName">The partnership the report covers; null when it covers all of them.</param>
    /// <param name="changesSinceLabel">What "changes since" resolved to; null when no Council meeting has a date.</param>
    public async Task<IReadOnlyList<ReportFilterLine>> DescribeAsync(ReportFilter filter, string? partnershipName, string? changesSinceLabel,
        CancellationToken ct)
    {
        var lines = new List<ReportFilterLine>
        {
            new("Partnership", partnershipName ?? "All partnerships"),
            new(filter.AsOf is null ? "Status" : "Status as of", filter.AsOf is { } asOf ? ReportDates.Day(asOf) : "current"),
        };
        var f = filter.Deliverables;
        if (f.MeetingId is { } meetingId)
        {
            var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
                .Select(m => new { m.Place.Ordinal, m.Place.City, m.Place.Country, Partnership = m.Partnership.Name }).FirstOrDefaultAsync(ct);
            var several = await Browsing.Councils.SeveralPartnershipsAsync(db, ct);
            lines.Add(new("Meeting", meeting is null ? $"#{meetingId} (not found)"
                : Browsing.CouncilNames.With(several ? meeting.Partnership : null, MeetingPlace.ShortNameOf(meeting.Ordinal, meeting.City, meeting.Country))));
        }

        if (f.AreaId is { } areaId)
        {
            lines.Add(new("Area", await db.Areas.AsNoTracking().Where(a => a.Id == areaId).Select(a => a.Name).FirstOrDefaultAsync(ct)
                ?? $"#{areaId} (not found)"));
        }

        if (f.Status is { } status)
        {
            lines.Add(new("Status is", status.DisplayName()));
        }

        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            lines.Add(new("Search", f.Query.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Lead))
        {
            lines.Add(new("Lead contains", filter.Lead.Trim()));
        }

        if (TargetDates(filter.TargetFrom, filter.TargetTo) is { } target)
        {
            lines.Add(new("Target date", target));
        }

        lines.Add(new("Changes since", changesSinceLabel ?? "not shown (no Council meeting has a date)"));
        return lines;
    }

    private static string? TargetDates(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        ({ } start, { } end) => $"{ReportDates.Day(start)} to {ReportDates.Day(end)}",
        ({ } start, null) => $"on or after {ReportDates.Day(start)}",
        (null, { } end) => $"on or before {ReportDates.Day(end)}",
        _ => null,
    };
}

/// <summary>One filter of a report in words.</summary>
public sealed record ReportFilterLine(string Label, string Value);
