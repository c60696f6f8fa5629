using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DigitalPartnership.Core.Domain;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// Writes a report as an XLSX workbook — Summary, Deliverables and History sheets — row by row: the sheets' rows as plain
/// XML, the fixed parts with the OpenXML SDK. Cells are typed (dates as dates, numbers as numbers, text as inline
/// strings; never formulas); the table sheets have a frozen header row and an AutoFilter. Sheet names, headings, labels
/// and status names are in the reader's language (<see cref="ReportText"/>).
/// </summary>
/// <param name="text">A localizer for <see cref="ReportText"/>; English when null.</param>
public sealed class XlsxExportWriter(IStringLocalizer? text = null)
{
    private readonly ReportText _t = new(text);

    private const uint DateStyle = 1;
    private const uint DateTimeStyle = 2;
    private const uint HeadingStyle = 3;
    private const uint TitleStyle = 4;
    private const uint PercentStyle = 5;

    /// <summary>Writes the summary of <paramref name="report"/> (built with <see cref="ReportParts.Spreadsheet"/>) and streams the rows.</summary>
    public async Task WriteAsync(ProgressReport report, IAsyncEnumerable<ReportRow> rows, IAsyncEnumerable<ReportChange> changes,
        Stream output, CancellationToken ct)
    {
        report.Require(ReportParts.Spreadsheet, nameof(XlsxExportWriter));
        if (output.CanSeek)
        {
            await WriteWorkbookAsync(report, rows, changes, output, ct);
            return;
        }

        // The zip is written synchronously; a response body must not be, so the workbook goes through a temporary file.
        var path = Path.Combine(Path.GetTempPath(), $"dpp-export-{Guid.NewGuid():N}.xlsx");
        await using var buffer = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await WriteWorkbookAsync(report, rows, changes, buffer, ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private async Task WriteWorkbookAsync(ProgressReport report, IAsyncEnumerable<ReportRow> rows,
        IAsyncEnumerable<ReportChange> changes, Stream output, CancellationToken ct)
    {
        // The package is written as a plain zip, part after part. The SDK's own package wants a read-write container,
        // and System.IO.Packaging keeps every part of such a container in memory until it closes: at 100,000 rows that
        // is the whole sheet. The SDK still writes every part's XML; only the fixed package files are written here.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WriteFixed(zip, "[Content_Types].xml", ContentTypes);
        WriteFixed(zip, "_rels/.rels", PackageRelationships);
        WriteFixed(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
        WritePart(zip, "xl/styles.xml", writer => writer.WriteElement(Stylesheet()));
        await WriteSheetAsync(zip, "xl/worksheets/sheet1.xml", sheet =>
        {
            WriteSummary(sheet, report);
            return Task.FromResult(0);
        });

        var deliverableCount = await WriteSheetAsync(zip, "xl/worksheets/sheet2.xml", sheet =>
            WriteTableAsync(sheet, Headings(ReportRow.Headings), [8, 60, 40, 24, 30, 14, 12, 20, 20, 14, 20, 60], rows, WriteDeliverable, ct));
        var changeCount = await WriteSheetAsync(zip, "xl/worksheets/sheet3.xml", sheet =>
            WriteTableAsync(sheet, Headings(ReportChange.Headings), [10, 12, 60, 14, 14, 12, 24, 20, 60], changes, WriteChange, ct));

        var deliverablesSheet = _t["Deliverables"];
        var historySheet = _t["History"];
        WritePart(zip, "xl/workbook.xml", writer => writer.WriteElement(new Workbook(
            new Sheets(
                new Sheet { Name = _t["Summary"], SheetId = 1, Id = "rId1" },
                new Sheet { Name = deliverablesSheet, SheetId = 2, Id = "rId2" },
                new Sheet { Name = historySheet, SheetId = 3, Id = "rId3" }),
            // Excel finds a sheet's AutoFilter range by this hidden name.
            new DefinedNames(
                FilterName(1, deliverablesSheet, ReportRow.Headings.Count, deliverableCount),
                FilterName(2, historySheet, ReportChange.Headings.Count, changeCount)))));
    }

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    private static void WriteFixed(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(new UTF8Encoding(false).GetBytes(xml));
    }

    private static void WritePart(ZipArchive zip, string name, Action<OpenXmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream);
        write(writer);
    }

    /// <summary>
    /// A worksheet part, its rows written as UTF-8 bytes straight into the zip entry (<see cref="SheetXml"/>): even a plain
    /// <see cref="XmlWriter"/> checked names and namespaces on every one of the 5.4 million cells of a 100,000-deliverable
    /// history. The sheet's fixed elements still come from the SDK.
    /// </summary>
    private static async Task<int> WriteSheetAsync(ZipArchive zip, string name, Func<SheetRows, Task<int>> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = new SheetXml(stream);
        xml.Raw("""<?xml version="1.0" encoding="utf-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""u8);
        var count = await write(new SheetRows(xml));
        xml.Raw("</worksheet>"u8);
        return count;
    }

    private IReadOnlyList<string> Headings(IReadOnlyList<string> english) => english.Select(heading => _t[heading]).ToList();

    private void WriteSummary(SheetRows sheet, ProgressReport report)
    {
        sheet.Element(new Columns(
            new Column { Min = 1, Max = 1, Width = 44, CustomWidth = true },
            new Column { Min = 2, Max = 8, Width = 14, CustomWidth = true }));
        sheet.StartData();
        sheet.Row(r => r.Text(report.Title, TitleStyle));
        sheet.Row(r => r.Text(_t["Report date"]).Date(report.ReportDate));
        sheet.Row(r => r.Text(_t["Generated (UTC)"]).DateTime(report.GeneratedAtUtc));
        foreach (var line in report.FilterLines)
        {
            sheet.Row(r => r.Text(line.Label).Text(line.Value));
        }

        sheet.Row(_ => { });
        sheet.Row(r => r.Text(_t["Status"], HeadingStyle).Text(_t["Deliverables"], HeadingStyle).Text(_t["Share"], HeadingStyle));
        foreach (var status in DeliverableStatusText.All)
        {
            sheet.Row(r => r.Text(_t.Status(status)).Number(report.Totals[status]).Number(report.Totals.Percent(status) / 100, PercentStyle));
        }

        sheet.Row(r => r.Text(_t["Total"], HeadingStyle).Number(report.Totals.Total));
        sheet.Row(r => r.Text(_t["Overdue"]).Number(report.OverdueCount));
        sheet.Row(r => r.Text(report.ChangesSince is null ? _t["Changes"] : _t.Format("Changes since {0}", report.ChangesSinceLabel ?? "")).Number(report.ChangeCount));

        sheet.Row(_ => { });
        StatusTable(sheet, _t["Area"], report.ByArea.Select(a => (a.Name, a.Counts)));
        sheet.Row(_ => { });
        StatusTable(sheet, _t["Outcome"], report.ByOutcome.Select(o => (_t.Format("{0} ({1})", o.Title, o.Meeting), o.Counts)));

        sheet.Row(_ => { });
        sheet.Row(r =>
        {
            r.Text(_t["Month end"], HeadingStyle);
            foreach (var status in DeliverableStatusText.All)
            {
                r.Text(_t.Status(status), HeadingStyle);
            }
        });
        foreach (var month in report.ProgressOverTime)
        {
            sheet.Row(r =>
            {
                r.Date(month.MonthEnd);
                foreach (var status in DeliverableStatusText.All)
                {
                    r.Number(month.Counts[status]);
                }
            });
        }

        sheet.EndData();
    }

    private void StatusTable(SheetRows sheet, string heading, IEnumerable<(string Name, Browsing.StatusTally Counts)> lines)
    {
        sheet.Row(r =>
        {
            r.Text(heading, HeadingStyle);
            foreach (var status in DeliverableStatusText.All)
            {
                r.Text(_t.Status(status), HeadingStyle);
            }

            r.Text(_t["Total"], HeadingStyle);
        });
        foreach (var (name, counts) in lines)
        {
            sheet.Row(r =>
            {
                r.Text(name);
                foreach (var status in DeliverableStatusText.All)
                {
                    r.Number(counts[status]);
                }

                r.Number(counts.Total);
            });
        }
    }

    private static async Task<int> WriteTableAsync<T>(SheetRows sheet, IReadOnlyList<string> headings, double[] widths,
        IAsyncEnumerable<T> items, Action<CellWriter, T> writeRow, CancellationToken ct)
    {
        sheet.Element(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        sheet.Element(new Columns(widths.Select((width, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
        sheet.StartData();
        sheet.Row(r =>
        {
            foreach (var heading in headings)
            {
                r.Text(heading, HeadingStyle);
            }
        });
        var count = 0;
        await foreach (var item in items.WithCancellation(ct))
        {
            sheet.Row(writeRow, item);
            count++;
        }

        sheet.EndData();
        sheet.Element(new AutoFilter { Reference = $"A1:{CellWriter.Column(headings.Count)}{count + 1}" });
        return count;
    }

    private void WriteDeliverable(CellWriter r, ReportRow row) =>
        r.Number(row.Id).Text(row.Title).Text(row.Outcome).Text(row.Meeting).Text(row.Areas).Text(_t.Status(row.Status))
            .Number(row.Progress).Text(row.EuLead).Text(row.PartnerLead).Date(row.TargetDate).DateTime(row.LastChangeUtc).Text(row.TitleJapanese);

    private void WriteChange(CellWriter r, ReportChange change) =>
        r.Number(change.Id).Number(change.DeliverableId).Text(change.DeliverableTitle).Text(change.FromStatus is { } from ? _t.Status(from) : null)
            .Text(_t.Status(change.ToStatus)).Number(change.Progress).Text(change.ChangedBy).DateTime(change.ChangedAtUtc)
            .Text(change.Note);

    private static DefinedName FilterName(uint sheetIndex, string sheetName, int columns, int rows) =>
        new($"'{sheetName}'!$A$1:${CellWriter.Column(columns)}${rows + 1}")
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = sheetIndex,
            Hidden = true,
        };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 9, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>Writes a worksheet's rows, numbered from 1 as they are written, and its fixed elements.</summary>
    private sealed class SheetRows(SheetXml xml)
    {
        private readonly CellWriter _cells = new(xml);
        private uint _row;

        /// <summary>A fixed element (views, columns, filter) as the SDK writes it.</summary>
        public void Element(OpenXmlElement element) => xml.Raw(element.OuterXml);

        public void StartData() => xml.Raw("<sheetData>"u8);

        public void EndData() => xml.Raw("</sheetData>"u8);

        public void Row(Action<CellWriter> cells) => Row(static (r, write) => write(r), cells);

        /// <summary>One row whose cells <paramref name="cells"/> writes from <paramref name="item"/>, with nothing allocated per row.</summary>
        public void Row<T>(Action<CellWriter, T> cells, T item)
        {
            _row++;
            xml.Raw("<row r=\""u8);
            xml.Number(_row);
            xml.Raw("\">"u8);
            _cells.Start(_row);
            cells(_cells, item);
            xml.Raw("</row>"u8);
        }
    }

    /// <summary>Writes the cells of one row left to right; an empty value leaves its cell out but keeps the column.</summary>
    private sealed class CellWriter(SheetXml xml)
    {
        private uint _row;
        private int _column;

        public void Start(uint row)
        {
            _row = row;
            _column = 0;
        }

        public CellWriter Text(string? value, uint style = 0)
        {
            _column++;
            if (!string.IsNullOrEmpty(value))
            {
                StartCell(style);
                xml.Raw(" t=\"inlineStr\"><is><t xml:space=\"preserve\">"u8);
                xml.Text(XmlSafe(value));
                xml.Raw("</t></is></c>"u8);
            }

            return this;
        }

        public CellWriter Number(double? value, uint style = 0) => Value(value, "R", style);

        public CellWriter Date(DateOnly? value) => Value(value?.ToDateTime(TimeOnly.MinValue).ToOADate(), null, DateStyle);

        public CellWriter DateTime(DateTime? value) => Value(value?.ToOADate(), "R", DateTimeStyle);

        private CellWriter Value(double? number, string? format, uint style)
        {
            _column++;
            if (number is { } value)
            {
                StartCell(style);
                xml.Raw("><v>"u8);
                xml.Number(value, format);
                xml.Raw("</v></c>"u8);
            }

            return this;
        }

        /// <summary>Opens the current column's cell up to its attributes: <c>&lt;c r="B12" s="2"</c>.</summary>
        private void StartCell(uint style)
        {
            xml.Raw("<c r=\""u8);
            xml.ColumnName(_column);
            xml.Number(_row);
            xml.Raw("\""u8);
            if (style != 0)
            {
                xml.Raw(" s=\""u8);
                xml.Number(style);
                xml.Raw("\""u8);
            }
        }

        public static string Column(int number)
        {
            var name = "";
            for (; number > 0; number = (number - 1) / 26)
            {
                name = (char)('A' + (number - 1) % 26) + name;
            }

            return name;
        }

        /// <summary>XML 1.0 cannot carry most control characters; a note pasted from elsewhere may hold some.</summary>
        private static string XmlSafe(string text)
        {
            if (!text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c)))
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                if (rune.Value >= 0x20 || rune.Value is '\t' or '\n' or '\r')
                {
                    builder.Append(rune.ToString());
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>
    /// A worksheet's XML as UTF-8 bytes, buffered and written to the part's stream in blocks. It writes what an
    /// <see cref="XmlWriter"/> with default settings wrote before it: text with &amp;, &lt; and &gt; escaped and every line
    /// break (CR LF, CR, LF) as LF; numbers in the invariant culture.
    /// </summary>
    private sealed class SheetXml(Stream stream) : IDisposable
    {
        private readonly byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int _used;

        public void Raw(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > _buffer.Length - _used)
            {
                Flush();
                if (utf8.Length > _buffer.Length)
                {
                    stream.Write(utf8);
                    return;
                }
            }

            utf8.CopyTo(_buffer.AsSpan(_used));
            _used += utf8.Length;
        }

        public void Raw(string text) => Raw(Encoding.UTF8.GetBytes(text));

        public void Number(uint value)
        {
            Room(10);
            value.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture);
            _used += written;
        }

        public void Number(double value, string? format)
        {
            Room(32);
            value.TryFormat(_buffer.AsSpan(_used), out var written, format, CultureInfo.InvariantCulture);
            _used += written;
        }

        /// <summary>A column's letters: 1 is A, 27 is AA.</summary>
        public void ColumnName(int number)
        {
            Span<byte> letters = stackalloc byte[8];
            var at = letters.Length;
            for (; number > 0; number = (number - 1) / 26)
            {
                letters[--at] = (byte)('A' + (number - 1) % 26);
            }

            Raw(letters[at..]);
        }

        /// <summary>Element text, escaped; runs without anything to escape are encoded in one go.</summary>
        public void Text(string text)
        {
            var rest = text.AsSpan();
            while (!rest.IsEmpty)
            {
                var special = rest.IndexOfAny("&<>\r\n");
                var plain = special < 0 ? rest : rest[..special];
                Encode(plain);
                if (special < 0)
                {
                    return;
                }

                var c = rest[special];
                rest = rest[(special + 1)..];
                switch (c)
                {
                    case '&':
                        Raw("&amp;"u8);
                        break;
                    case '<':
                        Raw("&lt;"u8);
                        break;
                    case '>':
                        Raw("&gt;"u8);
                        break;
                    case '\r':
                        if (rest is ['\n', ..])
                        {
                            rest = rest[1..];
                        }

                        Raw("\n"u8);
                        break;
                    default:
                        Raw("\n"u8);
                        break;
                }
            }
        }

        private void Encode(ReadOnlySpan<char> text)
        {
            while (!text.IsEmpty)
            {
                // At most 3 bytes per UTF-16 unit; a long text goes in chunks that fit the buffer.
                var chunk = text[..Math.Min(text.Length, 8 * 1024)];
                if (chunk.Length < text.Length && char.IsHighSurrogate(chunk[^1]))
                {
                    chunk = chunk[..^1];
                }

                Room(chunk.Length * 3);
                _used += Encoding.UTF8.GetBytes(chunk, _buffer.AsSpan(_used));
                text = text[chunk.Length..];
            }
        }

        private void Room(int bytes)
        {
            if (_buffer.Length - _used < bytes)
            {
                Flush();
            }
        }

        private void Flush()
        {
            stream.Write(_buffer, 0, _used);
            _used = 0;
        }

        public void Dispose()
        {
            Flush();
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
