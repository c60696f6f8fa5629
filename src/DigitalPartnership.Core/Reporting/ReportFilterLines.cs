using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// A report's filter in words, one line per filter, in the order a title page lists them: ("Area", "Artificial
/// intelligence"), ("Target date", "on or after 1 May 2025"). Ids become the names the reader knows.
/// </summary>
/// <param name="text">The reader's language; English when null.</param>
public sealed class ReportFilterLines(PortalDbContext db, ReportText? text = null)
{
    private readonly ReportText _t = text ?? ReportText.English;

    /// <param name="partnershipName">The partnership the report covers; null when it covers all of them.</param>
    /// <param name="changesSinceLabel">What "changes since" resolved to; null when no Council meeting has a date.</param>
    public async Task<IReadOnlyList<ReportFilterLine>> DescribeAsync(ReportFilter filter, string? partnershipName, string? changesSinceLabel,
        CancellationToken ct)
    {
        var lines = new List<ReportFilterLine>
        {
            new(_t["Partnership"], partnershipName ?? _t["All partnerships"]),
            new(_t[filter.AsOf is null ? "Status" : "Status as of"], filter.AsOf is { } asOf ? _t.Day(asOf) : _t["current"]),
        };
        var f = filter.Deliverables;
        if (f.MeetingId is { } meetingId)
        {
            var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
                .Select(m => new { m.Place.Ordinal, m.Place.City, m.Place.Country, Partnership = m.Partnership.Name }).FirstOrDefaultAsync(ct);
            var several = await Browsing.Councils.SeveralPartnershipsAsync(db, ct);
            lines.Add(new(_t["Meeting"], meeting is null ? NotFound(meetingId)
                : Browsing.CouncilNames.With(several ? meeting.Partnership : null, _t.Council(meeting.Ordinal, meeting.City, meeting.Country))));
        }

        if (f.AreaId is { } areaId)
        {
            lines.Add(new(_t["Area"], await db.Areas.AsNoTracking().Where(a => a.Id == areaId).Select(a => a.Name).FirstOrDefaultAsync(ct)
                ?? NotFound(areaId)));
        }

        if (f.Status is { } status)
        {
            lines.Add(new(_t["Status is"], _t.Status(status)));
        }

        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            lines.Add(new(_t["Search"], f.Query.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Lead))
        {
            lines.Add(new(_t["Lead contains"], filter.Lead.Trim()));
        }

        if (TargetDates(filter.TargetFrom, filter.TargetTo) is { } target)
        {
            lines.Add(new(_t["Target date"], target));
        }

        lines.Add(new(_t["Changes since"], changesSinceLabel ?? _t["not shown (no Council meeting has a date)"]));
        return lines;
    }

    private string NotFound(int id) => _t.Format("#{0} (not found)", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string? TargetDates(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        ({ } start, { } end) => _t.Format("{0} to {1}", _t.Day(start), _t.Day(end)),
        ({ } start, null) => _t.Format("on or after {0}", _t.Day(start)),
        (null, { } end) => _t.Format("on or before {0}", _t.Day(end)),
        _ => null,
    };
}

/// <summary>One filter of a report in words.</summary>
public sealed record ReportFilterLine(string Label, string Value);
