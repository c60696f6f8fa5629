using System.Text;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Core.Reporting.Pdf;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

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

    [PdfFact]
    public async Task The_first_page_shows_the_key_issues_with_the_note_of_their_latest_change()
    {
        await using (var db = _database.NewContext())
        {
            var meeting = await db.Meetings.Include(m => m.Outcomes).SingleAsync(m => m.Place.Ordinal == 2);
            var data = new ReportData(db);
            var outcome = data.Outcome(meeting, "Quantum", await db.Areas.SingleAsync(a => a.Name == "Semiconductors"));
            var delayed = data.Deliverable(outcome, "Joint quantum testbed", DeliverableStatus.InProgress, ReportData.Start);
            delayed.ChangeStatus(DeliverableStatus.InProgress, 10, "Kick-off held.", "editor@example.org", ReportData.Start.AddDays(10));
            delayed.ChangeStatus(DeliverableStatus.Delayed, 10, "Procurement slipped to 2026.", "editor@example.org", ReportData.Start.AddDays(40));
            await data.SaveAsync();
        }

        using var pdf = PdfDocument.Open(await WriteAsync(ReportFilter.None));
        var first = WithoutSpaces(pdf.GetPage(1).Text);

        foreach (var expected in new[] { "Key issues", "Overdue (1)", "Joint AI safety evaluation", "Funding unclear.", "At risk or delayed (1)",
                     "Joint quantum testbed", "Procurement slipped to 2026.", "What changed since 2nd Council, Brussels (3 May 2024)" })
        {
            Assert.Contains(WithoutSpaces(expected), first);
        }

        // The reason is the newest note, not an older one.
        Assert.DoesNotContain(WithoutSpaces("Kick-off held."), first);
    }

    [PdfFact]
    public async Task The_briefing_is_tagged_with_a_structure_tree_language_alternative_text_and_bookmarks()
    {
        using var pdf = PdfDocument.Open(await WriteAsync(ReportFilter.None));
        var tagged = new TaggedPdf(pdf);

        var markInfo = tagged.Resolve<DictionaryToken>(tagged.Catalog.Data["MarkInfo"]);
        Assert.Equal(BooleanToken.True, markInfo.Data["Marked"]);
        Assert.Equal("en-GB", tagged.Resolve<StringToken>(tagged.Catalog.Data["Lang"]).Data);
        Assert.Equal(BooleanToken.True, tagged.Resolve<DictionaryToken>(tagged.Catalog.Data["ViewerPreferences"]).Data["DisplayDocTitle"]);
        Assert.Equal("EU–Japan Digital Partnership: progress report", pdf.Information.Title);

        var root = Assert.IsType<TaggedPdf.Element>(tagged.Root);
        var elements = root.Descendants().ToList();
        var h1 = Assert.Single(elements, e => e.Type == "H1");
        Assert.Equal(WithoutSpaces("EU–Japan Digital Partnership: progress report"), WithoutSpaces(h1.Text));
        Assert.Equal(1, h1.Page);
        // The sections in reading order, as the first page promises them.
        Assert.Equal(new[] { "Summary", "Key issues", "What changed since 2nd Council, Brussels (3 May 2024)", "Key outcomes", "From one Council to the next",
                "Figures by area", "Progress over time", "Changes since 2nd Council, Brussels (3 May 2024)" }.Select(WithoutSpaces),
            elements.Where(e => e.Type == "H2").Select(e => e.Text));

        var tables = elements.Where(e => e.Type == "Table").ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, table => Assert.Contains(table.Descendants(), e => e.Type == "TD"));
        Assert.All(elements.Where(e => e.Type == "TH"), th => Assert.True(th.Attributes?.ContainsKey(NameToken.Create("Scope")), "a TH without /Scope"));

        var figures = elements.Where(e => e.Type == "Figure").ToList();
        Assert.Equal(3, figures.Count); // the status bar, status by area, progress over time
        Assert.All(figures, figure => Assert.False(string.IsNullOrWhiteSpace(figure.Alt), "a figure without /Alt"));
        Assert.Contains(figures, figure => figure.Alt!.StartsWith("Status by area") && figure.Alt.Contains("Semiconductors: 1 (1 completed)"));

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Equal(elements.Where(e => e.Type == "H2").Select(e => e.Text), bookmarks.Roots.Select(b => WithoutSpaces(b.Title)));
        Assert.Equal(["Connectivity", "AI and semiconductors"],
            bookmarks.Roots.Single(b => b.Title == "Key outcomes").Children.Select(b => b.Title));
    }

    [PdfFact]
    public async Task Each_deliverable_appears_once_in_the_outcome_sections_under_its_own_outcome()
    {
        await AddManyAsync(12);
        using var pdf = PdfDocument.Open(await WriteAsync(ReportFilter.None));
        var root = new TaggedPdf(pdf).Root!;

        var outcomes = root.Descendants().Single(e => e.Type == "Sect" && e.Kids.FirstOrDefault()?.Text == "Keyoutcomes")
            .Kids.Where(e => e.Type == "Sect").ToList();
        // A row's first cell names the deliverable; a heading names the outcome.
        var listed = outcomes.SelectMany(o => o.Descendants().Where(e => e.Type == "TR" && e.Kids.All(k => k.Type == "TD"))
            .Select(row => (Outcome: o.Kids.First(k => k.Type == "H3").Text, Title: row.Kids[0].Text))).ToList();

        await using var db = _database.NewContext();
        var expected = await db.Deliverables.AsNoTracking().Select(d => new { d.Title, Outcome = d.Outcome.Title }).ToListAsync();
        Assert.Equal(expected.Select(d => (WithoutSpaces(d.Outcome), WithoutSpaces(d.Title))).Order(), listed.Order());
    }

    [PdfFact]
    public async Task A_filter_that_matches_nothing_says_so_and_draws_no_table_or_chart()
    {
        var report = await ExportExpectations.ReportAsync(_database, new ReportFilter { Lead = "nobody at all" }, ReportParts.Briefing);
        using var output = new MemoryStream();
        await new PdfReportWriter().WriteAsync(report, output, CancellationToken.None);
        using var pdf = PdfDocument.Open(output.ToArray());

        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains(WithoutSpaces("No deliverable matches these filters"), WithoutSpaces(pdf.GetPage(1).Text));
        Assert.DoesNotContain(new TaggedPdf(pdf).Root!.Descendants(), e => e.Type is "Table" or "Figure");
    }

    [PdfFact]
    public async Task Long_lists_are_bounded_and_say_how_many_more_the_xlsx_holds()
    {
        await AddManyAsync(120);
        using var pdf = PdfDocument.Open(await WriteAsync(ReportFilter.None));
        var text = WithoutSpaces(string.Concat(pdf.GetPages().Select(p => p.Text)));

        // 80 of the 120 are unfinished with a past target, and so is one of the sample: the briefing lists 50 of those 81,
        // and the first 15 deliverables of the outcome of 120.
        Assert.Contains(WithoutSpaces("The 50 most overdue of 81 are listed: 31 more in the XLSX"), text);
        Assert.Contains(WithoutSpaces("The first 15 of 120 are listed: 105 more in the XLSX."), text);
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
            var deliverable = data.Deliverable(outcome, $"Deliverable {i}: a long commitment title that has to wrap onto a second line in the narrow column of the table",
                (DeliverableStatus)(i % 6), ReportData.Start.AddDays(i), ai);
            // Each with a target long past on the report date, so the unfinished ones are overdue.
            deliverable.SetResponsibility($"EU lead {i}", $"Japan lead {i}", DateOnly.FromDateTime(ReportData.Start.AddDays(30 + i)), "test", ReportData.Start.AddDays(i));
        }

        await data.SaveAsync();
    }
}
