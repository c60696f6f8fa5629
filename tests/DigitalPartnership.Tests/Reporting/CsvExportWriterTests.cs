using System.Globalization;
using System.Text;
using CsvHelper;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>The CSV export, read back with CsvHelper as a spreadsheet user's tools would read it.</summary>
public sealed class CsvExportWriterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await ReportSample.SeedAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Csv_starts_with_a_byte_order_mark_and_has_a_header_and_one_row_per_deliverable()
    {
        var bytes = await ExportAsync(ReportFilter.None);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var records = Read(bytes);
        Assert.Equal(ReportRow.Headings, records[0]);
        Assert.Equal(5, records.Count - 1);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Every_csv_row_equals_the_deliverable_in_the_database()
    {
        var expected = await ExportExpectations.DeliverableRowsAsync(_database);

        var records = Read(await ExportAsync(ReportFilter.None)).Skip(1).ToList();

        Assert.Equal(expected.Count, records.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // Formula-like values differ only by the neutralising quote, checked in its own test.
            Assert.Equal(expected[i].Select(Unescape), records[i].Select(Unescape));
        }
    }

    [Fact]
    public async Task Japanese_text_round_trips_through_the_csv()
    {
        var records = Read(await ExportAsync(ReportFilter.None));

        var row = Assert.Single(records, r => r[1] == ReportSample.JapaneseTitle);
        Assert.Equal(ReportSample.JapaneseLead, row[8]);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_start_with_a_single_quote()
    {
        var records = Read(await ExportAsync(ReportFilter.None));

        var formula = Assert.Single(records, r => r[1].Contains("HYPERLINK"));
        Assert.Equal("'" + ReportSample.FormulaTitle, formula[1]);
        Assert.Equal("'+SUM(A1:A9)", formula[7]);
        Assert.Equal("'@cmd", formula[8]);
        var dashed = Assert.Single(records, r => r[1].Contains("cable landing"));
        Assert.Equal("'-2+3 cable landing study", dashed[1]);
        Assert.All(records.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), cell));
    }

    [Theory]
    [InlineData("=1+2")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public async Task Every_formula_start_is_neutralised_in_every_text_column(string value)
    {
        // Leads are trimmed by the domain, so tab and CR can only arrive through other columns; the writer guards all.
        var row = new ReportRow(1, value, value, value, value, Core.Domain.DeliverableStatus.Delayed, null, value, value, null, null);
        using var output = new MemoryStream();
        await new CsvExportWriter().WriteAsync(new[] { row }.ToAsyncEnumerable(), output, CancellationToken.None);

        var written = Read(output.ToArray())[1];

        Assert.Equal(Enumerable.Repeat("'" + value, 4), written[1..5]);
        Assert.Equal(["'" + value, "'" + value], written[7..9]);
    }

    [Fact]
    public async Task The_csv_shows_the_status_as_of_the_filter_day()
    {
        var records = Read(await ExportAsync(new ReportFilter { AsOf = new DateOnly(2024, 6, 30) })).Skip(1).ToList();

        Assert.Equal(4, records.Count);
        var safety = Assert.Single(records, r => r[1] == "Joint AI safety evaluation");
        Assert.Equal(("In progress", "30", "2024-06-15T09:00:00Z"), (safety[5], safety[6], safety[10]));
    }

    private async Task<byte[]> ExportAsync(ReportFilter filter)
    {
        await using var db = _database.NewContext();
        using var output = new MemoryStream();
        await new CsvExportWriter().WriteAsync(ReportRows.DeliverablesAsync(db, filter), output, CancellationToken.None);
        return output.ToArray();
    }

    private static List<string[]> Read(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "").ToArray());
        }

        return records;
    }

    private static string Unescape(string cell) => cell.StartsWith('\'') ? cell[1..] : cell;
}
