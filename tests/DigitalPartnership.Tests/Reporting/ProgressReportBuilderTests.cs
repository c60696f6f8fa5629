using System.Data.Common;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Migrations.Sqlite;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>The figures of a progress report, checked against a history small enough to count by hand.</summary>
public sealed class ProgressReportBuilderTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await ReportSample.SeedAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Report_counts_by_status_area_and_outcome_agree_with_the_deliverables()
    {
        var report = await BuildAsync(ReportFilter.None);

        Assert.Equal("EU–Japan Digital Partnership: progress report", report.Title);
        Assert.Equal(new DateOnly(2025, 5, 1), report.ReportDate);
        Assert.Equal(Counts(notStarted: 2, inProgress: 1, atRisk: 1, completed: 1), Tally(report.Totals));
        Assert.Equal(20, report.Totals.Percent(DeliverableStatus.Completed));
        Assert.Equal(
            ["Artificial intelligence: At risk 1", "Semiconductors: Completed 1", "Submarine cables: In progress 1"],
            report.ByArea.Select(a => $"{a.Name}: {Describe(a.Counts)}"));
        Assert.Equal(2, report.WithoutArea);
        Assert.Equal(
            ["AI and semiconductors (2nd Council, Brussels): At risk 1, Completed 1", "Connectivity (1st Council, Tokyo): Not started 2, In progress 1"],
            report.ByOutcome.Select(o => $"{o.Title} ({o.Meeting}): {Describe(o.Counts)}").Order());
    }

    [Fact]
    public async Task Report_as_of_a_past_day_counts_the_statuses_held_then_and_leaves_out_later_deliverables()
    {
        var report = await BuildAsync(new ReportFilter { AsOf = new DateOnly(2024, 6, 30) });

        Assert.Equal(new DateOnly(2024, 6, 30), report.ReportDate);
        Assert.Equal(Counts(notStarted: 2, inProgress: 2), Tally(report.Totals));
        Assert.Contains(new ReportFilterLine("Status as of", "30 June 2024"), report.FilterLines);
    }

    [Fact]
    public async Task Overdue_lists_unfinished_deliverables_whose_target_passed_before_the_report_date()
    {
        var report = await BuildAsync(ReportFilter.None);

        var overdue = Assert.Single(report.Overdue);
        Assert.Equal(1, report.OverdueCount);
        Assert.Equal(("Joint AI safety evaluation", DeliverableStatus.AtRisk, 121), (overdue.Title, overdue.Status, overdue.DaysOverdue));
    }

    [Fact]
    public async Task Changes_since_default_to_the_latest_dated_Council_and_list_history_from_that_day()
    {
        var report = await BuildAsync(ReportFilter.None);

        Assert.Equal(ReportSample.SecondCouncil, report.ChangesSince);
        Assert.Equal("2nd Council, Brussels (3 May 2024)", report.ChangesSinceLabel);
        Assert.Equal(6, report.ChangeCount);
        Assert.Equal("Late deliverable", report.Changes[0].DeliverableTitle); // latest first
        var atRisk = Assert.Single(report.Changes, c => c.ToStatus == DeliverableStatus.AtRisk);
        Assert.Equal(("In progress → At risk", "manager@example.org", "Funding unclear."), (atRisk.Transition, atRisk.ChangedBy, atRisk.Note));
        Assert.DoesNotContain(report.Changes, c => c.ChangedAtUtc < new DateTime(2024, 5, 3, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_given_changes_since_day_overrides_the_Council_default()
    {
        var report = await BuildAsync(new ReportFilter { ChangesSince = new DateOnly(2024, 9, 1) });

        Assert.Equal(["Late deliverable", "Joint AI safety evaluation"], report.Changes.Select(c => c.DeliverableTitle));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // as the portal builds it: the series read on a second context, beside the other figures
    public async Task Progress_over_time_gives_each_month_end_the_counts_held_that_day(bool besideOnSecondContext)
    {
        var report = await BuildAsync(ReportFilter.None, besideOnSecondContext: besideOnSecondContext);
        var months = report.ProgressOverTime.ToDictionary(m => m.MonthEnd, m => Tally(m.Counts));

        Assert.Equal(new DateOnly(2023, 7, 31), report.ProgressOverTime[0].MonthEnd);
        Assert.Equal(new DateOnly(2025, 5, 1), report.ProgressOverTime[^1].MonthEnd);
        Assert.Equal(23, report.ProgressOverTime.Count);
        Assert.Equal(Counts(notStarted: 2), months[new DateOnly(2023, 7, 31)]);
        Assert.Equal(Counts(notStarted: 1, inProgress: 1), months[new DateOnly(2023, 10, 31)]);
        Assert.Equal(Counts(notStarted: 3, inProgress: 1), months[new DateOnly(2024, 5, 31)]);
        Assert.Equal(Counts(notStarted: 1, inProgress: 2, completed: 1), months[new DateOnly(2024, 8, 31)]);
        Assert.Equal(Counts(notStarted: 1, inProgress: 1, atRisk: 1, completed: 1), months[new DateOnly(2024, 9, 30)]);
        Assert.Equal(Tally(report.Totals), months[report.ReportDate]);
    }

    [Fact]
    public async Task Lead_target_date_and_area_filters_narrow_the_report_and_are_described()
    {
        await using var db = _database.NewContext();
        var ai = await db.Areas.SingleAsync(a => a.Name == "Artificial intelligence");

        var byLead = await BuildAsync(new ReportFilter { Lead = "meti" });
        var byTarget = await BuildAsync(new ReportFilter { TargetFrom = new DateOnly(2024, 12, 1), TargetTo = new DateOnly(2025, 12, 31) });
        var byArea = await BuildAsync(new ReportFilter { Deliverables = new DeliverableFilter(AreaId: ai.Id) });

        Assert.Equal(Counts(completed: 1), Tally(byLead.Totals));
        Assert.Contains(new ReportFilterLine("Lead contains", "meti"), byLead.FilterLines);
        Assert.Equal(Counts(inProgress: 1, atRisk: 1), Tally(byTarget.Totals));
        Assert.Contains(new ReportFilterLine("Target date", "1 December 2024 to 31 December 2025"), byTarget.FilterLines);
        Assert.Equal(Counts(atRisk: 1), Tally(byArea.Totals));
        Assert.Contains(new ReportFilterLine("Area", "Artificial intelligence"), byArea.FilterLines);
    }

    [Fact]
    public async Task Area_sections_hold_the_rows_of_their_own_area()
    {
        var report = await BuildAsync(ReportFilter.None);

        var chips = report.ByArea.Single(a => a.Name == "Semiconductors");
        var row = Assert.Single(report.AreaRows[chips.AreaId]);
        Assert.Equal((ReportSample.JapaneseTitle, "Semiconductors", "Completed", ReportSample.JapaneseLead),
            (row.Title, row.Areas, row.StatusName, row.PartnerLead));
    }

    [Fact]
    public async Task Each_caller_gets_only_the_parts_it_asks_for_and_pays_only_for_those()
    {
        var (figures, figuresCommands) = await BuildCountingAsync(ReportParts.None);
        var (sheet, sheetCommands) = await BuildCountingAsync(ReportParts.Spreadsheet);
        var (page, pageCommands) = await BuildCountingAsync(ReportParts.Page);
        var (briefing, briefingCommands) = await BuildCountingAsync(ReportParts.Briefing);

        // The figures are the same whatever the parts.
        Assert.All(new[] { figures, sheet, page }, report => Assert.Equal(Tally(briefing.Totals), Tally(report.Totals)));
        Assert.All(new[] { figures, sheet, page }, report => Assert.Equal((1, 6), (report.OverdueCount, report.ChangeCount)));
        Assert.All(new[] { figures, sheet, page }, report => Assert.Equal(briefing.FilterLines, report.FilterLines));

        Assert.Empty(figures.ProgressOverTime);
        Assert.Equal(briefing.ProgressOverTime.Count, sheet.ProgressOverTime.Count);
        Assert.Empty(sheet.Overdue);
        Assert.Empty(sheet.Changes);
        Assert.Single(page.Overdue);
        Assert.Equal(6, page.Changes.Count);
        Assert.Empty(page.AreaRows);
        Assert.Equal(3, briefing.AreaRows.Count);

        // Every part left out is queries not made; the area sections cost at least one query per area.
        Assert.True(figuresCommands < sheetCommands && sheetCommands < pageCommands, $"{figuresCommands}, {sheetCommands}, {pageCommands}");
        Assert.True(briefingCommands - pageCommands > briefing.ByArea.Count, $"page {pageCommands}, briefing {briefingCommands}");
    }

    [Fact]
    public async Task The_spreadsheet_writer_refuses_a_report_built_without_its_series()
    {
        var figures = await BuildAsync(ReportFilter.None, ReportParts.None);
        await using var db = _database.NewContext();

        await Assert.ThrowsAsync<ArgumentException>(() => new XlsxExportWriter().WriteAsync(figures,
            ReportRows.DeliverablesAsync(db, figures.Filter), ReportRows.ChangesAsync(db, figures.Filter, null), Stream.Null, CancellationToken.None));
    }

    [Fact]
    public async Task File_names_carry_the_partnership_without_its_suffix_and_the_report_date()
    {
        var report = await BuildAsync(ReportFilter.None);

        Assert.Equal("eu-japan-progress-2025-05-01.xlsx", ReportFileNames.For(report, ReportFormat.Xlsx));
        Assert.Equal("digital-partnerships-progress-2025-05-01.csv", ReportFileNames.For(null, report.ReportDate, ReportFormat.Csv));
        Assert.True(ReportFileNames.TryParse("PDF", out var pdf));
        Assert.Equal(ReportFormat.Pdf, pdf);
        Assert.False(ReportFileNames.TryParse("1", out _));
    }

    [Fact]
    public async Task File_names_say_what_was_filtered_partnership_council_area_status_and_as_of_day()
    {
        await using var db = _database.NewContext();
        var second = await db.Meetings.SingleAsync(m => m.Place.Ordinal == 2);
        var chips = await db.Areas.SingleAsync(a => a.Name == "Semiconductors");
        var filter = new ReportFilter
        {
            Deliverables = new DeliverableFilter(AreaId: chips.Id, Status: DeliverableStatus.AtRisk, MeetingId: second.Id),
            AsOf = new DateOnly(2025, 5, 1),
        };

        var report = await BuildAsync(filter);
        var scope = await new ProgressReportBuilder(db, new FakeTimeProvider(ReportSample.Now)).ScopeAsync(filter, CancellationToken.None);

        Assert.Equal("eu-japan-2nd-council-semiconductors-at-risk-as-of-2025-05-01.pdf", ReportFileNames.For(report, ReportFormat.Pdf));
        Assert.Equal("eu-japan-2nd-council-semiconductors-at-risk-as-of-2025-05-01.csv", scope.FileName(ReportFormat.Csv));
        Assert.Equal("eu-japan-semiconductors-progress-2025-05-01.xlsx",
            ReportFileNames.For(new ReportFileNameParts("eu-japan-digital-partnership", new DateOnly(2025, 5, 1), AreaSlug: "semiconductors"), ReportFormat.Xlsx));
    }

    [Fact]
    public async Task Key_issues_carry_the_note_of_the_newest_history_row_and_count_an_overdue_one_once()
    {
        var report = await BuildAsync(ReportFilter.None, ReportParts.KeyIssues);

        var overdue = Assert.Single(report.Overdue);
        Assert.Equal(("Joint AI safety evaluation", "Funding unclear.", "DG CONNECT / MIC"), (overdue.Title, overdue.LatestNote, overdue.Leads));
        // At risk, but overdue too: a key issue once, under overdue.
        Assert.Empty(report.AtRiskOrDelayed);
        Assert.Equal((1, 0, 1), (report.OverdueCount, report.AtRiskOrDelayedCount, report.KeyIssueCount));

        var before = await BuildAsync(new ReportFilter { AsOf = new DateOnly(2024, 9, 1) }, ReportParts.KeyIssues);
        Assert.Empty(before.Overdue);
        Assert.Empty(before.AtRiskOrDelayed); // in progress then, with "Experts met." as its newest note
    }

    [Fact]
    public async Task Outcome_sections_list_each_deliverable_once_in_the_order_of_the_outcomes()
    {
        var report = await BuildAsync(ReportFilter.None, ReportParts.OutcomeSections);

        Assert.Equal(report.ByOutcome.Select(o => o.Title), report.OutcomeSections.Select(s => s.Outcome.Title));
        var titles = report.OutcomeSections.SelectMany(s => s.Deliverables).Select(d => d.Title).ToList();
        Assert.Equal(5, titles.Count);
        Assert.Equal(titles.Count, titles.Distinct().Count());
        var safety = report.OutcomeSections.SelectMany(s => s.Deliverables).Single(d => d.Title == "Joint AI safety evaluation");
        Assert.Equal((DeliverableStatus.AtRisk, 40, "Funding unclear."), (safety.Status, safety.Progress, safety.LatestNote));
    }

    private async Task<ProgressReport> BuildAsync(ReportFilter filter, ReportParts parts = ReportParts.Briefing, bool besideOnSecondContext = false)
    {
        await using var db = _database.NewContext();
        await using var services = new ServiceCollection().AddScoped(_ => _database.NewContext()).BuildServiceProvider();
        return await new ProgressReportBuilder(db, new FakeTimeProvider(ReportSample.Now),
                scopes: besideOnSecondContext ? services.GetRequiredService<IServiceScopeFactory>() : null)
            .BuildAsync(filter, parts, CancellationToken.None);
    }

    /// <summary>A report built with <paramref name="parts"/>, and how many database commands building it took.</summary>
    private async Task<(ProgressReport Report, int Commands)> BuildCountingAsync(ReportParts parts)
    {
        var commands = new CommandCounter();
        await using var db = _database.NewContext(commands);
        var report = await new ProgressReportBuilder(db, new FakeTimeProvider(ReportSample.Now)).BuildAsync(ReportFilter.None, parts, CancellationToken.None);
        return (report, commands.Count);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken ct = default)
        {
            Count++;
            return base.ScalarExecutingAsync(command, eventData, result, ct);
        }
    }

    private static int[] Tally(StatusTally tally) => DeliverableStatusText.All.Select(s => tally[s]).ToArray();

    private static int[] Counts(int notStarted = 0, int inProgress = 0, int atRisk = 0, int delayed = 0, int completed = 0, int discontinued = 0) =>
        [notStarted, inProgress, atRisk, delayed, completed, discontinued];

    private static string Describe(StatusTally tally) => string.Join(", ", tally.NonZero.Select(c => $"{c.Status.DisplayName()} {c.Count}"));
}
