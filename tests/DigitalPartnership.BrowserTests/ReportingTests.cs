using DigitalPartnership.Core.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalPartnership.BrowserTests;

/// <summary>A manager in real Chromium opens the reports page, filters it, and downloads each format.</summary>
public sealed class ReportingTests : IClassFixture<LivePortal>
{
    private readonly LivePortal _portal;

    public ReportingTests(LivePortal portal) => _portal = portal;

    [BrowserFact]
    public async Task Manager_filters_the_report_and_downloads_csv_xlsx_and_pdf()
    {
        var (page, consoleErrors) = await _portal.NewPageAsync();
        await _portal.SignInAsync(page, PortalRoles.Manager);
        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("total")).ToHaveTextAsync("6");
        await _portal.ScreenshotAsync(page, "report");

        await page.GetByLabel("Area", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Semiconductors" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("total")).ToHaveTextAsync("2");

        foreach (var (link, extension) in new[] { ("CSV", ".csv"), ("XLSX", ".xlsx"), ("PDF briefing", ".pdf") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync());
            // The name says what was filtered: the partnership, the area and the day.
            Assert.Matches(@"^eu-japan-semiconductors-progress-\d{4}-\d{2}-\d{2}" + System.Text.RegularExpressions.Regex.Escape(extension) + "$", download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}{extension}");
            await download.SaveAsAsync(path);
            var bytes = await File.ReadAllBytesAsync(path);
            File.Delete(path);
            Assert.True(bytes.Length > 100, $"{download.SuggestedFilename} is only {bytes.Length} bytes");
            if (extension == ".csv")
            {
                // Two deliverables name semiconductors, as the page said: a header and two rows.
                Assert.Equal(3, System.Text.Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
            }
        }

        Assert.Empty(consoleErrors);
    }
}
