using System.Text;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalPartnership.BrowserTests;

/// <summary>
/// An editor imports the EU–Japan 3rd Council text in real Chromium: the preview proposes links to the seeded 2nd
/// Council's deliverables, the editor ticks one, and the earlier deliverable's page then follows the commitment to the
/// Council that reported on it. The preview and the thread have no axe (WCAG 2.2 AA) violation.
/// </summary>
public sealed class FollowThroughTests(LivePortal portal) : IClassFixture<LivePortal>
{
    [BrowserFact]
    public async Task The_import_preview_proposes_links_and_the_one_ticked_becomes_the_thread_on_both_deliverables()
    {
        var (page, consoleErrors) = await portal.NewPageAsync();
        await portal.SignInAsync(page, PortalRoles.Editor);
        var violations = new StringBuilder();
        var expertTeam = await portal.DeliverableIdAsync("A team of experts");

        await page.GotoAsync(portal.BaseUrl + "/meetings/import");
        await page.GetByLabel("Council text").FillAsync(await File.ReadAllTextAsync(TestFiles.CouncilText("eu-japan-third-council-tokyo.md")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();

        var proposals = page.GetByTestId("link-proposal");
        await Expect(proposals.First).ToBeVisibleAsync();
        Assert.True(await proposals.CountAsync() >= 3, "the expert team, 6G research and submarine cables are each proposed");
        var expertLink = page.GetByRole(AriaRole.Checkbox, new() { Name = $"#{expertTeam} A team of experts will be established" });
        await Expect(expertLink).Not.ToBeCheckedAsync();
        await Expect(page.GetByText("shared words: expert", new() { Exact = false }).First).ToBeVisibleAsync();
        await AxeScan.AppendViolationsAsync(page, "import-preview", violations);
        await portal.ScreenshotAsync(page, "follow-through-preview");

        await expertLink.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToContainTextAsync("Imported, with 1 link to earlier Councils’ deliverables.");

        await page.GotoAsync(portal.BaseUrl + $"/deliverables/{expertTeam}");
        var steps = page.GetByTestId("thread-step");
        await Expect(steps).ToHaveCountAsync(2);
        await Expect(steps.Nth(0)).ToContainTextAsync("Made at the 2nd Council");
        await Expect(steps.Nth(1)).ToContainTextAsync("Reported at the 3rd Council (Tokyo, Japan, 12 May 2025)");
        await AxeScan.AppendViolationsAsync(page, "deliverable-thread", violations);
        await portal.ScreenshotAsync(page, "follow-through-thread");

        // Following the thread to the later deliverable, whose page leads back.
        await steps.Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("The team of experts on semiconductors has completed its research programme on chip design");
        await Expect(page.GetByTestId("thread-step").Nth(0).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/deliverables/{expertTeam}");

        Assert.True(violations.Length == 0, $"axe found WCAG 2.2 AA violations:\n{violations}");
        Assert.Empty(consoleErrors);
    }
}
