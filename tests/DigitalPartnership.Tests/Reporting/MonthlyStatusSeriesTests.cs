using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Reporting;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>Progress over time from history rows alone, in histories short enough to count by hand.</summary>
public sealed class MonthlyStatusSeriesTests
{
    private static readonly DeliverableStatus NotStarted = DeliverableStatus.NotStarted;
    private static readonly DeliverableStatus InProgress = DeliverableStatus.InProgress;

    [Fact]
    public void No_history_gives_no_months()
    {
        Assert.Empty(new MonthlyStatusSeries().Through(new DateOnly(2025, 5, 1)));
    }

    [Fact]
    public void Each_month_end_counts_the_status_held_that_day_and_the_last_month_ends_at_the_report_date()
    {
        var series = new MonthlyStatusSeries();
        series.Add(1, NotStarted, At(2024, 1, 15));
        series.Add(1, InProgress, At(2024, 3, 2));

        var months = series.Through(new DateOnly(2024, 4, 10));

        Assert.Equal(
            ["2024-01-31 NotStarted 1", "2024-02-29 NotStarted 1", "2024-03-31 InProgress 1", "2024-04-10 InProgress 1"],
            months.Select(Describe));
    }

    [Fact]
    public void The_next_deliverables_first_row_does_not_end_the_previous_deliverables_status()
    {
        var series = new MonthlyStatusSeries();
        series.Add(1, NotStarted, At(2024, 1, 15));
        series.Add(2, InProgress, At(2024, 2, 3));

        var months = series.Through(new DateOnly(2024, 2, 20));

        Assert.Equal(["2024-01-31 NotStarted 1", "2024-02-20 NotStarted 1, InProgress 1"], months.Select(Describe));
    }

    [Fact]
    public void A_status_held_for_part_of_a_month_only_is_not_counted_at_its_end()
    {
        var series = new MonthlyStatusSeries();
        series.Add(1, NotStarted, At(2024, 11, 5));
        series.Add(1, InProgress, At(2024, 11, 20));
        series.Add(1, DeliverableStatus.Completed, At(2025, 1, 8));

        var months = series.Through(new DateOnly(2025, 1, 31));

        Assert.Equal(["2024-11-30 InProgress 1", "2024-12-31 InProgress 1", "2025-01-31 Completed 1"], months.Select(Describe));
    }

    [Fact]
    public void Reading_the_series_leaves_it_as_it_was()
    {
        var series = new MonthlyStatusSeries();
        series.Add(1, NotStarted, At(2024, 1, 15));

        var first = series.Through(new DateOnly(2024, 2, 1)).Select(Describe).ToList();
        var second = series.Through(new DateOnly(2024, 2, 1)).Select(Describe).ToList();

        Assert.Equal(["2024-01-31 NotStarted 1", "2024-02-01 NotStarted 1"], first);
        Assert.Equal(first, second);
    }

    private static DateTime At(int year, int month, int day) => new(year, month, day, 12, 0, 0, DateTimeKind.Utc);

    private static string Describe(MonthlyStatus month) =>
        $"{month.MonthEnd:yyyy-MM-dd} {string.Join(", ", month.Counts.NonZero.Select(c => $"{c.Status} {c.Count}"))}";
}
