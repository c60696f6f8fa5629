using BenchmarkDotNet.Attributes;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Core.Reporting.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Hotpaths;

/// <summary>
/// Every export as the export page makes it — rows read from a real SQLite store, written to a stream — and the report
/// builder alone. The store holds the seed plus <see cref="Deliverables"/> generated deliverables with 5 history rows each.
/// </summary>
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private string _connection = "";

    [Params(10_000)]
    public int Deliverables { get; set; }

    private List<ReportRow> _rows = [];

    [GlobalSetup]
    public async Task SetupAsync() => _connection = await BenchmarkStore.EnsureAsync(Deliverables);

    /// <summary>The rows in memory for <see cref="CsvWriteOnly"/> alone, so the other benchmarks run without holding them.</summary>
    [GlobalSetup(Target = nameof(CsvWriteOnly))]
    public async Task SetupRowsAsync()
    {
        await SetupAsync();
        await using var db = BenchmarkStore.Open(_connection);
        _rows = await ReportRows.DeliverablesAsync(db, ReportFilter.None).ToListAsync();
    }

    [Benchmark]
    public async Task<long> Csv()
    {
        await using var db = BenchmarkStore.Open(_connection);
        var scope = await new ProgressReportBuilder(db, TimeProvider.System).ScopeAsync(ReportFilter.None, CancellationToken.None);
        var output = new CountingStream();
        await new CsvExportWriter().WriteAsync(ReportRows.DeliverablesAsync(db, scope.Filter), output, CancellationToken.None);
        return output.Length;
    }

    /// <summary>The CSV's rows written from memory: what CsvHelper, the encoding and the writer's loop cost of <see cref="Csv"/>.</summary>
    [Benchmark]
    public async Task<long> CsvWriteOnly()
    {
        var output = new CountingStream();
        await new CsvExportWriter().WriteAsync(_rows.ToAsyncEnumerable(), output, CancellationToken.None);
        return output.Length;
    }

    /// <summary>The CSV's rows read and not written: what the store and EF cost of <see cref="Csv"/>.</summary>
    [Benchmark]
    public async Task<int> CsvRowsOnly()
    {
        await using var db = BenchmarkStore.Open(_connection);
        var scope = await new ProgressReportBuilder(db, TimeProvider.System).ScopeAsync(ReportFilter.None, CancellationToken.None);
        var count = 0;
        await foreach (var row in ReportRows.DeliverablesAsync(db, scope.Filter))
        {
            count += row.Title.Length;
        }

        return count;
    }

    /// <summary>
    /// The SQL of the CSV's pages run on the ADO.NET reader alone, every column read (dates as their text) and no row
    /// built: what the store and Microsoft.Data.Sqlite cost under <see cref="CsvRowsOnly"/>, without EF Core's
    /// materialisation and without the areas.
    /// </summary>
    [Benchmark]
    public Task<long> CsvRowsOnAdoNet() => ReadPagesAsync(everyColumn: true);

    /// <summary>As <see cref="CsvRowsOnAdoNet"/>, with only each row's id read: what SQLite's stepping through the rows costs.</summary>
    [Benchmark]
    public Task<long> CsvRowsStepped() => ReadPagesAsync(everyColumn: false);

    private async Task<long> ReadPagesAsync(bool everyColumn)
    {
        await using var db = BenchmarkStore.Open(_connection);
        var states = ReportFilter.None.Apply(db);
        await db.Database.OpenConnectionAsync();
        var (read, lastId) = (0L, 0);
        while (true)
        {
            await using var command = ReportRows.Page(states, lastId, ReportRows.PageSize).CreateDbCommand();
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                lastId = reader.GetInt32(0);
                for (var i = 1; everyColumn && i < reader.FieldCount; i++)
                {
                    read += reader.IsDBNull(i) ? 0 : reader.GetValue(i) is string text ? text.Length : 1;
                }
            }

            if (rows < ReportRows.PageSize)
            {
                return read + lastId;
            }
        }
    }

    [Benchmark]
    public async Task<long> XlsxWithWholeHistory()
    {
        await using var db = BenchmarkStore.Open(_connection);
        await using var historyDb = BenchmarkStore.Open(_connection);
        var report = await new ProgressReportBuilder(db, TimeProvider.System).BuildAsync(ReportFilter.None, ReportParts.Spreadsheet, CancellationToken.None);
        var output = new MemoryStream();
        await new XlsxExportWriter().WriteAsync(report, ReportRows.DeliverablesAsync(db, report.Filter),
            ReportRows.ChangesAsync(historyDb, report.Filter, since: null), output, CancellationToken.None);
        return output.Length;
    }

    [Benchmark]
    public async Task<int> ReportBuilderForThePage()
    {
        await using var db = BenchmarkStore.Open(_connection);
        var report = await new ProgressReportBuilder(db, TimeProvider.System).BuildAsync(ReportFilter.None, ReportParts.Page, CancellationToken.None);
        return report.Filter.GetHashCode();
    }

    [Benchmark]
    public async Task<long> PdfBriefing()
    {
        await using var db = BenchmarkStore.Open(_connection);
        var report = await new ProgressReportBuilder(db, TimeProvider.System).BuildAsync(ReportFilter.None, ReportParts.Briefing, CancellationToken.None);
        var output = new MemoryStream();
        await new PdfReportWriter().WriteAsync(report, output, CancellationToken.None);
        return output.Length;
    }

    /// <summary>A write-only stream that counts what it is given, so the CSV's cost is the CSV's, not a buffer's.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
