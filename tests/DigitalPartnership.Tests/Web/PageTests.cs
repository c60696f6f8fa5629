using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Web;

/// <summary>Every page of the portal on the seeded store, read as a reader sees it.</summary>
public sealed class PageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly HttpClient _client = portal.StaffClient;

    [Fact]
    public async Task Dashboard_shows_statuses_areas_and_the_next_Council()
    {
        var page = await _client.GetDocumentAsync("/");

        Assert.Equal("Next Council: Tokyo, Japan, 2025", page.QuerySelector("[data-testid=next-council]").Text());
        Assert.Contains("was expected in 2025", page.QuerySelector(".next-council").Text()); // the clock says November 2026
        var tiles = page.Texts(".status-tile");
        Assert.Contains("4 Not started", tiles);
        Assert.Contains("1 In progress", tiles);
        Assert.Contains("1 Completed", tiles);
        Assert.Contains("Submarine cables", page.Texts("#by-area ~ * a, table a"));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/deliverables?status=completed");
        Assert.Equal(6, page.QuerySelectorAll("[data-testid=recent-changes] li").Length);
    }

    [Fact]
    public async Task Outcomes_list_shows_the_five_outcomes_of_the_second_Council()
    {
        var page = await _client.GetDocumentAsync("/outcomes");

        Assert.Equal(
            ["Strengthened Cooperation on Core Technologies", "Digital Identity and Trust Services", "Semiconductors and 6G",
             "Cybersecurity and AI Governance", "Submarine Cables and Online Platforms"],
            page.Texts("tbody td:first-child a"));
        Assert.All(page.Texts("tbody td[data-label=Council]"), council => Assert.Equal("2nd Council, Brussels", council));
    }

    [Fact]
    public async Task Outcome_page_lists_its_deliverables_with_status_as_text()
    {
        var page = await _client.GetDocumentAsync("/outcomes/semiconductors-and-6g");

        Assert.Equal("Semiconductors and 6G", page.QuerySelector("h1").Text());
        Assert.Equal(["Not started", "In progress"], page.Texts("tbody .status"));
        Assert.Contains("Collaborative research projects have been launched for 6G, with a focus on global standardization",
            page.Texts("tbody a"));
        Assert.Contains("Semiconductors", page.Texts(".area-tag"));
    }

    [Fact]
    public async Task Areas_list_and_area_page_count_their_deliverables()
    {
        var list = await _client.GetDocumentAsync("/areas");
        Assert.Equal(14, list.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Also written: HPC, high performance computing, high-performance computing, supercomputer, supercomputing, スーパーコンピュータ, 高性能計算",
            list.Texts("tbody td small, tbody .small"));

        var area = await _client.GetDocumentAsync("/areas/digital-identity-and-trust-services");
        Assert.Equal("Digital identity (eID) and trust services", area.QuerySelector("h1").Text());
        Assert.Contains("Digital Identity and Trust Services", area.Texts("#outcomes-heading ~ * a, .list-group a"));
        Assert.Equal("1", area.QuerySelector("#status-heading [data-testid=total]").Text());
    }

    [Fact]
    public async Task Deliverable_page_shows_status_provenance_and_history()
    {
        var list = await _client.GetDocumentAsync("/deliverables?q=memorandum");
        var link = Assert.Single(list.QuerySelectorAll("[data-testid=deliverables] tbody td[data-label=Deliverable] > a"));

        var page = await _client.GetDocumentAsync(link.GetAttribute("href")!);

        Assert.Equal("Completed", page.QuerySelector(".status").Text());
        Assert.Equal("“A Memorandum of Cooperation was signed to facilitate data flow and boost e-commerce opportunities through a shared understanding of digital identity initiatives.”",
            page.QuerySelector("[data-testid=provenance]").Text());
        var history = page.QuerySelectorAll("[data-testid=history] tbody tr");
        Assert.Single(history);
        Assert.Contains("Council text importer", history[0].TextContent);
        Assert.Contains("Japan-side lead", page.Body!.TextContent);
    }

    [Fact]
    public async Task Meetings_list_and_meeting_page_show_the_source_text_with_what_was_extracted()
    {
        var list = await _client.GetDocumentAsync("/meetings");
        var row = Assert.Single(list.QuerySelectorAll("tbody tr"));
        Assert.Contains("2nd Council", row.TextContent);
        Assert.Contains("Brussels", row.TextContent);

        var page = await _client.GetDocumentAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("2nd Council, Brussels", page.QuerySelector("h1").Text());
        Assert.Contains("3rd Council: Tokyo, Japan, 2025", page.Texts("dd"));
        Assert.Contains("Not stated in the text", page.Texts("dd")); // the text gives no date: none is invented
        Assert.Equal(5, page.QuerySelectorAll("[id^=outcome-]").Length);
        var ignored = page.QuerySelectorAll(".section-ignored");
        Assert.Equal(2, ignored.Length); // the INSTAR advertisement with its "learn more", and the closing tag line
        Assert.Contains("INSTAR", ignored[0].TextContent);
        Assert.Contains("Ignored: yields nothing.", ignored[0].TextContent);
    }

    [Fact]
    public async Task Milestones_show_the_Council_held_and_the_one_announced()
    {
        var page = await _client.GetDocumentAsync("/milestones");
        var entries = page.Texts("[data-testid=timeline] li");

        Assert.Contains(entries, e => e.Contains("2nd Council held in Brussels"));
        Assert.Contains(entries, e => e.Contains("Next Council: Tokyo, Japan, 2025"));
    }

    [Theory]
    [InlineData("/outcomes/no-such-outcome")]
    [InlineData("/areas/no-such-area")]
    [InlineData("/deliverables/999999")]
    [InlineData("/deliverables/not-a-number")]
    [InlineData("/meetings/424242")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_answer_404_with_a_helpful_page(string url)
    {
        var page = await _client.GetDocumentAsync(url, expectedStatus: 404);

        Assert.Equal("Page not found", page.QuerySelector("h1").Text());
        Assert.DoesNotContain("Exception", page.Body!.TextContent);
    }

    [Fact]
    public async Task Health_reports_the_database_and_its_migrations()
    {
        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy","migrations":"Healthy"}}""", await _client.GetStringAsync("/health"));
        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy","migrations":"Healthy"}}""", await _client.GetStringAsync("/health/ready"));
        Assert.Equal("""{"status":"Healthy","checks":{}}""", await _client.GetStringAsync("/health/live"));
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_serve_their_assets_locally()
    {
        using var response = await _client.GetAsync("/");
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", string.Join(' ', response.Headers.GetValues("X-Content-Type-Options")));
        var page = await _client.GetDocumentAsync("/");
        foreach (var asset in page.QuerySelectorAll("link[rel=stylesheet], script[src]"))
        {
            var url = asset.GetAttribute("href") ?? asset.GetAttribute("src")!;
            Assert.StartsWith("/", url);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await _client.GetAsync(url)).StatusCode);
        }

        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        var colours = await _client.GetStringAsync("/css/status-colours.css");
        Assert.All(Core.Domain.DeliverableStatusText.All, status => Assert.Contains($"--status-{status.Slug()}: {status.Colour()};", colours));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }
}

/// <summary>One seeded portal shared by the read-only page tests of a class.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new();

    /// <summary>Signed in as a reader (Staff).</summary>
    public HttpClient StaffClient { get; private set; } = null!;

    public async Task InitializeAsync() => StaffClient = await Factory.CreateClientAsync(Core.Accounts.PortalRoles.Staff);

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
