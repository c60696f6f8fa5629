using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalPartnership.Tests.Partnerships;

/// <summary>
/// Two partnerships in one portal: an EU–Korea Council imported beside the seeded EU–Japan one, read through a real
/// Kestrel port. Each partnership's pages show its own figures, the overview shows both, the reader's choice is
/// remembered, and no page names a Council without its partnership.
/// </summary>
public sealed class PartnershipScopeTests(TwoPartnershipsPortal portal) : IClassFixture<TwoPartnershipsPortal>
{
    private const string Japan = "eu-japan-digital-partnership";
    private const string Korea = "eu-korea-digital-partnership";

    [Fact]
    public async Task The_EU_Japan_dashboard_shows_only_EU_Japan_figures()
    {
        var reader = await portal.ReaderAsync("japan.dashboard@test.example.org");

        var page = await reader.GetDocumentAsync($"/?partnership={Japan}");

        Assert.Equal("EU–Japan Digital Partnership", page.QuerySelector("[data-testid=partnership-label]").Text());
        Assert.Contains("6 deliverables in 5 key outcomes", page.QuerySelector(".lead-muted").Text());
        var tiles = page.Texts(".status-tile");
        Assert.Contains("4 Not started", tiles);
        Assert.Contains("1 In progress", tiles);
        Assert.Contains("1 Completed", tiles);
        Assert.Equal("Next Council: Tokyo, Japan, 2025", page.QuerySelector("[data-testid=next-council]").Text());
        Assert.DoesNotContain(page.Texts("[data-testid=recent-changes] a"), title => portal.KoreaTitles.Contains(title));
        var byArea = page.QuerySelectorAll("section[aria-labelledby=by-area] tbody tr")
            .ToDictionary(row => row.QuerySelector("a").Text(), row => row.QuerySelector("td .small").Text());
        Assert.Equal((await portal.AreaCountsAsync(Japan)).ToDictionary(a => a.Key, a => $"({a.Value})"), byArea);
        Assert.StartsWith("Dashboard · EU–Japan · ", page.Title);
        Assert.Equal("EU·JP", page.QuerySelector("[data-testid=partnership-mark]").Text());
    }

    [Fact]
    public async Task The_EU_Korea_dashboard_shows_its_own_Council_and_figures()
    {
        var reader = await portal.ReaderAsync("korea.dashboard@test.example.org");

        var page = await reader.GetDocumentAsync($"/?partnership={Korea}");

        Assert.Equal("EU–Korea Digital Partnership", page.QuerySelector("[data-testid=partnership-label]").Text());
        Assert.Contains("4 deliverables in 4 key outcomes", page.QuerySelector(".lead-muted").Text());
        Assert.Equal("Next Council: Brussels, Belgium, 2027", page.QuerySelector("[data-testid=next-council]").Text());
        Assert.StartsWith("EU–Korea · 3rd Council", page.QuerySelector(".next-council .small").Text());
        Assert.StartsWith("EU–Korea · 2nd Council — Seoul, Korea", page.QuerySelector("#latest-council ~ * a.fw-semibold, .card-body a.fw-semibold").Text());
        Assert.Equal("EU·KR", page.QuerySelector("[data-testid=partnership-mark]").Text());
        Assert.All(page.QuerySelectorAll("a.status-tile"), tile => Assert.Contains($"partnership={Korea}", tile.GetAttribute("href")));
    }

    [Fact]
    public async Task The_overview_compares_both_partnerships_side_by_side()
    {
        var reader = await portal.ReaderAsync("overview@test.example.org");

        var page = await reader.GetDocumentAsync("/partnerships");

        var japan = page.QuerySelector($"tr[data-partnership={Japan}]")!;
        var korea = page.QuerySelector($"tr[data-partnership={Korea}]")!;
        Assert.Equal(("6", "4"), (japan.QuerySelector("[data-testid=total]").Text(), korea.QuerySelector("[data-testid=total]").Text()));
        Assert.Equal(("4", "2"), (japan.QuerySelector("[data-status=not-started]").Text(), korea.QuerySelector("[data-status=not-started]").Text()));
        Assert.Equal(("17%", "25%"), (japan.QuerySelector("[data-testid=completed]").Text(), korea.QuerySelector("[data-testid=completed]").Text()));
        Assert.StartsWith("EU–Japan · 3rd Council: Tokyo, Japan, 2025", japan.QuerySelector("[data-testid=next-council]").Text());
        Assert.StartsWith("EU–Korea · 3rd Council: Brussels, Belgium, 2027", korea.QuerySelector("[data-testid=next-council]").Text());
        Assert.Equal($"/?partnership={Korea}", korea.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Contains("All partnerships", page.Texts("nav a"));
    }

    [Fact]
    public async Task The_list_chosen_for_Korea_shows_only_Korea_deliverables()
    {
        var reader = await portal.ReaderAsync("korea.list@test.example.org");

        var page = await reader.GetDocumentAsync($"/deliverables?partnership={Korea}");

        Assert.Equal("4", page.QuerySelector("[data-testid=total]").Text());
        Assert.Equal(portal.KoreaTitles.Order(), page.Texts("[data-testid=deliverables] td[data-label=Deliverable] > a").Order());
        Assert.All(page.Texts("[data-testid=deliverables] td[data-label=Deliverable] .small a:last-child"),
            council => Assert.Equal("EU–Korea · 2nd Council", council));
        Assert.Equal(["EU–Korea · 2nd Council, Seoul"], page.QuerySelectorAll("#meeting option:not([value=''])").Select(o => o.Text()));
        Assert.Equal(Korea, page.QuerySelector("#partnership option[selected]")?.GetAttribute("value"));

        var completed = await reader.GetDocumentAsync($"/deliverables?partnership={Korea}&status=completed");
        Assert.Equal("1", completed.QuerySelector("[data-testid=total]").Text());
    }

    [Fact]
    public async Task The_chosen_partnership_is_remembered_from_one_request_to_the_next()
    {
        var reader = await portal.ReaderAsync("remembers@test.example.org");
        Assert.Equal("10", (await reader.GetDocumentAsync("/deliverables")).QuerySelector("[data-testid=total]").Text());

        // The header's switcher is a plain GET form: what a browser without script sends.
        var dashboard = await reader.GetDocumentAsync("/");
        var switcher = dashboard.QuerySelector("[data-testid=partnership-switcher]")!;
        Assert.Equal("/", switcher.GetAttribute("action"));
        Assert.Equal("Partnership", switcher.QuerySelector("label[for=header-partnership]").Text());
        using (var chosen = await reader.GetAsync($"/?partnership={Korea}"))
        {
            Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith($"dpp.partnership={Korea};", StringComparison.Ordinal));
        }

        // Twice each, so the second answer may come from the page cache: it must be kept apart per partnership.
        for (var i = 0; i < 2; i++)
        {
            var list = await reader.GetDocumentAsync("/deliverables");
            Assert.Equal("4", list.QuerySelector("[data-testid=total]").Text());
            Assert.Equal(Korea, list.QuerySelector("#header-partnership option[selected]")?.GetAttribute("value"));
            Assert.Equal("EU–Korea Digital Partnership", (await reader.GetDocumentAsync("/")).QuerySelector("[data-testid=partnership-label]").Text());
        }

        await reader.GetDocumentAsync($"/milestones?partnership={Japan}");
        Assert.Equal("6", (await reader.GetDocumentAsync("/deliverables")).QuerySelector("[data-testid=total]").Text());
        Assert.StartsWith("Deliverables · EU–Japan · ", (await reader.GetDocumentAsync("/deliverables")).Title);

        await reader.GetDocumentAsync("/?partnership=all");
        Assert.Equal("10", (await reader.GetDocumentAsync("/deliverables")).QuerySelector("[data-testid=total]").Text());
        Assert.Equal("All partnerships", (await reader.GetDocumentAsync("/")).QuerySelector("[data-testid=partnership-label]").Text());
    }

    [Fact]
    public async Task Every_list_names_each_Council_with_its_partnership()
    {
        var reader = await portal.ReaderAsync("names@test.example.org");

        var list = await reader.GetDocumentAsync("/deliverables?partnership=all");
        Assert.Equal(["EU–Korea · 2nd Council, Seoul", "EU–Japan · 2nd Council, Brussels"],
            list.QuerySelectorAll("#meeting option:not([value=''])").Select(o => o.Text()).Order(StringComparer.Ordinal).Reverse());
        Assert.All(list.Texts("[data-testid=deliverables] td[data-label=Deliverable] .small a:last-child"),
            council => Assert.Matches("^EU–(Japan|Korea) · 2nd Council$", council));

        var outcomes = await reader.GetDocumentAsync("/outcomes");
        Assert.Contains("EU–Korea · 2nd Council, Seoul", outcomes.Texts("tbody td[data-label=Council]"));
        Assert.Contains("EU–Japan · 2nd Council, Brussels", outcomes.Texts("tbody td[data-label=Council]"));

        var meetings = await reader.GetDocumentAsync("/meetings");
        Assert.Equal(["EU–Japan · 2nd Council", "EU–Korea · 2nd Council"], meetings.Texts("tbody td[data-label=Council] a").Order(StringComparer.Ordinal));
        var koreaMeeting = meetings.QuerySelectorAll("tbody td[data-label=Council] a").First(a => a.TextContent.Contains("Korea")).GetAttribute("href")!;
        Assert.Equal("EU–Korea · 2nd Council, Seoul, Korea", (await reader.GetDocumentAsync(koreaMeeting)).QuerySelector("h1").Text());

        var milestones = await reader.GetDocumentAsync("/milestones");
        var timeline = milestones.Texts("[data-testid=timeline] li");
        Assert.Contains(timeline, entry => entry.Contains("EU–Korea · 2nd Council held in Seoul, Korea"));
        Assert.Contains(timeline, entry => entry.Contains("EU–Japan · 2nd Council held in Brussels"));
        Assert.All(timeline.Where(entry => entry.Contains("Council held")), entry => Assert.Matches("EU–(Japan|Korea) · ", entry));

        var deliverable = await reader.GetDocumentAsync($"/deliverables/{portal.KoreaDeliverableId}");
        Assert.Contains("EU–Korea · 2nd Council (Seoul, Korea, 12 March 2024)", deliverable.QuerySelector("[aria-labelledby=provenance-heading]").Text());
        var outcome = await reader.GetDocumentAsync("/outcomes");
        var koreaOutcome = outcome.QuerySelectorAll("tbody tr").First(row => row.TextContent.Contains("EU–Korea")).QuerySelector("td a")!.GetAttribute("href")!;
        Assert.Contains("of the EU–Korea · 2nd Council (Seoul", (await reader.GetDocumentAsync(koreaOutcome)).QuerySelector(".eyebrow").Text());

        var area = await reader.GetDocumentAsync("/areas/semiconductors");
        var councils = area.Texts("section[aria-labelledby=outcomes-heading] .list-group-item .small");
        Assert.Contains(councils, line => line.StartsWith("EU–Korea · 2nd Council ·", StringComparison.Ordinal));
        Assert.All(councils, line => Assert.Matches("^EU–(Japan|Korea) · 2nd Council · ", line));
    }

    [Fact]
    public async Task Follow_through_offers_only_the_same_partnerships_earlier_Councils_and_names_the_Council_with_its_partnership()
    {
        var editor = await portal.ClientAsync(PortalRoles.Editor, "thread.names@test.example.org");

        var page = await editor.GetDocumentAsync($"/deliverables/{portal.KoreaDeliverableId}/thread");

        Assert.Contains("of the EU–Korea · 2nd Council (Seoul, Korea, 12 March 2024)", page.QuerySelector(".lead-muted").Text());
        // EU–Japan's 2nd Council met earlier, but a Korea commitment cannot continue a Japan one.
        Assert.Contains("No earlier Council of this partnership is stored", page.QuerySelector("section[aria-labelledby=add-heading]").Text());
    }

    [Fact]
    public async Task Milestones_and_the_meeting_list_keep_to_the_chosen_partnership()
    {
        var reader = await portal.ReaderAsync("korea.timeline@test.example.org");

        var milestones = await reader.GetDocumentAsync($"/milestones?partnership={Korea}");
        var timeline = milestones.Texts("[data-testid=timeline] li");
        Assert.Contains(timeline, entry => entry.Contains("EU–Korea · 2nd Council held in Seoul, Korea"));
        Assert.DoesNotContain(timeline, entry => entry.Contains("EU–Japan") || entry.Contains("Tokyo"));

        var meetings = await reader.GetDocumentAsync("/meetings");
        Assert.Equal(["EU–Korea · 2nd Council"], meetings.Texts("tbody td[data-label=Council] a"));
    }

    [Fact]
    public async Task The_report_and_its_export_follow_the_chosen_partnership()
    {
        var manager = await portal.ClientAsync(PortalRoles.Manager, "korea.report@test.example.org");

        var report = await manager.GetDocumentAsync($"/reports?partnership={Korea}");
        Assert.Equal("EU–Korea Digital Partnership: progress report", report.QuerySelector("h1").Text());
        Assert.Equal(Korea, report.QuerySelector("#partnership option[selected]")?.GetAttribute("value"));
        Assert.All(report.QuerySelectorAll("[data-testid=exports] a"), a => Assert.Contains($"partnership={Korea}", a.GetAttribute("href")));

        // The export, asked for without the partnership, reads the remembered one: the download holds what the page showed.
        using var csv = await manager.GetAsync("/reports/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 4, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains("EU–Korea · 2nd Council, Seoul", line));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/milestones")]
    [InlineData("/outcomes")]
    public async Task An_unknown_partnership_falls_back_to_all_with_a_message(string page)
    {
        var reader = await portal.ReaderAsync($"unknown{page.Replace('/', '.')}@test.example.org");

        var answer = await reader.GetDocumentAsync($"{page}?partnership=eu-atlantis");

        Assert.Equal("There is no partnership \"eu-atlantis\". Showing all partnerships instead; choose one from the list.",
            answer.QuerySelector("[data-testid=partnership-unknown]").Text());
        using var again = await reader.GetAsync(page);
        Assert.False(again.Headers.Contains("Set-Cookie")); // nothing was remembered
    }

    [Fact]
    public async Task An_unknown_partnership_in_a_filter_is_a_filter_problem_never_a_500()
    {
        var reader = await portal.ReaderAsync("unknown.filter@test.example.org");
        var manager = await portal.ClientAsync(PortalRoles.Manager, "unknown.report@test.example.org");

        var list = await reader.GetDocumentAsync("/deliverables?partnership=eu-atlantis", expectedStatus: 400);
        Assert.Contains("There is no partnership \"eu-atlantis\"", list.QuerySelector("[data-testid=filter-problems]").Text());
        Assert.Null(list.QuerySelector("[data-testid=partnership-unknown]"));
        var report = await manager.GetDocumentAsync("/reports?partnership=eu-atlantis", expectedStatus: 400);
        Assert.Contains("There is no partnership \"eu-atlantis\"", report.QuerySelector("[data-testid=filter-problems]").Text());
        using var export = await manager.GetAsync("/reports/export?format=csv&partnership=" + new string('x', 5000));
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    [Fact]
    public async Task A_meeting_asked_for_by_its_id_is_shown_whichever_partnership_was_chosen()
    {
        var reader = await portal.ReaderAsync("old.address@test.example.org");
        await reader.GetDocumentAsync($"/?partnership={Japan}");

        var list = await reader.GetDocumentAsync($"/deliverables?meeting={portal.KoreaMeetingId}");

        Assert.Equal("4", list.QuerySelector("[data-testid=total]").Text());
    }
}

/// <summary>The seeded portal on a real Kestrel port, with an EU–Korea Council (a text of our own) imported beside the seed.</summary>
public sealed class TwoPartnershipsPortal : IAsyncLifetime
{
    public const string KoreaText = "eu-korea-second-council-seoul.md";

    public PortalFactory Factory { get; } = new();

    public IReadOnlyList<string> KoreaTitles { get; private set; } = [];

    /// <summary>Where Kestrel listens (127.0.0.1, a free port).</summary>
    public Uri Address { get; private set; } = null!;

    public int KoreaMeetingId { get; private set; }

    public int KoreaDeliverableId { get; private set; }

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        Address = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Assert.Equal("127.0.0.1", Address.Host);

        await using var db = Factory.NewContext();
        var imported = await new CouncilImporter(db, TestFiles.Taxonomy, Factory.Clock)
            .ImportAsync(KoreaText, await File.ReadAllTextAsync(TestFiles.CouncilText(KoreaText)), CancellationToken.None);
        Assert.Equal(ImportOutcome.Imported, imported.Outcome);
        KoreaMeetingId = await db.Meetings.Where(m => m.Partnership.Slug == "eu-korea-digital-partnership").Select(m => m.Id).SingleAsync();
        KoreaTitles = await db.Deliverables.Where(d => d.Outcome.MeetingId == KoreaMeetingId).Select(d => d.Title).ToListAsync();
        KoreaDeliverableId = await db.Deliverables.Where(d => d.Outcome.MeetingId == KoreaMeetingId).MinAsync(d => d.Id);
        Assert.Equal(4, KoreaTitles.Count);
    }

    /// <summary>How many of the partnership's deliverables each area holds, by area name (areas with none left out), read from the store.</summary>
    public async Task<Dictionary<string, int>> AreaCountsAsync(string partnership)
    {
        await using var db = Factory.NewContext();
        var ids = db.Deliverables.Where(d => d.Outcome.Meeting.Partnership.Slug == partnership).Select(d => d.Id);
        var counts = await db.DeliverableAreaLinks.Where(link => ids.Contains(link.OwnerId)).GroupBy(link => link.AreaId)
            .Select(g => new { AreaId = g.Key, Count = g.Count() }).ToListAsync();
        var names = await db.Areas.ToDictionaryAsync(a => a.Id, a => a.Name);
        return counts.ToDictionary(c => names[c.AreaId], c => c.Count);
    }

    /// <summary>A reader (Staff) of their own, so one test's remembered partnership is no other test's.</summary>
    public Task<HttpClient> ReaderAsync(string email) => ClientAsync(PortalRoles.Staff, email);

    /// <summary>An account with <paramref name="role"/>, signed in through the sign-in form over the real port, with a cookie jar of its own.</summary>
    public async Task<HttpClient> ClientAsync(string role, string email)
    {
        await Factory.EnsureAccountAsync(email, role);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        await PortalFactory.SignInAsync(client, email, PortalFactory.Password);
        return client;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
