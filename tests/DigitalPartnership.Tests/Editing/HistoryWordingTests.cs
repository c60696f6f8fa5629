using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Editing;

/// <summary>History in words a reader expects: a change of progress alone is a change of progress, not "At risk → At risk".</summary>
public sealed class HistoryWordingTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = null!;
    private int _id;

    public async Task InitializeAsync()
    {
        _editor = await _factory.CreateClientAsync(PortalRoles.Editor);
        _id = await _factory.DeliverableIdAsync("A team of experts");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_change_of_progress_alone_reads_Progress_10_to_40_in_the_history_and_on_the_dashboard()
    {
        await SaveAsync("at-risk", "10", "Funding unclear.");
        await SaveAsync("at-risk", "40", "Two of five experts named.");

        var reader = await _factory.CreateClientAsync(PortalRoles.Staff);
        var page = await reader.GetDocumentAsync($"/deliverables/{_id}");
        // The deliverable's journal names only the fields a save changed: progress alone, not "At risk → At risk".
        var rows = page.QuerySelectorAll("[data-testid=history] tbody tr[data-testid=journal-entry]").ToList();
        Assert.Null(rows[0].QuerySelector("li[data-field=status]"));
        Assert.Equal(("10%", "40%"), (rows[0].QuerySelector("li[data-field=progress] .journal-old").Text().Replace("was ", ""),
            rows[0].QuerySelector("li[data-field=progress] .journal-new").Text()));
        Assert.Equal(["Not started", "At risk"], rows[1].QuerySelectorAll("li[data-field=status] .status").Select(s => s.Text()));
        Assert.Equal("10%", rows[1].QuerySelector("li[data-field=progress] .journal-new").Text());

        var dashboard = await reader.GetDocumentAsync("/");
        var recent = dashboard.QuerySelector("[data-testid=recent-changes] li")!;
        Assert.Equal("Progress 10% → 40%", recent.QuerySelector("[data-testid=history-progress]").Text());
        Assert.Empty(recent.QuerySelectorAll(".status"));
    }

    [Fact]
    public async Task A_save_that_changes_no_field_says_so_and_keeps_its_note()
    {
        await SaveAsync("at-risk", "10", "Funding unclear.");
        await SaveAsync("at-risk", "10", "Still waiting for the budget line.");

        var page = await (await _factory.CreateClientAsync(PortalRoles.Staff)).GetDocumentAsync($"/deliverables/{_id}");
        var newest = page.QuerySelector("[data-testid=history] tbody tr[data-testid=journal-entry]")!;
        Assert.Null(newest.QuerySelector("li[data-field=status]"));
        Assert.Null(newest.QuerySelector("li[data-field=progress]"));
        Assert.Equal("No field changed.", newest.QuerySelector("td[data-label='What changed']").Text());
        Assert.Contains("Still waiting for the budget line.", newest.QuerySelector("td[data-label=Note]").Text());
    }

    [Theory]
    [InlineData(DeliverableStatus.InProgress, DeliverableStatus.InProgress, 10, 40, "Progress 10% → 40%")]
    [InlineData(DeliverableStatus.InProgress, DeliverableStatus.AtRisk, 40, 40, "In progress → At risk")]
    [InlineData(DeliverableStatus.InProgress, DeliverableStatus.Completed, 40, 100, "In progress → Completed; Progress 40% → 100%")]
    [InlineData(DeliverableStatus.NotStarted, DeliverableStatus.NotStarted, null, 5, "Progress set to 5%")]
    [InlineData(DeliverableStatus.Delayed, DeliverableStatus.Delayed, 30, null, "Progress cleared (was 30%)")]
    [InlineData(DeliverableStatus.Delayed, DeliverableStatus.Delayed, 30, 30, "Delayed, status and progress unchanged")]
    [InlineData(null, DeliverableStatus.NotStarted, null, null, "Created as Not started")]
    public void A_history_row_is_worded_by_what_it_changed(DeliverableStatus? from, DeliverableStatus to, int? fromProgress, int? toProgress, string expected) =>
        Assert.Equal(expected, new HistoryChange(from, to, fromProgress, toProgress).Text);

    private async Task SaveAsync(string status, string progress, string note)
    {
        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        form["Input.Status"] = status;
        form["Input.Progress"] = progress;
        form["Input.ChangeNote"] = note;
        using var saved = await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
    }
}
