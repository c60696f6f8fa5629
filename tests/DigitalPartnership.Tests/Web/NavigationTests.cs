using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Web;

/// <summary>
/// Links, forms and messages as routing and the policies make them: the current page marked, filters kept, actions
/// offered only to those allowed, and no message a crafted address can summon.
/// </summary>
public sealed class NavigationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly HttpClient _reader = portal.StaffClient;

    [Fact]
    public async Task The_main_navigation_marks_the_current_page_and_the_section_of_a_page_inside_it()
    {
        var list = await _reader.GetDocumentAsync("/outcomes");
        var current = Assert.Single(list.QuerySelectorAll("nav[aria-label=Main] [aria-current]"));
        Assert.Equal(("Outcomes", "page", "/outcomes"), (current.Text(), current.GetAttribute("aria-current"), current.GetAttribute("href")));

        var outcome = list.QuerySelector("tbody td[data-label=Outcome] a")!.GetAttribute("href")!;
        var inside = Assert.Single((await _reader.GetDocumentAsync(outcome)).QuerySelectorAll("nav[aria-label=Main] [aria-current]"));
        Assert.Equal(("Outcomes", "true"), (inside.Text(), inside.GetAttribute("aria-current")));

        var dashboard = Assert.Single((await _reader.GetDocumentAsync("/")).QuerySelectorAll("nav[aria-label=Main] [aria-current]"));
        Assert.Equal(("Dashboard", "page"), (dashboard.Text(), dashboard.GetAttribute("aria-current")));
    }

    [Fact]
    public async Task A_crafted_address_announces_nothing()
    {
        int deliverableId, meetingId;
        await using (var db = portal.Factory.NewContext())
        {
            deliverableId = await db.Deliverables.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            meetingId = await db.Meetings.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        }

        foreach (var address in new[] { "/deliverables?updated=99999", $"/deliverables/{deliverableId}?saved=1", $"/meetings/{meetingId}?imported=1&already=1" })
        {
            var page = await _reader.GetDocumentAsync(address);

            Assert.Empty(page.QuerySelectorAll("main .alert"));
            Assert.DoesNotContain("99,999", page.Body!.TextContent);
        }
    }

    [Fact]
    public async Task The_area_page_links_to_the_list_filtered_by_area_and_by_each_status()
    {
        var page = await _reader.GetDocumentAsync("/areas/6g");

        var byStatus = page.QuerySelectorAll("section[aria-labelledby=status-heading] li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(DeliverableStatusText.All.Select(s => $"/deliverables?area=6g&status={s.Slug()}"), byStatus);
        Assert.Contains("/deliverables?area=6g", page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Report_export_links_and_the_way_back_from_a_failed_export_keep_every_filter()
    {
        var manager = await portal.Factory.CreateClientAsync(PortalRoles.Manager);
        string partnership;
        int meeting;
        await using (var db = portal.Factory.NewContext())
        {
            partnership = await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync();
            meeting = await db.Meetings.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        }

        var filters = $"partnership={partnership}&meeting={meeting}&area=6g&status=in-progress&q=research&lead=METI"
            + "&targetFrom=2025-01-01&targetTo=2027-12-31&asOf=2026-11-28&since=2024-01-01";
        var report = await manager.GetDocumentAsync("/reports?" + filters);
        Assert.Equal(
            new[] { "csv", "xlsx", "pdf" }.Select(format => $"/reports/export?{filters}&format={format}"),
            report.QuerySelectorAll("[data-testid=exports] a").Select(a => a.GetAttribute("href")));

        var failed = await manager.GetDocumentAsync($"/reports/export?{filters}&format=docx", expectedStatus: 400);
        Assert.Equal("/reports?" + filters, failed.QuerySelector("main a.btn")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData(PortalRoles.Staff, "")]
    [InlineData(PortalRoles.Editor, "Update Correct Add-a-deliverable Import-a-Council-text")]
    [InlineData(PortalRoles.Manager, "Reports")]
    [InlineData(PortalRoles.Admin, "Update Correct Add-a-deliverable Import-a-Council-text Reports Admin")]
    public async Task Pages_offer_an_action_only_to_those_its_policy_allows(string role, string offered)
    {
        var client = await portal.Factory.CreateClientAsync(role);
        string outcome;
        int deliverable;
        await using (var db = portal.Factory.NewContext())
        {
            outcome = await db.Outcomes.OrderBy(o => o.Id).Select(o => o.Slug).FirstAsync();
            deliverable = await db.Deliverables.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        }

        var links = new List<string>();
        foreach (var address in new[] { $"/deliverables/{deliverable}", $"/outcomes/{outcome}", "/meetings" })
        {
            links.AddRange((await client.GetDocumentAsync(address)).QuerySelectorAll("main a.btn").Select(a => a.Text().Replace(' ', '-')));
        }

        var menu = (await client.GetDocumentAsync("/")).QuerySelectorAll("nav[aria-label=Main] a.nav-link").Select(a => a.Text()).ToList();
        links.AddRange(menu.Where(name => name is "Reports" or "Admin"));

        Assert.Equal(offered, string.Join(' ', links));
        foreach (var (name, address) in new[] { ("Reports", "/reports"), ("Admin", "/admin") })
        {
            using var response = await client.GetAsync(address);
            Assert.Equal(links.Contains(name), response.StatusCode == HttpStatusCode.OK); // offered exactly where allowed
        }
    }
}
