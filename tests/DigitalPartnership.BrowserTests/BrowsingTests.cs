using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalPartnership.BrowserTests;

/// <summary>A reader in real Chromium: the dashboard, the filtered list, one deliverable.</summary>
public sealed class BrowsingTests : IClassFixture<LivePortal>
{
    private readonly LivePortal _portal;

    public BrowsingTests(LivePortal portal) => _portal = portal;

    [BrowserFact]
    public async Task Reader_opens_the_dashboard_filters_the_deliverables_and_opens_one()
    {
        var (page, consoleErrors) = await _portal.NewPageAsync();
        await _portal.SignInAsync(page, Core.Accounts.PortalRoles.Staff);

        await page.GotoAsync(_portal.BaseUrl + "/");
        await Expect(page.GetByTestId("next-council")).ToHaveTextAsync("Next Council: Tokyo, Japan, 2025");
        await _portal.ScreenshotAsync(page, "dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Deliverables", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(_portal.BaseUrl + "/deliverables");
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "In progress" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("result-count").GetByTestId("total")).ToHaveTextAsync("1");
        await _portal.ScreenshotAsync(page, "deliverables-in-progress");

        await page.GetByRole(AriaRole.Link, new() { Name = "Collaborative research projects have been launched for 6G" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Collaborative research projects have been launched for 6G, with a focus on global standardization");
        await Expect(page.Locator("main .status").First).ToHaveTextAsync("In progress");
        await Expect(page.GetByTestId("provenance")).ToContainTextAsync("A team of experts will be established");
        await Expect(page.GetByTestId("history").Locator("tbody tr")).ToHaveCountAsync(1);
        await _portal.ScreenshotAsync(page, "deliverable");

        Assert.Empty(consoleErrors); // no asset blocked by the Content-Security-Policy, no script error
    }

    [BrowserFact]
    public async Task On_a_phone_the_pages_fit_the_screen_and_the_menu_opens()
    {
        var (page, consoleErrors) = await _portal.NewPageAsync(width: 390, height: 844);
        await _portal.SignInAsync(page, Core.Accounts.PortalRoles.Staff, "phone.reader@test.example.org");

        foreach (var path in new[] { "/", "/deliverables", "/outcomes", $"/meetings/{await _portal.SeededMeetingIdAsync()}" })
        {
            await page.GotoAsync(_portal.BaseUrl + path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a phone screen");
        }

        await page.GotoAsync(_portal.BaseUrl + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show navigation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Milestones" })).ToBeVisibleAsync();
        await _portal.ScreenshotAsync(page, "dashboard-phone");
        Assert.Empty(consoleErrors);
    }

    /// <summary>Every choice of every list in the filters, measured in the list's own font against the room inside it.</summary>
    private const string ChoicesCutOff = """
        () => Array.from(document.querySelectorAll('main select')).flatMap(select => {
            const style = getComputedStyle(select);
            const context = document.createElement('canvas').getContext('2d');
            context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            const label = select.labels.length ? select.labels[0].textContent.trim() : select.name;
            return Array.from(select.options)
                .filter(option => context.measureText(option.text).width > room + 0.5)
                .map(option => `"${label}": "${option.text}" needs ${Math.ceil(context.measureText(option.text).width)}px, has ${Math.floor(room)}px`);
        })
        """;

    [BrowserTheory]
    [InlineData(390)]
    [InlineData(576)]
    [InlineData(768)]
    [InlineData(1024)]
    [InlineData(1200)]
    [InlineData(1280)]
    [InlineData(1440)]
    public async Task No_choice_of_the_filter_lists_is_cut_off_Sort_by_included(int width)
    {
        var (page, _) = await _portal.NewPageAsync(width, 900);
        await _portal.SignInAsync(page, Core.Accounts.PortalRoles.Admin, $"lists.{width}@test.example.org");

        foreach (var path in new[] { "/deliverables", "/admin/audit" })
        {
            await page.GotoAsync(_portal.BaseUrl + path);
            var cutOff = await page.EvaluateAsync<string[]>(ChoicesCutOff);
            Assert.True(cutOff.Length == 0, $"At {width}px on {path}, choices are cut off:\n{string.Join("\n", cutOff)}");
        }

        await page.GotoAsync(_portal.BaseUrl + "/deliverables?sort=updated");
        await _portal.ScreenshotAsync(page, $"deliverables-sort-{width}");
    }
}
