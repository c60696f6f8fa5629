using System.Globalization;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>What an export row must say for each deliverable, read straight from the entities (not through ReportRows).</summary>
public static class ExportExpectations
{
    public static async Task<IReadOnlyList<string[]>> DeliverableRowsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var deliverables = await db.Deliverables.AsNoTracking()
            .Include(d => d.Outcome).ThenInclude(o => o.Meeting).Include(d => d.Areas).Include(d => d.History)
            .OrderBy(d => d.Id).ToListAsync();
        return deliverables.Select(d => new[]
        {
            d.Id.ToString(CultureInfo.InvariantCulture),
            d.Title,
            d.Outcome.Title,
            $"{d.Outcome.Meeting.Place.CouncilName}, {d.Outcome.Meeting.Place.City}",
            string.Join("; ", d.Areas.OrderBy(a => a.Position).Select(a => a.Name)),
            Core.Domain.DeliverableStatusText.DisplayName(d.Status),
            d.Progress?.ToString(CultureInfo.InvariantCulture) ?? "",
            d.EuLead ?? "",
            d.PartnerLead ?? "",
            d.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            d.History.Max(h => h.ChangedAtUtc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            d.TitleJapanese ?? "",
        }).ToList();
    }

    public static async Task<ProgressReport> ReportAsync(TestDatabase database, ReportFilter filter, ReportParts parts)
    {
        await using var db = database.NewContext();
        return await new ProgressReportBuilder(db, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ReportSample.Now))
            .BuildAsync(filter, parts, CancellationToken.None);
    }
}
