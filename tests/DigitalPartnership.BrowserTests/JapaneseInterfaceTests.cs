using System.Text;
using System.Text.RegularExpressions;
using DigitalPartnership.Core.Accounts;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace DigitalPartnership.BrowserTests;

/// <summary>
/// A manager in Tokyo switches the portal to Japanese on the dashboard and reads on: a deliverable, the report and its
/// PDF briefing, all in Japanese, with the English content marked as English for their screen reader.
/// </summary>
public sealed partial class JapaneseInterfaceTests(LivePortal portal) : IClassFixture<LivePortal>
{
    [BrowserFact]
    public async Task Switched_to_Japanese_on_the_dashboard_every_label_on_the_way_to_the_PDF_is_Japanese()
    {
        var (page, consoleErrors) = await portal.NewPageAsync();
        await portal.SignInAsync(page, PortalRoles.Manager);
        await page.GotoAsync(portal.BaseUrl + "/");

        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "メイン" }).GetByRole(AriaRole.Link, new() { Name = "成果物" })).ToBeVisibleAsync();
        var untranslated = new StringBuilder();
        var violations = new StringBuilder();
        await CheckAsync(page, "ja-dashboard", untranslated, violations);

        // A deliverable, from the list.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メイン" }).GetByRole(AriaRole.Link, new() { Name = "成果物" }).ClickAsync();
        await CheckAsync(page, "ja-deliverables", untranslated, violations);
        await page.Locator("main table tbody tr a[href^='/deliverables/']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/deliverables/\d+$"));
        await CheckAsync(page, "ja-deliverable", untranslated, violations);

        // The report, and its PDF briefing.
        await page.GetByRole(AriaRole.Link, new() { Name = "レポート" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/reports"));
        await CheckAsync(page, "ja-report", untranslated, violations);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href*='format=pdf']").First.ClickAsync());
        var path = Path.Combine(LivePortal.OutputFolder, "ja-briefing.pdf");
        await download.SaveAsAsync(path);
        using (var briefing = PdfDocument.Open(path))
        {
            Assert.True(briefing.TryGetBookmarks(out var bookmarks), "the briefing has no bookmarks");
            var sections = bookmarks.Roots.Select(b => b.Title).ToList();
            Assert.NotEmpty(sections);
            Assert.All(sections, title => Assert.Matches(JapaneseScript(), title));
            var firstPage = string.Concat(briefing.GetPage(1).Letters.Select(l => l.Value));
            Assert.Contains("成果物", firstPage);
        }

        Assert.True(untranslated.Length == 0, "English the portal wrote on Japanese pages:\n" + untranslated);
        Assert.True(violations.Length == 0, "axe (WCAG 2.2 AA) on the Japanese pages:\n" + violations);
        Assert.Empty(consoleErrors);
    }

    [BrowserFact]
    public async Task Switching_back_to_English_keeps_the_reader_on_their_page()
    {
        var (page, _) = await portal.NewPageAsync();
        await portal.SignInAsync(page, PortalRoles.Staff);
        var deliverable = await portal.DeliverableIdAsync();
        var address = $"{portal.BaseUrl}/deliverables/{deliverable}";
        await page.GotoAsync(address);

        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page).ToHaveURLAsync(address);
        // The seed was imported on the test clock's day, and the history says when.
        await Expect(page.Locator("main")).ToContainTextAsync("2026年11月29日");
        await portal.ScreenshotAsync(page, "ja-deliverable-switched");

        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(address);
        await Expect(page.Locator("main")).ToContainTextAsync("29 Nov 2026");
    }

    [BrowserFact]
    public async Task The_bulk_update_asks_its_question_in_Japanese()
    {
        var (page, consoleErrors) = await portal.NewPageAsync();
        await portal.SignInAsync(page, PortalRoles.Editor);
        await page.GotoAsync(portal.BaseUrl + "/language?to=ja&return=/deliverables%3Fstatus%3Din-progress");

        await page.Locator("[data-select-all]").CheckAsync();
        await Expect(page.Locator("[data-bulk-count]")).ToHaveTextAsync("成果物 1 件を選択中");
        await page.Locator("[data-bulk-status]").SelectOptionAsync("at-risk");
        await page.Locator("[data-bulk-progress]").FillAsync("40");
        await page.Locator("[data-bulk-review]").ClickAsync();

        await Expect(page.Locator("[data-bulk-question]"))
            .ToHaveTextAsync("成果物 1 件のステータスを「リスクあり」に、進捗を 40% に変更しますか？それぞれに履歴が1行追加されます。");
        await Expect(page.Locator("[data-bulk-confirm]")).ToHaveTextAsync("成果物 1 件を更新");
        await portal.ScreenshotAsync(page, "ja-bulk-question");
        Assert.Empty(consoleErrors);
    }

    /// <summary>Takes a screenshot, lists the visible English the portal wrote itself, and runs axe.</summary>
    private async Task CheckAsync(IPage page, string name, StringBuilder untranslated, StringBuilder violations)
    {
        await portal.ScreenshotAsync(page, name);
        foreach (var text in await page.EvaluateAsync<string[]>(VisibleInterfaceTexts))
        {
            var words = LatinWord().Matches(NotWords().Replace(text, " ")).Select(m => m.Value).Where(w => !Names.Contains(w)).ToList();
            if (words.Count > 0)
            {
                untranslated.AppendLine($"- {name}: {text}");
            }
        }

        await AxeScan.AppendViolationsAsync(page, name, violations);
    }

    /// <summary>The texts a reader sees on the page, outside elements marked as another language than the page's.</summary>
    private const string VisibleInterfaceTexts = """
        () => {
          const texts = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent.trim();
            const element = node.parentElement;
            if (!text || !element || element.closest('script, style, code, pre, kbd, samp')) continue;
            const marked = element.closest('[lang]');
            if (marked && !marked.getAttribute('lang').startsWith('ja')) continue;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
            texts.push(text);
          }
          return texts;
        }
        """;

    /// <summary>Names that stay as they are in Japanese: the partners, formats and standards.</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "EU", "JP", "PDF", "CSV", "XLSX", "API", "UTC", "URL", "Atom", "iCal", "AI", "ICT", "ISO", "English",
    };

    [GeneratedRegex(@"\p{IsHiragana}|\p{IsKatakana}|\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex JapaneseScript();

    [GeneratedRegex(@"(?<![\p{L}\d])[A-Za-z][A-Za-z'’]+(?![\p{L}\d])")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\S+@\S+|https?://\S+|(?<!\S)/\S*|\b[A-Za-z]*\d[\w-]*|#\w+")]
    private static partial Regex NotWords();
}
