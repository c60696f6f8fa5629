using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>A report's filter in words, as its title page and Summary sheet list it.</summary>
public sealed class ReportFilterLinesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await ReportSample.SeedAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Without_filters_the_report_says_what_it_covers_and_from_when_it_counts_changes()
    {
        var lines = await DescribeAsync(ReportFilter.None, partnership: null, since: null);

        Assert.Equal(
            [new("Partnership", "All partnerships"), new("Status", "current"), new("Changes since", "not shown (no Council meeting has a date)")],
            lines);
    }

    [Fact]
    public async Task Every_filter_gets_a_line_in_the_title_page_order_with_names_rather_than_ids()
    {
        await using var db = _database.NewContext();
        var meeting = await db.Meetings.SingleAsync(m => m.Place.City == "Brussels");
        var area = await db.Areas.SingleAsync(a => a.Name == "Semiconductors");
        var filter = new ReportFilter
        {
            Deliverables = new DeliverableFilter(" warning ", area.Id, DeliverableStatus.Completed, meeting.Id),
            Lead = " METI ",
            TargetFrom = new DateOnly(2024, 1, 1),
            TargetTo = new DateOnly(2024, 12, 31),
            AsOf = new DateOnly(2025, 3, 31),
        };

        var lines = await DescribeAsync(filter, "EU–Japan Digital Partnership", "2nd Council, Brussels (3 May 2024)");

        Assert.Equal(
            [
                new("Partnership", "EU–Japan Digital Partnership"), new("Status as of", "31 March 2025"), new("Meeting", "2nd Council, Brussels"),
                new("Area", "Semiconductors"), new("Status is", "Completed"), new("Search", "warning"), new("Lead contains", "METI"),
                new("Target date", "1 January 2024 to 31 December 2024"), new("Changes since", "2nd Council, Brussels (3 May 2024)"),
            ],
            lines);
    }

    [Theory]
    [InlineData("2024-06-01", null, "on or after 1 June 2024")]
    [InlineData(null, "2024-06-01", "on or before 1 June 2024")]
    public async Task A_target_range_open_at_one_end_says_so(string? from, string? to, string expected)
    {
        var filter = new ReportFilter { TargetFrom = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TargetTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) };

        var lines = await DescribeAsync(filter, partnership: null, since: null);

        Assert.Contains(new ReportFilterLine("Target date", expected), lines);
    }

    [Fact]
    public async Task A_meeting_or_area_that_no_longer_exists_is_said_to_be_missing()
    {
        await using var db = _database.NewContext();
        var noMeeting = await db.Meetings.MaxAsync(m => m.Id) + 1;
        var noArea = await db.Areas.MaxAsync(a => a.Id) + 1;

        var lines = await DescribeAsync(new ReportFilter { Deliverables = new DeliverableFilter(AreaId: noArea, MeetingId: noMeeting) }, null, null);

        Assert.Contains(new ReportFilterLine("Meeting", $"#{noMeeting} (not found)"), lines);
        Assert.Contains(new ReportFilterLine("Area", $"#{noArea} (not found)"), lines);
    }

    private async Task<IReadOnlyList<ReportFilterLine>> DescribeAsync(ReportFilter filter, string? partnership, string? since)
    {
        await using var db = _database.NewContext();
        return await new ReportFilterLines(db).DescribeAsync(filter, partnership, since, CancellationToken.None);
    }
}
