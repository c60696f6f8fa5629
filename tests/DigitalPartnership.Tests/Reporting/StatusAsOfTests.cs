using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>Reading each deliverable's status at the end of a past day from its append-only history.</summary>
public sealed class StatusAsOfTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Status_as_of_a_day_before_a_change_is_the_old_status_and_after_it_the_new_one()
    {
        await using (var db = _database.NewContext())
        {
            var data = new ReportData(db);
            var outcome = data.Outcome(data.Meeting(data.Partnership(), 2, "Brussels", null), "Semiconductors");
            var chips = data.Deliverable(outcome, "Chip supply early warning", DeliverableStatus.NotStarted, new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc));
            chips.ChangeStatus(DeliverableStatus.InProgress, 40, "Kick-off held.", "editor@example.org", new DateTime(2024, 5, 10, 23, 30, 0, DateTimeKind.Utc));
            chips.ChangeStatus(DeliverableStatus.Completed, 100, "Signed.", "editor@example.org", new DateTime(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc));
            await data.SaveAsync();
        }

        Assert.Equal((DeliverableStatus.NotStarted, (int?)null), await StateAsOfAsync(new DateOnly(2024, 5, 9)));
        // End of day, UTC: a change at 23:30 on the day counts for that day.
        Assert.Equal((DeliverableStatus.InProgress, (int?)40), await StateAsOfAsync(new DateOnly(2024, 5, 10)));
        Assert.Equal((DeliverableStatus.InProgress, (int?)40), await StateAsOfAsync(new DateOnly(2024, 8, 31)));
        Assert.Equal((DeliverableStatus.Completed, (int?)100), await StateAsOfAsync(new DateOnly(2024, 9, 1)));
        Assert.Equal((DeliverableStatus.Completed, (int?)100), await StateAsOfAsync(null));
    }

    [Fact]
    public async Task A_deliverable_created_after_the_as_of_day_is_absent()
    {
        await using (var db = _database.NewContext())
        {
            var data = new ReportData(db);
            var outcome = data.Outcome(data.Meeting(data.Partnership(), 2, "Brussels", null), "Quantum");
            data.Deliverable(outcome, "Early one", DeliverableStatus.InProgress, new DateTime(2024, 1, 5, 0, 0, 0, DateTimeKind.Utc));
            data.Deliverable(outcome, "Late one", DeliverableStatus.InProgress, new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc));
            await data.SaveAsync();
        }

        await using var check = _database.NewContext();
        var asOfMay = await new ReportFilter { AsOf = new DateOnly(2024, 5, 31) }.Apply(check).Select(x => x.Deliverable.Title).ToListAsync();
        var asOfJune = await new ReportFilter { AsOf = new DateOnly(2024, 6, 1) }.Apply(check).Select(x => x.Deliverable.Title).ToListAsync();

        Assert.Equal(["Early one"], asOfMay);
        Assert.Equal(["Early one", "Late one"], asOfJune.Order());
    }

    [Fact]
    public async Task A_status_filter_with_an_as_of_day_selects_by_the_status_held_then()
    {
        await using (var db = _database.NewContext())
        {
            var data = new ReportData(db);
            var outcome = data.Outcome(data.Meeting(data.Partnership(), 2, "Brussels", null), "AI");
            var moved = data.Deliverable(outcome, "Moved to at risk later", DeliverableStatus.InProgress, ReportData.Start);
            moved.ChangeStatus(DeliverableStatus.AtRisk, 20, null, "editor", ReportData.Start.AddDays(60));
            data.Deliverable(outcome, "Always in progress", DeliverableStatus.InProgress, ReportData.Start);
            await data.SaveAsync();
        }

        await using var check = _database.NewContext();
        var inProgress = new DeliverableFilter(Status: DeliverableStatus.InProgress);
        var then = await new ReportFilter { Deliverables = inProgress, AsOf = DateOnly.FromDateTime(ReportData.Start.AddDays(30)) }
            .Apply(check).Select(x => x.Deliverable.Title).ToListAsync();
        var now = await new ReportFilter { Deliverables = inProgress }.Apply(check).Select(x => x.Deliverable.Title).ToListAsync();

        Assert.Equal(["Always in progress", "Moved to at risk later"], then.Order());
        Assert.Equal(["Always in progress"], now);
    }

    private async Task<(DeliverableStatus, int?)> StateAsOfAsync(DateOnly? asOf)
    {
        await using var db = _database.NewContext();
        var state = await new ReportFilter { AsOf = asOf }.Apply(db).SingleAsync();
        return (state.Status, state.Progress);
    }
}
