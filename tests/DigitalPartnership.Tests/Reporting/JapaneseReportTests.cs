using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Core.Reporting.Pdf;
using DigitalPartnership.Tests.Support;
using DigitalPartnership.Web.Hosting;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>
/// Reports in the reader's language: a Japanese reader gets Japanese headings, sheet names, labels and briefing text; an
/// English reader gets exactly what the English tests ask for. Every text asked of the localizer has its Japanese.
/// </summary>
public sealed class JapaneseReportTests : IAsyncLifetime
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private TestDatabase _database = null!;
    private readonly RecordingLocalizer _text = new(new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(ReportText)));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await ReportSample.SeedAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_japanese_reader_gets_a_report_titled_and_filtered_in_japanese()
    {
        var report = await InAsync(Japanese, () => BuildAsync(new ReportFilter { TargetFrom = new DateOnly(2025, 5, 12) }, ReportParts.Page));

        Assert.EndsWith("：進捗レポート", report.Title);
        Assert.Contains(new ReportFilterLine("パートナーシップ", report.PartnershipName!), report.FilterLines);
        Assert.Contains(new ReportFilterLine("目標日", "2025年5月12日以降"), report.FilterLines);
        Assert.Equal("2024年5月3日の第2回評議会（Brussels）", report.ChangesSinceLabel);
        Assert.All(report.ByOutcome, o => Assert.StartsWith("第", o.Meeting));
        Assert.Empty(_text.Missing);
    }

    [Fact]
    public async Task An_english_reader_gets_the_report_texts_as_before()
    {
        var report = await InAsync(English, () => BuildAsync(ReportFilter.None, ReportParts.Page));

        Assert.Equal("EU–Japan Digital Partnership: progress report", report.Title);
        Assert.Equal("2nd Council, Brussels (3 May 2024)", report.ChangesSinceLabel);
        Assert.Equal(("Partnership", "Status"), (report.FilterLines[0].Label, report.FilterLines[1].Label));
    }

    [Fact]
    public async Task A_japanese_readers_csv_has_a_japanese_header_and_statuses_and_an_english_readers_the_header_it_always_had()
    {
        var japanese = Read(await InAsync(Japanese, CsvAsync));
        var english = Read(await InAsync(English, CsvAsync));

        Assert.Equal(["ID", "タイトル", "成果", "会合", "分野", "ステータス", "進捗（%）", "EU側担当", "パートナー側担当", "目標日", "最終変更（UTC）", "タイトル（日本語）"], japanese[0]);
        Assert.Contains(japanese.Skip(1), row => row[5] == "未着手");
        Assert.Equal(ReportRow.Headings, english[0]);
        Assert.Contains(english.Skip(1), row => row[5] == "Not started");
        Assert.Empty(_text.Missing);
    }

    [Fact]
    public async Task A_japanese_readers_workbook_has_japanese_sheet_names_headings_and_labels()
    {
        using var japanese = SpreadsheetDocument.Open(new MemoryStream(await InAsync(Japanese, XlsxAsync)), false);
        using var english = SpreadsheetDocument.Open(new MemoryStream(await InAsync(English, XlsxAsync)), false);

        Assert.Equal(["概要", "成果物", "履歴"], SheetNames(japanese));
        Assert.Equal(["ID", "タイトル", "成果", "会合", "分野", "ステータス", "進捗（%）", "EU側担当", "パートナー側担当", "目標日", "最終変更（UTC）", "タイトル（日本語）"],
            Texts(Sheet(japanese, "成果物")).Take(ReportRow.Headings.Count));
        Assert.Equal(["変更ID", "成果物ID", "成果物", "変更前", "変更後", "進捗（%）", "変更者", "変更日時（UTC）", "メモ"],
            Texts(Sheet(japanese, "履歴")).Take(ReportChange.Headings.Count));
        var summary = Texts(Sheet(japanese, "概要"));
        foreach (var label in new[] { "レポート基準日", "作成日時（UTC）", "期限超過", "未着手", "合計", "月末", "2024年5月3日の第2回評議会（Brussels）以降の変更" })
        {
            Assert.Contains(label, summary);
        }

        Assert.Equal(["Summary", "Deliverables", "History"], SheetNames(english));
        Assert.Equal(ReportRow.Headings, Texts(Sheet(english, "Deliverables")).Take(ReportRow.Headings.Count));
        Assert.Contains("Changes since 2nd Council, Brussels (3 May 2024)", Texts(Sheet(english, "Summary")));
        Assert.Empty(_text.Missing);
    }

    [PdfFact]
    public async Task A_japanese_readers_briefing_is_written_in_japanese_set_in_the_japanese_face()
    {
        using var pdf = PdfDocument.Open(await InAsync(Japanese, PdfAsync));
        var first = WithoutSpaces(pdf.GetPage(1).Text);
        var all = WithoutSpaces(string.Concat(pdf.GetPages().Select(p => p.Text)));

        foreach (var expected in new[] { "進捗ブリーフィング", "：進捗レポート", "概要", "主要な課題", "期限超過（1）", "2024年5月3日の第2回評議会（Brussels）以降の変更",
                     $"1/{pdf.NumberOfPages}ページ" })
        {
            Assert.Contains(WithoutSpaces(expected), first);
        }

        foreach (var expected in new[] { "主要成果", "分野別の数値", "分野別のステータス", "未着手" })
        {
            Assert.Contains(expected, all);
        }

        Assert.DoesNotContain("Summary", all);
        Assert.DoesNotContain("Key issues", all);
        var heading = pdf.GetPage(1).Letters.Where(l => "主要な課題".Contains(l.Value)).ToList();
        Assert.NotEmpty(heading);
        Assert.All(heading, l => Assert.Contains("IPAex", l.FontName ?? ""));
        Assert.Empty(_text.Missing);
    }

    [PdfFact]
    public async Task An_english_readers_briefing_is_in_english_even_with_the_localizer()
    {
        using var pdf = PdfDocument.Open(await InAsync(English, PdfAsync));
        var first = WithoutSpaces(pdf.GetPage(1).Text);

        foreach (var expected in new[] { "PROGRESS BRIEFING · STATUS ON 1 MAY 2025", "Summary", "Key issues", "Overdue (1)", "Page 1 of" })
        {
            Assert.Contains(WithoutSpaces(expected), first);
        }

        Assert.DoesNotContain("概要", first);
    }

    [Fact]
    public async Task A_japanese_briefing_without_a_japanese_font_is_refused_rather_than_printed_without_its_words()
    {
        var latin = new ReportFontFiles("/nonexistent/DejaVuSans.ttf", "/nonexistent/DejaVuSans-Bold.ttf", Cjk: null);
        var report = await InAsync(Japanese, () => BuildAsync(ReportFilter.None, ReportParts.Briefing));

        await InAsync(Japanese, async () =>
        {
            await Assert.ThrowsAsync<ReportFontsMissingException>(() =>
                new PdfReportWriter(latin, _text).WriteAsync(report, Stream.Null, CancellationToken.None));
            return 0;
        });
    }

    private static async Task<T> InAsync<T>(CultureInfo culture, Func<Task<T>> write)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return await write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = formatting;
        }
    }

    private async Task<ProgressReport> BuildAsync(ReportFilter filter, ReportParts parts)
    {
        await using var db = _database.NewContext();
        return await new ProgressReportBuilder(db, new FakeTimeProvider(ReportSample.Now), new StringLocalizer<ReportText>(new Factory(_text)))
            .BuildAsync(filter, parts, CancellationToken.None);
    }

    private async Task<byte[]> CsvAsync()
    {
        await using var db = _database.NewContext();
        using var output = new MemoryStream();
        await new CsvExportWriter(_text).WriteAsync(ReportRows.DeliverablesAsync(db, ReportFilter.None), output, CancellationToken.None);
        return output.ToArray();
    }

    private async Task<byte[]> XlsxAsync()
    {
        var report = await BuildAsync(ReportFilter.None, ReportParts.Spreadsheet);
        await using var db = _database.NewContext();
        using var output = new MemoryStream();
        await new XlsxExportWriter(_text).WriteAsync(report, ReportRows.DeliverablesAsync(db, report.Filter),
            ReportRows.ChangesAsync(db, report.Filter, report.ChangesSince), output, CancellationToken.None);
        return output.ToArray();
    }

    private async Task<byte[]> PdfAsync()
    {
        var report = await BuildAsync(ReportFilter.None, ReportParts.Briefing);
        using var output = new MemoryStream();
        await new PdfReportWriter(_text).WriteAsync(report, output, CancellationToken.None);
        if (Environment.GetEnvironmentVariable("REPORT_PDF_OUT_JA") is { Length: > 0 } keep && CultureInfo.CurrentUICulture.Name == "ja")
        {
            await File.WriteAllBytesAsync(keep, output.ToArray()); // to look at it: pdftoppm -png
        }

        return output.ToArray();
    }

    private static List<string[]> Read(byte[] bytes)
    {
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes[3..]));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(csv.Parser.Record!);
        }

        return records;
    }

    private static List<string> SheetNames(SpreadsheetDocument document) =>
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    private static List<string> Texts(Worksheet sheet) =>
        sheet.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InnerText).ToList();

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The resource localizer, noting every text asked for in Japanese that has no Japanese.</summary>
    private sealed class RecordingLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public List<string> Missing { get; } = [];

        public LocalizedString this[string name] => Note(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Note(inner[name, arguments], name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Note(LocalizedString found, string? key = null)
        {
            if (found.ResourceNotFound)
            {
                lock (Missing)
                {
                    Missing.Add(key ?? found.Name);
                }
            }

            return found;
        }
    }

    private sealed class Factory(IStringLocalizer localizer) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => localizer;

        public IStringLocalizer Create(string baseName, string location) => localizer;
    }
}

/// <summary>The exports through the web, for a reader who asked for Japanese and one who did not.</summary>
public sealed class JapaneseExportPageTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _manager = null!;

    public async Task InitializeAsync() => _manager = await _factory.CreateClientAsync(PortalRoles.Manager);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_csv_export_of_a_japanese_reader_has_the_japanese_header_and_an_english_readers_the_english_one()
    {
        var japanese = await CsvHeaderAsync("ja");
        var english = await CsvHeaderAsync(null);

        Assert.StartsWith("ID,タイトル,成果,会合,分野,ステータス", japanese);
        Assert.Equal(string.Join(",", ReportRow.Headings), english);
        Assert.DoesNotContain(TranslationGaps.Seen, gap => gap.Contains("ReportText") || gap.Contains("Reports.Export"));
    }

    [Fact]
    public async Task The_xlsx_export_of_a_japanese_reader_has_japanese_sheet_names()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reports/export?format=xlsx");
        request.Headers.TryAddWithoutValidation("Accept-Language", "ja");
        using var response = await _manager.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(["概要", "成果物", "履歴"], workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
    }

    [Fact]
    public async Task The_api_report_summary_stays_english_for_a_client_that_asks_for_japanese()
    {
        var api = await _factory.ApiClientAsync(PortalRoles.Manager);
        api.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ja");

        var summary = await api.GetJsonAsync("/api/v1/reports/summary");

        Assert.EndsWith(": progress report", summary["title"]!.GetValue<string>());
        Assert.Contains("\"Partnership\"", summary.ToJsonString()); // the first filter line's label
    }

    private async Task<string> CsvHeaderAsync(string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reports/export?format=csv");
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        using var response = await _manager.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0];
    }
}
