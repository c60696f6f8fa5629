using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Web;

/// <summary>The deliverables list: filters, search, sorting, paging and bad input.</summary>
public sealed class DeliverableListTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = await _factory.CreateClientAsync(Core.Accounts.PortalRoles.Staff);
        // Thirty more deliverables under the first outcome, so paging has something to page.
        await using var db = _factory.NewContext();
        var outcome = await db.Outcomes.Include(o => o.Deliverables).OrderBy(o => o.Position).FirstAsync();
        var quantum = await db.Areas.SingleAsync(a => a.Slug == "quantum-technology");
        for (var i = 1; i <= 30; i++)
        {
            outcome.AddDeliverable($"Quantum testbed pilot {i:00}", DeliverableStatus.Delayed, null, [quantum],
                PortalFactory.Now.UtcDateTime.AddMinutes(i), "test", "Added by the test.");
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Filters_by_status_and_says_how_many_match()
    {
        var page = await _client.GetDocumentAsync("/deliverables?status=completed");

        Assert.Equal(("1–1", "1"), Counted(page));
        Assert.Equal(["Completed"], page.Texts("[data-testid=deliverables] tbody .status"));
        Assert.Equal("completed", page.QuerySelector("#status option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Filters_by_area_and_by_meeting_together()
    {
        await using var db = _factory.NewContext();
        var meetingId = await db.Meetings.Select(m => m.Id).SingleAsync();

        var page = await _client.GetDocumentAsync($"/deliverables?area=6g&meeting={meetingId}");

        Assert.Equal(
            ["The partners agreed to further collaborate on AI, 5G, 6G, semiconductors, high-performance computing, and quantum technologies",
             "Collaborative research projects have been launched for 6G, with a focus on global standardization"],
            page.Texts("[data-testid=deliverables] tbody td[data-label=Deliverable] > a"));
    }

    [Theory]
    [InlineData("semicond", 3)]          // a prefix finds "semiconductors", in the outcome's title too
    [InlineData("SUBMARINE cable", 1)]   // any case, every word
    [InlineData("Trust Services", 1)]    // the outcome's title counts too
    [InlineData("\"quantum* (", 31)]    // search syntax typed by a reader is taken as words, never as syntax
    [InlineData("nothing-like-this", 0)]
    public async Task Searches_words_in_titles_sources_and_outcomes(string query, int expected)
    {
        var page = await _client.GetDocumentAsync($"/deliverables?q={Uri.EscapeDataString(query)}");

        if (expected == 0)
        {
            Assert.Contains("No deliverable matches", page.QuerySelector("[data-testid=result-count]").Text());
        }
        else
        {
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Counted(page).Total);
        }
    }

    [Fact]
    public async Task Pages_through_results_keeping_the_filters()
    {
        var first = await _client.GetDocumentAsync("/deliverables?status=delayed&sort=title");
        Assert.Equal(("1–25", "30"), Counted(first));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/deliverables?status=delayed&sort=title&page=2", next);

        var second = await _client.GetDocumentAsync(next);
        Assert.Equal(("26–30", "30"), Counted(second));
        Assert.Equal("Quantum testbed pilot 26", second.Texts("[data-testid=deliverables] tbody td[data-label=Deliverable] > a")[0]);
    }

    [Fact]
    public async Task Sorts_by_recent_update()
    {
        var page = await _client.GetDocumentAsync("/deliverables?sort=updated");

        Assert.Equal("Quantum testbed pilot 30", page.Texts("[data-testid=deliverables] tbody td[data-label=Deliverable] > a")[0]);
    }

    [Theory]
    [InlineData("/deliverables?status=finished", "\"finished\" is not a status")]
    [InlineData("/deliverables?area=blockchain", "There is no area \"blockchain\"")]
    [InlineData("/deliverables?meeting=abc", "There is no meeting \"abc\"")]
    [InlineData("/deliverables?sort=colour", "\"colour\" is not a way to sort")]
    [InlineData("/deliverables?page=-3", "The page number must be a whole number")]
    public async Task Bad_filter_values_answer_400_with_a_clear_message_and_keep_the_form(string url, string message)
    {
        var page = await _client.GetDocumentAsync(url + "&q=cable", expectedStatus: 400);

        Assert.Contains(message, page.QuerySelector("[data-testid=filter-problems]").Text());
        Assert.Equal("cable", page.QuerySelector("#q")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Every_page_link_keeps_the_filters_and_area_links_keep_the_area()
    {
        var page = await _client.GetDocumentAsync("/deliverables?q=quantum&area=quantum-technology&status=delayed&sort=title&page=2");

        Assert.Equal("/deliverables?q=quantum&area=quantum-technology&status=delayed&sort=title", page.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Contains("/deliverables?area=quantum-technology", page.QuerySelectorAll(".area-tag").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        var page = await _client.GetDocumentAsync("/deliverables?status=delayed&page=99");

        Assert.Equal(("26–30", "30"), Counted(page));
    }

    /// <summary>The rows shown ("1–25") and how many match ("30"), as the count above the list says them.</summary>
    private static (string Rows, string Total) Counted(AngleSharp.Dom.IDocument page) =>
        (page.QuerySelector("[data-testid=result-count] [data-testid=rows]").Text(),
         page.QuerySelector("[data-testid=result-count] [data-testid=total]").Text());
}

/// <summary>What the dashboard counts must follow every change at once, cached or not.</summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _factory.CreateClientAsync(Core.Accounts.PortalRoles.Staff);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Counts_by_status_and_area_follow_a_status_change_at_once()
    {
        var before = await _client.GetDocumentAsync("/");
        Assert.Contains("0/1", AreaRow(before, "Submarine cables"));

        await using (var db = _factory.NewContext())
        {
            var cable = await db.Deliverables.SingleAsync(d => d.Title.StartsWith("Both sides agreed"));
            cable.ChangeStatus(DeliverableStatus.Completed, 100, "Cable route agreed.", "test", PortalFactory.Now.UtcDateTime.AddHours(1));
            await db.SaveChangesAsync();
        }

        var after = await _client.GetDocumentAsync("/");
        Assert.Contains("1/1", AreaRow(after, "Submarine cables"));
        Assert.Contains("2 Completed", after.Texts(".status-tile"));
        Assert.Contains("Both sides agreed", after.QuerySelector("[data-testid=recent-changes] li").Text());
    }

    private static string AreaRow(AngleSharp.Dom.IDocument page, string area) =>
        page.QuerySelectorAll("tbody tr").Single(row => row.QuerySelector("a").Text() == area).TextContent;
}
