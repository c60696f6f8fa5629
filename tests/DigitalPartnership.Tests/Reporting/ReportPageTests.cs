using System.Net;
using System.Text;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>The reports page and its exports through the web: the same figures, the same filters, clear refusals.</summary>
public sealed class ReportPageTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _manager = null!;

    public async Task InitializeAsync() => _manager = await _factory.CreateClientAsync(PortalRoles.Manager);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_page_summarises_the_seeded_partnership_with_charts_and_export_links()
    {
        var page = await _manager.GetDocumentAsync("/reports?area=6g");

        Assert.Equal("2", page.QuerySelector("[data-testid=total]").Text());
        Assert.StartsWith("1", page.QuerySelector("[data-testid=count-in-progress]").Text());
        Assert.Contains("50%", page.QuerySelector("[data-testid=count-in-progress]").Text());
        Assert.NotNull(page.QuerySelector("[data-testid=progress-chart] rect"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=by-area] svg rect"));
        var links = page.QuerySelectorAll("[data-testid=exports] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/reports/export?area=6g&format=csv", "/reports/export?area=6g&format=xlsx", "/reports/export?area=6g&format=pdf"], links);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so_and_draws_no_table_or_chart()
    {
        var page = await _manager.GetDocumentAsync("/reports?lead=nobody+at+all&area=6g");

        var noMatch = page.QuerySelector("[data-testid=no-match]");
        Assert.NotNull(noMatch);
        Assert.Contains("No deliverable matches these filters", noMatch.TextContent);
        // The filters stay on the page to be widened; nothing is drawn as if there were figures.
        Assert.Equal("nobody at all", page.QuerySelector("input#lead")?.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("main table, main svg"));
        Assert.Null(page.QuerySelector("[data-testid=report]"));
    }

    [Fact]
    public async Task The_page_has_the_sections_of_the_pdf_briefing_in_its_order()
    {
        var page = await _manager.GetDocumentAsync("/reports?since=2026-11-01");

        Assert.Equal(["Summary", "Key issues", "What changed since 1 November 2026", "Key outcomes", "From one Council to the next", "Figures by area",
                "Progress over time", "Changes since 1 November 2026"],
            page.QuerySelectorAll("[data-testid=report] h2").Select(h => string.Join(' ', h.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        // One section per key outcome, each deliverable listed once under it.
        var sections = page.QuerySelectorAll("[data-testid=outcome-section]");
        Assert.Equal(page.QuerySelectorAll("[data-testid=by-outcome] tbody tr").Length, sections.Length);
        var listed = sections.SelectMany(s => s.QuerySelectorAll("tbody tr td:first-child a")).Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(int.Parse(page.QuerySelector("[data-testid=total]").Text()), listed.Count);
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public async Task Export_names_say_what_was_filtered()
    {
        var meeting = await _factory.SeededMeetingIdAsync();
        using var response = await _manager.GetAsync($"/reports/export?meeting={meeting}&area=6g&status=in-progress&asOf=2026-11-29&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eu-japan-2nd-council-6g-in-progress-as-of-2026-11-29.csv", ContentDisposition(response).FileName!.Trim('"'));
    }

    [Fact]
    public async Task The_csv_export_is_an_attachment_with_the_figures_of_the_page()
    {
        var page = await _manager.GetDocumentAsync("/reports?status=not-started");
        using var response = await _manager.GetAsync("/reports/export?status=not-started&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType ?? ContentDisposition(response).DispositionType);
        Assert.Equal("eu-japan-not-started-progress-2026-11-29.csv", ContentDisposition(response).FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(int.Parse(page.QuerySelector("[data-testid=total]").Text()), lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains("Not started", line));
    }

    [Fact]
    public async Task The_xlsx_export_is_a_workbook_named_for_the_partnership_and_day()
    {
        using var response = await _manager.GetAsync("/reports/export?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("eu-japan-progress-2026-11-29.xlsx", ContentDisposition(response).FileName!.Trim('"'));
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Summary", "Deliverables", "History"], sheets);
    }

    [PdfFact]
    public async Task The_pdf_export_is_a_briefing_document()
    {
        using var response = await _manager.GetAsync("/reports/export?format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("eu-japan-progress-2026-11-29.pdf", ContentDisposition(response).FileName!.Trim('"'));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("EU–Japan Digital Partnership", text);
        Assert.Contains("Submarine cables", text);
    }

    [Fact]
    public async Task A_report_as_of_a_day_before_a_change_shows_the_old_status()
    {
        // Imported on 29 November; completed on 2 December.
        _factory.Clock.Advance(TimeSpan.FromDays(3));
        _manager = await _factory.CreateClientAsync(PortalRoles.Manager); // yesterday's session has expired
        await using (var db = _factory.NewContext())
        {
            var cable = await db.Deliverables.SingleAsync(d => d.Title.StartsWith("Both sides agreed"));
            cable.ChangeStatus(DeliverableStatus.Completed, 100, "Done.", "test", _factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        var now = await _manager.GetDocumentAsync("/reports?area=submarine-cables");
        var before = await _manager.GetDocumentAsync("/reports?area=submarine-cables&asOf=2026-11-30");

        Assert.StartsWith("1", now.QuerySelector("[data-testid=count-completed]").Text());
        Assert.StartsWith("0", before.QuerySelector("[data-testid=count-completed]").Text());
        Assert.StartsWith("1", before.QuerySelector("[data-testid=count-not-started]").Text());
        using var csv = await _manager.GetAsync("/reports/export?area=submarine-cables&asOf=2026-11-30&format=csv");
        Assert.Contains("Not started", await csv.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/reports/export?format=docx", "\"docx\" is not an export format")]
    [InlineData("/reports/export", "Say which format")]
    [InlineData("/reports/export?format=csv&asOf=2025-02-30", "is not a date that exists")]
    [InlineData("/reports/export?format=csv&area=blockchain", "There is no area \"blockchain\"")]
    [InlineData("/reports/export?format=pdf&status=finished", "\"finished\" is not a status")]
    [InlineData("/reports/export?format=xlsx&targetFrom=2026-05-01&targetTo=2026-01-01", "\"Target from\" is after \"Target to\"")]
    [InlineData("/reports/export?format=csv&asOf=2099-01-01", "cannot be in the future")]
    [InlineData("/reports?since=yesterday", "is not a date that exists")]
    public async Task Bad_parameters_answer_400_with_a_clear_message(string url, string message)
    {
        using var response = await _manager.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static System.Net.Http.Headers.ContentDispositionHeaderValue ContentDisposition(HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition
        ?? System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(string.Join(",", response.Headers.GetValues("Content-Disposition")));
}
