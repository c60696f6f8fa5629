using System.Text;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalPartnership.BrowserTests;

/// <summary>
/// axe-core (WCAG 2.2 A and AA rules) on every page each role can open, in every state that changes what is drawn (an
/// empty result, a filter problem, a form in error, a conflict, an import preview), at desktop and phone width, in
/// real Chromium: a contrast, label or landmark regression fails the build.
/// </summary>
public sealed class AccessibilityTests(LivePortal portal) : IClassFixture<LivePortal>
{
    public const int Desktop = 1280;
    public const int Phone = 390;


    public static TheoryData<string, int> RolesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var role in PortalRoles.All)
        {
            data.Add(role, Desktop);
            data.Add(role, Phone);
        }

        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(RolesAndWidths))]
    public async Task Every_page_a_role_can_open_has_no_axe_violation(string role, int width)
    {
        var (page, consoleErrors) = await portal.NewPageAsync(width, width == Phone ? 844 : 900);
        await portal.SignInAsync(page, role, $"{role.ToLowerInvariant()}.axe.{width}@test.example.org");
        var scan = new Scan(page, role == PortalRoles.Admin ? $"{role.ToLowerInvariant()}-{width}" : null, portal);
        var canEdit = role is PortalRoles.Editor or PortalRoles.Admin;
        var canReport = role is PortalRoles.Manager or PortalRoles.Admin;
        var meeting = await portal.SeededMeetingIdAsync();
        var deliverable = await portal.DeliverableIdAsync("Collaborative research projects");

        await scan.PageAsync("/", "dashboard");
        await scan.PageAsync("/outcomes", "outcomes");
        await scan.PageAsync("/outcomes/semiconductors-and-6g", "outcome");
        await scan.PageAsync("/areas", "areas");
        await scan.PageAsync("/areas/semiconductors", "area");
        await scan.PageAsync("/deliverables", "deliverables");
        await scan.PageAsync("/deliverables?q=zzzz-no-such-words", "deliverables-none");
        await scan.PageAsync("/deliverables?status=finished", "deliverables-problem", expectedStatus: 400);
        await scan.PageAsync($"/deliverables/{deliverable}", "deliverable");
        await scan.PageAsync("/meetings", "meetings");
        await scan.PageAsync($"/meetings/{meeting}", "meeting");
        await scan.PageAsync("/milestones", "milestones");
        await scan.PageAsync("/account/profile", "profile");
        // A time zone the list does not offer (as a tampered form would send): the profile's error summary.
        await page.EvalOnSelectorAsync("#Zone", "select => { select.add(new Option('Mars', 'Mars/Olympus_Mons')); select.value = 'Mars/Olympus_Mons'; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save time zone", Exact = true }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await scan.CurrentAsync("profile-error");
        await scan.PageAsync("/no/such/page", "not-found", expectedStatus: 404);

        if (canEdit)
        {
            await scan.PageAsync("/outcomes/semiconductors-and-6g/edit", "outcome-edit");
            await scan.PageAsync("/outcomes/semiconductors-and-6g/deliverables/new", "deliverable-new");
            await scan.PageAsync($"/deliverables/{deliverable}/edit", "deliverable-edit");

            await page.GetByLabel("Progress (%)").FillAsync("150");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
            await scan.CurrentAsync("deliverable-edit-error");

            await ShowConflictAsync(page, deliverable);
            await scan.CurrentAsync("deliverable-edit-conflict");
            await scan.PageAsync($"/deliverables/{deliverable}/thread", "deliverable-thread");

            // The bulk bar with two deliverables ticked, and the dialog that names the count.
            await scan.PageAsync("/deliverables", "deliverables-editor");
            await page.Locator("input[name=Selected]").Nth(0).CheckAsync();
            await page.Locator("input[name=Selected]").Nth(1).CheckAsync();
            await page.Locator("#bulk-status").SelectOptionAsync("in-progress");
            await page.Locator("[data-bulk-review]").ClickAsync();
            await Expect(page.Locator("[data-bulk-dialog]")).ToBeVisibleAsync();
            await scan.CurrentAsync("bulk-dialog");
            await page.Keyboard.PressAsync("Escape");

            await scan.PageAsync("/meetings/import", "import");
            await page.GetByLabel("Council text").FillAsync(await File.ReadAllTextAsync(TestFiles.SeedText));
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("preview")).ToBeVisibleAsync();
            await scan.CurrentAsync("import-preview");
        }

        if (canReport)
        {
            await scan.PageAsync("/reports", "reports");
        }

        if (role == PortalRoles.Admin)
        {
            await scan.PageAsync("/admin", "admin");
            await scan.PageAsync("/admin/users", "users");
            var user = await page.GetByTestId("users").GetByRole(AriaRole.Link).First.GetAttributeAsync("href");
            await scan.PageAsync(user!, "user");
            await scan.PageAsync("/admin/users/new", "user-new");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
            await scan.CurrentAsync("user-new-error");
            await scan.PageAsync("/admin/audit", "audit");
        }
        else
        {
            await scan.PageAsync("/admin", "not-allowed", expectedStatus: 403);
        }

        Assert.True(scan.Violations.Length == 0, $"axe-core found violations for {role} at {width}px:\n{scan.Violations}");
        Assert.Empty(scan.Unexpected(consoleErrors));
    }

    [BrowserTheory]
    [InlineData(Desktop)]
    [InlineData(Phone)]
    public async Task The_sign_in_page_has_no_axe_violation_before_and_after_a_mistake(int width)
    {
        var (page, consoleErrors) = await portal.NewPageAsync(width, width == Phone ? 844 : 900);
        var scan = new Scan(page, $"signin-{width}", portal);

        await scan.PageAsync("/account/signin", "signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await scan.CurrentAsync("signin-error");

        Assert.True(scan.Violations.Length == 0, $"axe-core found violations on the sign-in page at {width}px:\n{scan.Violations}");
        Assert.Empty(scan.Unexpected(consoleErrors));
    }

    /// <summary>Two tabs of one editor: the second saves first, so the first one's save meets the 409 comparison.</summary>
    private async Task ShowConflictAsync(IPage page, int deliverable)
    {
        var edit = $"{portal.BaseUrl}/deliverables/{deliverable}/edit";
        await page.GotoAsync(edit);
        // A second context with the same cookies: the same editor in another tab (pages made by Browser.NewPageAsync own their context).
        await using var otherTab = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { StorageState = await page.Context.StorageStateAsync() });
        var other = await otherTab.NewPageAsync();
        await other.GotoAsync(edit);
        await other.GetByLabel("Note for the history").FillAsync($"Saved first at {Guid.NewGuid():N}.");
        await other.GetByLabel("Progress (%)").FillAsync("35");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(other.GetByTestId("status-message")).ToBeVisibleAsync();
        await other.CloseAsync();

        await page.GetByLabel("Note for the history").FillAsync("Mine, saved second.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("conflict")).ToBeVisibleAsync();
    }

    /// <summary>Visits pages and collects every violation, so one run names them all rather than the first.</summary>
    private sealed class Scan
    {
        private readonly IPage _page;
        private readonly string? _screenshotPrefix;
        private readonly LivePortal _portal;
        private readonly HashSet<string> _errorPages = [];

        public Scan(IPage page, string? screenshotPrefix, LivePortal portal)
        {
            (_page, _screenshotPrefix, _portal) = (page, screenshotPrefix, portal);
            // The 400, 403, 404 and 409 pages are visited on purpose; Chromium logs each as a failed load.
            page.Response += (_, response) =>
            {
                if (response.Request.ResourceType == "document" && response.Status >= 400)
                {
                    _errorPages.Add(response.Url);
                }
            };
        }

        public StringBuilder Violations { get; } = new();

        /// <summary>Console errors other than the deliberate error pages' own status: a blocked asset or a script error.</summary>
        public IReadOnlyList<string> Unexpected(IEnumerable<string> consoleErrors) => consoleErrors
            .Where(error => !(error.StartsWith("Failed to load resource", StringComparison.Ordinal) && _errorPages.Any(error.Contains)))
            .ToList();

        public async Task PageAsync(string path, string name, int expectedStatus = 200)
        {
            var response = await _page.GotoAsync(_portal.BaseUrl + path);
            Assert.True(response?.Status == expectedStatus, $"{path} answered {response?.Status}, expected {expectedStatus}");
            await CurrentAsync(name);
        }

        public async Task CurrentAsync(string name)
        {
            await AxeScan.AppendViolationsAsync(_page, name, Violations);
            if (_screenshotPrefix is not null)
            {
                await _portal.ScreenshotAsync(_page, $"{_screenshotPrefix}-{name}");
            }
        }
    }
}
