using DigitalPartnership.Core.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalPartnership.BrowserTests;

/// <summary>A reader in Tokyo chooses their time zone on the profile and reads every time in it, UTC on hover.</summary>
public sealed class TimeZoneTests(LivePortal portal) : IClassFixture<LivePortal>
{
    [BrowserFact]
    public async Task A_reader_chooses_Tokyo_and_reads_the_history_in_Tokyo_time_with_UTC_on_hover()
    {
        var (page, consoleErrors) = await portal.NewPageAsync();
        await portal.SignInAsync(page, PortalRoles.Staff, "tokyo.reader@test.example.org");

        await page.GetByTestId("signed-in-as").ClickAsync();
        var zone = page.GetByLabel("Show times in");
        await Expect(zone.Locator("option").First).ToHaveTextAsync("Europe/Brussels (UTC+01:00)");
        await Expect(zone.Locator("option").Nth(1)).ToHaveTextAsync("Asia/Tokyo (UTC+09:00)");
        await zone.SelectOptionAsync("Asia/Tokyo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save time zone", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToContainTextAsync("Times are now shown in Tokyo time.");
        await Expect(zone).ToHaveValueAsync("Asia/Tokyo");
        await portal.ScreenshotAsync(page, "profile-tokyo");

        await page.GotoAsync($"{portal.BaseUrl}/deliverables/{await portal.DeliverableIdAsync()}");
        var time = page.GetByTestId("history").Locator("tbody tr time").First;
        await Expect(time).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} Tokyo time$"));
        var utc = DateTime.Parse((await time.GetAttributeAsync("datetime"))!, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal);
        await Expect(time).ToHaveAttributeAsync("title", utc.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + " UTC");
        await portal.ScreenshotAsync(page, "deliverable-tokyo");
        Assert.Empty(consoleErrors);
    }
}
