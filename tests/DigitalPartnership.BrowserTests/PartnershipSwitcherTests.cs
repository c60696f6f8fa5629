using System.Text;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalPartnership.BrowserTests;

/// <summary>
/// The header's partnership switcher in real Chromium, with an EU–Korea Council imported beside the seed: usable without
/// script, remembered, and free of axe (WCAG 2.2 AA) violations at phone and desktop width.
/// </summary>
public sealed class PartnershipSwitcherTests(LivePortal portal) : IClassFixture<LivePortal>
{
    private const string Korea = "eu-korea-digital-partnership";

    [BrowserFact]
    public async Task The_switcher_works_without_script_and_is_remembered()
    {
        await ImportKoreaAsync();
        var (page, consoleErrors) = await portal.NewPageAsync(javaScript: false);
        await portal.SignInAsync(page, PortalRoles.Staff, "switcher.noscript@test.example.org");

        await page.GotoAsync(portal.BaseUrl + "/outcomes");
        var switcher = page.GetByTestId("partnership-switcher");
        await switcher.GetByLabel("Partnership").SelectOptionAsync(Korea);
        await switcher.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + $"/outcomes?partnership={Korea}");
        await Expect(page.GetByTestId("partnership-label")).ToHaveTextAsync("EU–Korea");
        await Expect(page).ToHaveTitleAsync("Key outcomes · EU–Korea · Digital Partnership Portal");

        // Remembered: the next pages, reached without the choice in their address, keep to EU–Korea.
        await page.GotoAsync(portal.BaseUrl + "/deliverables");
        await Expect(page.GetByTestId("total")).ToHaveTextAsync("4");
        await page.GotoAsync(portal.BaseUrl + "/");
        await Expect(page.GetByTestId("partnership-label")).ToHaveTextAsync("EU–Korea Digital Partnership");
        Assert.Empty(consoleErrors);
    }

    [BrowserTheory]
    [InlineData(AccessibilityTests.Desktop)]
    [InlineData(AccessibilityTests.Phone)]
    public async Task The_switcher_and_the_pages_it_scopes_have_no_axe_violation(int width)
    {
        await ImportKoreaAsync();
        var (page, consoleErrors) = await portal.NewPageAsync(width, width == AccessibilityTests.Phone ? 844 : 900);
        await portal.SignInAsync(page, PortalRoles.Manager, $"switcher.{width}@test.example.org");
        var violations = new StringBuilder();

        await page.GotoAsync(portal.BaseUrl + "/");
        var switcher = page.GetByTestId("partnership-switcher");
        await Expect(switcher).ToBeVisibleAsync();
        await AxeScan.AppendViolationsAsync(page, "dashboard-all", violations);

        await switcher.GetByLabel("Partnership").SelectOptionAsync(Korea);
        await switcher.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("partnership-label")).ToHaveTextAsync("EU–Korea Digital Partnership");
        await Expect(page).ToHaveTitleAsync("Dashboard · EU–Korea · Digital Partnership Portal");
        await AxeScan.AppendViolationsAsync(page, "dashboard-korea", violations);

        await page.GotoAsync(portal.BaseUrl + "/deliverables");
        await Expect(page.GetByTestId("total")).ToHaveTextAsync("4");
        await AxeScan.AppendViolationsAsync(page, "deliverables-korea", violations);
        await page.GotoAsync(portal.BaseUrl + "/reports");
        await Expect(page.Locator("h1")).ToHaveTextAsync("EU–Korea Digital Partnership: progress report");
        await AxeScan.AppendViolationsAsync(page, "reports-korea", violations);
        await page.GotoAsync(portal.BaseUrl + "/partnerships");
        await AxeScan.AppendViolationsAsync(page, "overview", violations);
        await page.GotoAsync(portal.BaseUrl + "/milestones?partnership=eu-atlantis");
        await Expect(page.GetByTestId("partnership-unknown")).ToBeVisibleAsync();
        await AxeScan.AppendViolationsAsync(page, "unknown-partnership", violations);

        Assert.True(violations.Length == 0, $"axe found WCAG 2.2 AA violations at {width} px:\n{violations}");
        Assert.Empty(consoleErrors);
    }

    private async Task ImportKoreaAsync()
    {
        await using var db = portal.NewContext();
        var text = await File.ReadAllTextAsync(TestFiles.CouncilText("eu-korea-second-council-seoul.md"));
        // The same text twice changes nothing, so each width may ask.
        var result = await new CouncilImporter(db, TestFiles.Taxonomy, TimeProvider.System).ImportAsync("eu-korea-second-council-seoul.md", text, CancellationToken.None);
        Assert.Contains(result.Outcome, new[] { ImportOutcome.Imported, ImportOutcome.AlreadyImported });
    }
}
