using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace DigitalPartnership.BrowserTests;

/// <summary>
/// The seeded portal with one long key outcome (31 deliverables, many changes since 1 November): the reports page on
/// screen, without script, and printed from Chromium.
/// </summary>
public sealed class LongReport : IAsyncLifetime
{
    public const string Outcome = "Many AI deliverables";
    public const int Added = 31;

    private static readonly DeliverableStatus[] Others =
        [DeliverableStatus.NotStarted, DeliverableStatus.InProgress, DeliverableStatus.Completed, DeliverableStatus.Discontinued];

    public LivePortal Portal { get; } = new();

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        await using var db = Portal.NewContext();
        var meeting = await db.Meetings.Include(m => m.Outcomes).Where(m => m.Place.City == "Brussels").SingleAsync();
        var area = await db.Areas.OrderBy(a => a.Position).FirstAsync();
        var outcome = meeting.AddOutcome("many-ai-deliverables", Outcome, "A long outcome, to make the report long.", [area]);
        var start = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= Added; i++)
        {
            var d = outcome.AddDeliverable($"Deliverable {i}: a long commitment title that has to wrap onto a second line in the narrow column of a printed table",
                DeliverableStatus.NotStarted, null, [area], start.AddDays(3 * i), "test", "Added by the test.");
            // Three overdue and three at risk: key issues short enough for the first page of the PDF.
            var status = i switch { <= 3 => DeliverableStatus.InProgress, <= 6 => DeliverableStatus.AtRisk, _ => Others[i % Others.Length] };
            d.ChangeStatus(status, status == DeliverableStatus.Completed ? 100 : 10 + i, $"Reason {i}: the working group met and wrote this note.", "editor@example.org",
                new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc).AddHours(i));
            var target = i <= 3 ? new DateOnly(2026, 10, 1) : i <= 6 ? new DateOnly(2027, 3, 1) : (DateOnly?)null;
            d.SetResponsibility($"DG CONNECT unit {i}", $"MIC bureau {i}", target, "test", new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc));
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Portal.DisposeAsync();
}

/// <summary>A manager reads a long report on screen and prints it from the browser.</summary>
public sealed class ReportPrintingTests : IClassFixture<LongReport>
{
    private const string Address = "/reports?since=2026-11-01";
    private readonly LivePortal _portal;

    public ReportPrintingTests(LongReport report) => _portal = report.Portal;

    [BrowserFact]
    public async Task The_printed_report_keeps_the_order_of_the_pdf_briefing_and_no_chart_or_table_overlaps_another()
    {
        var (page, consoleErrors) = await _portal.NewPageAsync();
        await _portal.SignInAsync(page, PortalRoles.Manager);
        await page.GotoAsync(_portal.BaseUrl + Address);
        await _portal.ScreenshotAsync(page, "report-long");

        // The PDF briefing of the same filters: its sections, as its bookmarks name them.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF briefing", Exact = true }).ClickAsync());
        var briefingPath = Path.Combine(LivePortal.OutputFolder, "report-long-briefing.pdf");
        await download.SaveAsAsync(briefingPath);
        List<string> briefingSections;
        using (var briefing = PdfDocument.Open(briefingPath))
        {
            Assert.True(briefing.TryGetBookmarks(out var bookmarks));
            briefingSections = bookmarks.Roots.Select(b => Words(b.Title)).ToList();
        }

        // An A4 page's printable width (210 mm less 12 mm margins) at 96 px per inch, in print media.
        await page.SetViewportSizeAsync(703, 1000);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await _portal.ScreenshotAsync(page, "report-long-print-media");
        var headings = (await page.Locator(".report h2").AllInnerTextsAsync()).Select(Words).ToList();
        Assert.Equal(["Summary", "Key issues", "What changed since 1 November 2026", "Key outcomes", "From one Council to the next", "Figures by area",
            "Progress over time", "Changes since 1 November 2026"], headings);
        Assert.Equal(briefingSections, headings);

        var sections = System.Text.Json.JsonSerializer.Deserialize<SectionBoxes[]>(await page.EvaluateAsync<string>(BoxesScript))!;
        Assert.Equal(headings.Count, sections.Length);
        for (var i = 1; i < sections.Length; i++)
        {
            Assert.True(sections[i - 1].Box.Bottom <= sections[i].Box.Top + 0.5,
                $"section {sections[i - 1].Id} ({sections[i - 1].Box}) runs into {sections[i].Id} ({sections[i].Box})");
        }

        foreach (var section in sections)
        {
            foreach (var part in section.Parts)
            {
                Assert.True(section.Box.Contains(part.Box), $"{part.Name} ({part.Box}) spills out of section {section.Id} ({section.Box})");
            }

            foreach (var bar in section.Bars)
            {
                Assert.True(bar.Cell.Contains(bar.Box), $"a status bar ({bar.Box}) spills out of its cell ({bar.Cell}) in {section.Id}");
            }

            for (var a = 0; a < section.Parts.Length; a++)
            {
                for (var b = a + 1; b < section.Parts.Length; b++)
                {
                    Assert.False(section.Parts[a].Box.Overlaps(section.Parts[b].Box),
                        $"in {section.Id}, {section.Parts[a].Name} ({section.Parts[a].Box}) overlaps {section.Parts[b].Name} ({section.Parts[b].Box})");
                }
            }
        }

        var chart = sections.Single(s => s.Id == "progress-over-time").Parts.Single(p => p.Name.StartsWith("svg"));
        Assert.True(chart.Box.Height is > 50 and <= 8 / 2.54 * 96 + 1, $"the chart is {chart.Box.Height} px high on paper");

        // And on paper, as Chromium prints it: the same order, without the filters, buttons or "show all" links.
        var printed = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, Path = Path.Combine(LivePortal.OutputFolder, "report-long-printed.pdf") });
        using var pdf = PdfDocument.Open(printed);
        Assert.True(pdf.NumberOfPages > 1);
        var text = Words(string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))));
        var at = headings.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        Assert.DoesNotContain("Show all", text);
        Assert.DoesNotContain("Apply", text);
        Assert.Contains("10 of 31 shown", text);
        Assert.Empty(consoleErrors);
    }

    [BrowserFact]
    public async Task A_long_table_shows_its_first_rows_and_all_of_them_on_demand_without_script()
    {
        var (page, consoleErrors) = await _portal.NewPageAsync(javaScript: false);
        await _portal.SignInAsync(page, PortalRoles.Manager, "manager-without-script@test.example.org");
        await page.GotoAsync(_portal.BaseUrl + Address);

        var section = page.GetByTestId("outcome-section").Filter(new() { HasText = LongReport.Outcome });
        await Expect(section.Locator("tbody tr")).ToHaveCountAsync(10);
        await Expect(section.GetByTestId("more-rows")).ToContainTextAsync($"10 of {LongReport.Added} shown");
        var changes = page.GetByTestId("changes").Locator("tbody tr");
        await Expect(changes).ToHaveCountAsync(10);
        // The seed's own deliverables were added on the portal's day, after 1 November: their additions are changes too.
        var changeCount = int.Parse(System.Text.RegularExpressions.Regex.Match(
            await page.Locator("#changes [data-testid=more-rows]").InnerTextAsync(), @"10 of (\d+) shown").Groups[1].Value);
        Assert.True(changeCount > LongReport.Added);

        await section.GetByRole(AriaRole.Link, new() { Name = $"Show all {LongReport.Added}" }).ClickAsync();

        Assert.Contains("all=true", page.Url);
        Assert.Contains("since=2026-11-01", page.Url);
        await Expect(section.Locator("tbody tr")).ToHaveCountAsync(LongReport.Added);
        Assert.Equal("Deliverable 31", (await section.Locator("tbody tr").Last.Locator("td").First.InnerTextAsync())[..14]);
        await Expect(changes).ToHaveCountAsync(changeCount);
        await _portal.ScreenshotAsync(page, "report-long-all");

        await section.GetByRole(AriaRole.Link, new() { Name = "Show the first 10 only" }).ClickAsync();
        await Expect(section.Locator("tbody tr")).ToHaveCountAsync(10);
        Assert.Empty(consoleErrors);
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Each section of the report with the boxes of its blocks (charts, tables, legends, the "shown" lines) and of each
    /// status bar with its cell, in page coordinates.
    /// </summary>
    private const string BoxesScript = """
        () => {
          const box = e => { const r = e.getBoundingClientRect(); return { Left: r.left, Top: r.top + scrollY, Width: r.width, Height: r.height }; };
          return JSON.stringify([...document.querySelectorAll('.report > .report-section')].map(s => ({
            Id: s.id,
            Box: box(s),
            Parts: [...s.querySelectorAll('svg.progress-chart, table, .legend, .more-rows, .tile-col > .card')]
              .map(p => ({ Name: p.tagName.toLowerCase() + '.' + (p.getAttribute('class') || '').trim().replaceAll(' ', '.'), Box: box(p) })),
            Bars: [...s.querySelectorAll('svg.status-bar')].map(b => ({ Box: box(b), Cell: box(b.closest('td')) })),
          })));
        }
        """;

    public sealed class Box
    {
        public double Left { get; set; }
        public double Top { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
        public double Right => Left + Width;
        public double Bottom => Top + Height;

        public bool Contains(Box other) =>
            other.Left >= Left - 1 && other.Right <= Right + 1 && other.Top >= Top - 1 && other.Bottom <= Bottom + 1;

        /// <summary>Overlapping by more than half a pixel each way: boxes that merely touch do not overlap.</summary>
        public bool Overlaps(Box other) =>
            Math.Min(Right, other.Right) - Math.Max(Left, other.Left) > 0.5 && Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top) > 0.5;

        public override string ToString() => $"x {Left:0}–{Right:0}, y {Top:0}–{Bottom:0}";
    }

    public sealed class Part
    {
        public string Name { get; set; } = "";
        public Box Box { get; set; } = new();
    }

    public sealed class Bar
    {
        public Box Box { get; set; } = new();
        public Box Cell { get; set; } = new();
    }

    public sealed class SectionBoxes
    {
        public string Id { get; set; } = "";
        public Box Box { get; set; } = new();
        public Part[] Parts { get; set; } = [];
        public Bar[] Bars { get; set; } = [];
    }
}
