using System.Text;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Core.Reporting.Pdf;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>The PDF briefing, read back with PdfPig as a copy-and-paste or a screen reader would read it.</summary>
public sealed class PdfReportWriterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await ReportSample.SeedAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [PdfFact]
    public async Task A_briefing_with_many_deliverables_runs_to_several_pages_each_numbered_page_n_of_m()
    {
        await AddManyAsync(120);

        using var pdf = PdfDocument.Open(await WriteAsync(ReportFilter.None));

        Assert.True(pdf.NumberOfPages > 3, $"{pdf.NumberOfPages} pages");
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains($"Page {page.Number} of {pdf.NumberOfPages}", page.Text);
        }
    }

    [PdfFact]
    public async Task The_briefing_carries_its_title_sections_and_deliverable_titles_as_text()
    {
        using var pdf = PdfDocument.Open(await WriteAsync(ReportFilter.None));
        // PdfPig joins the lines of a page without a space, so the comparison ignores spaces.
        var text = WithoutSpaces(string.Concat(pdf.GetPages().Select(p => p.Text)));

        Assert.Contains(WithoutSpaces("EU–Japan Digital Partnership: progress report"), WithoutSpaces(pdf.GetPage(1).Text));
        foreach (var expected in new[] { "Summary", "Status by area", "Semiconductors", "Joint AI safety evaluation", "Overdue",
                     "Changes since 2nd Council, Brussels (3 May 2024)", "Funding unclear.", "Page 1 of" })
        {
            Assert.Contains(WithoutSpaces(expected), text);
        }
    }

    [PdfFact]
    public async Task Japanese_text_is_set_in_the_Japanese_face_and_extracts_as_written()
    {
        using var pdf = PdfDocument.Open(await WriteAsync(ReportFilter.None));

        var page = pdf.GetPages().First(p => p.Text.Contains(ReportSample.JapaneseTitle));
        var letters = page.Letters.Where(l => ReportSample.JapaneseTitle.Contains(l.Value)).ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters, l => Assert.Contains("IPAex", l.FontName ?? ""));
        Assert.Contains(ReportSample.JapaneseLead.Replace("（", "").Replace("）", "")[..5], page.Text);
    }

    [PdfFact]
    public async Task Every_font_is_embedded()
    {
        var bytes = await WriteAsync(ReportFilter.None);
        using var pdf = PdfDocument.Open(bytes);

        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
        Assert.Contains(fonts, f => f.Contains("DejaVu Sans"));
        Assert.Contains(fonts, f => f.Contains("IPAexGothic"));
        // A subset tag (ABCDEF+Name) is only given to an embedded subset; FontFile2 is the embedded TrueType program.
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+", f));
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(bytes));
    }

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [PdfFact]
    public async Task A_report_built_for_the_page_is_refused_rather_than_printed_without_its_area_sections()
    {
        var report = await ExportExpectations.ReportAsync(_database, ReportFilter.None, ReportParts.Page);

        await Assert.ThrowsAsync<ArgumentException>(() => new PdfReportWriter().WriteAsync(report, Stream.Null, CancellationToken.None));
    }

    private async Task<byte[]> WriteAsync(ReportFilter filter)
    {
        var report = await ExportExpectations.ReportAsync(_database, filter, ReportParts.Briefing);
        using var output = new MemoryStream();
        await new PdfReportWriter().WriteAsync(report, output, CancellationToken.None);
        var bytes = output.ToArray();
        if (Environment.GetEnvironmentVariable("REPORT_PDF_OUT") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(keep, bytes); // to look at it: pdftoppm -png
        }

        return bytes;
    }

    private async Task AddManyAsync(int count)
    {
        await using var db = _database.NewContext();
        var meeting = await db.Meetings.Include(m => m.Outcomes).SingleAsync(m => m.Place.Ordinal == 2);
        var ai = await db.Areas.SingleAsync(a => a.Name == "Artificial intelligence");
        var data = new ReportData(db);
        var outcome = data.Outcome(meeting, "Many AI deliverables", ai);
        for (var i = 1; i <= count; i++)
        {
            data.Deliverable(outcome, $"Deliverable {i}: a long commitment title that has to wrap onto a second line in the narrow column of the table",
                (DeliverableStatus)(i % 6), ReportData.Start.AddDays(i), ai);
        }

        await data.SaveAsync();
    }
}
