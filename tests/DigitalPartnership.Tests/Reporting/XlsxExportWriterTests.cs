using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>The XLSX export, opened again with the Open XML SDK.</summary>
public sealed class XlsxExportWriterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await ReportSample.SeedAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Workbook_has_summary_deliverables_and_history_sheets()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await ExportAsync()), false);

        Assert.Equal(["Summary", "Deliverables", "History"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var summary = Texts(Sheet(document, "Summary"));
        Assert.Contains("EU–Japan Digital Partnership: progress report", summary);
        Assert.Contains("Semiconductors", summary);
    }

    [Fact]
    public async Task Deliverables_sheet_has_one_row_per_deliverable_with_typed_cells_and_no_formulas()
    {
        var expected = await ExportExpectations.DeliverableRowsAsync(_database);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await ExportAsync()), false);
        var sheet = Sheet(document, "Deliverables");
        var rows = sheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

        Assert.Equal(expected.Count + 1, rows.Count);
        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
        for (var i = 0; i < expected.Count; i++)
        {
            var cells = rows[i + 1].Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()));
            Assert.Equal(expected[i][0], cells["A"].CellValue!.Text);
            Assert.Null(cells["A"].DataType);
            Assert.Equal(CellValues.InlineString, cells["B"].DataType!.Value);
            Assert.Equal(expected[i][1], cells["B"].InlineString!.InnerText); // formula-like text stays text, unchanged
            Assert.Equal(expected[i][5], cells["F"].InlineString!.InnerText);
            Assert.Equal(expected[i][6], cells.TryGetValue("G", out var progress) ? progress.CellValue!.Text : "");
            Assert.Equal(expected[i][9], cells.TryGetValue("J", out var target) ? DateOf(document, target).ToString("yyyy-MM-dd") : "");
            Assert.Equal(expected[i][10], DateOf(document, cells["K"]).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        }

        Assert.Contains(rows.Skip(1), r => r.InnerText.Contains(ReportSample.JapaneseTitle));
    }

    [Fact]
    public async Task Table_sheets_freeze_their_header_row_and_filter_it()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await ExportAsync()), false);

        foreach (var (name, rows, lastColumn) in new[] { ("Deliverables", 5, "L"), ("History", 6, "I") })
        {
            var sheet = Sheet(document, name);
            var pane = sheet.Descendants<Pane>().Single();
            Assert.Equal((PaneStateValues.Frozen, "A2", 1d), (pane.State!.Value, pane.TopLeftCell!.Value, pane.VerticalSplit!.Value));
            Assert.Equal($"A1:{lastColumn}{rows + 1}", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
            Assert.Equal(rows + 1, sheet.GetFirstChild<SheetData>()!.Elements<Row>().Count());
        }
    }

    [Fact]
    public async Task A_note_with_markup_characters_and_line_breaks_reads_back_as_the_same_text()
    {
        await using (var db = _database.NewContext())
        {
            var deliverable = await db.Deliverables.OrderBy(d => d.Id).FirstAsync();
            deliverable.ChangeStatus(DeliverableStatus.Delayed, 50, "Costs < budget & schedule > plan\r\nSecond line\rThird",
                "editor@example.org", new DateTime(2025, 4, 1, 9, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(await ExportAsync()), false);

        // Line breaks are written as XML writes them, LF, which is what a spreadsheet shows as a break in the cell.
        Assert.Contains("Costs < budget & schedule > plan\nSecond line\nThird", Texts(Sheet(document, "History")));
    }

    [Fact]
    public async Task A_response_body_that_cannot_seek_gets_the_same_workbook()
    {
        var output = new ForwardOnlyStream();
        await using (var db = _database.NewContext())
        {
            var report = await ExportExpectations.ReportAsync(_database, ReportFilter.None, ReportParts.Spreadsheet);
            await new XlsxExportWriter().WriteAsync(report, ReportRows.DeliverablesAsync(db, report.Filter),
                ReportRows.ChangesAsync(db, report.Filter, report.ChangesSince), output, CancellationToken.None);
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(output.Written.ToArray()), false);
        Assert.Equal(6, Sheet(document, "Deliverables").GetFirstChild<SheetData>()!.Elements<Row>().Count());
    }

    private async Task<byte[]> ExportAsync()
    {
        var report = await ExportExpectations.ReportAsync(_database, ReportFilter.None, ReportParts.Spreadsheet);
        await using var db = _database.NewContext();
        using var output = new MemoryStream();
        await new XlsxExportWriter().WriteAsync(report, ReportRows.DeliverablesAsync(db, report.Filter),
            ReportRows.ChangesAsync(db, report.Filter, report.ChangesSince), output, CancellationToken.None);
        return output.ToArray();
    }

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    private static List<string> Texts(Worksheet sheet) =>
        sheet.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InnerText).ToList();

    /// <summary>A real date cell: a number whose style has a date format.</summary>
    private static DateTime DateOf(SpreadsheetDocument document, Cell cell)
    {
        Assert.Null(cell.DataType);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        var code = stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.StartsWith("yyyy-mm-dd", code.FormatCode!.Value);
        return DateTime.FromOADate(double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Like a response body: write-only, no seeking, no length.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Written { get; } = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are not allowed.");
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Written.WriteAsync(buffer, offset, count, ct);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) => Written.WriteAsync(buffer, ct);
    }
}
