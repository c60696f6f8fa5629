using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Core.Reporting.Pdf;
using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace DigitalPartnership.Web.Pages.Reports;

/// <summary>
/// <c>/reports/export?format=csv|xlsx|pdf</c> with the report's filters: the same figures as the page, streamed from the
/// database as an attachment whose name says what and when. The texts of the files are in the reader's language
/// (<see cref="ReportText"/>); their names stay English.
/// </summary>
[Authorize(Policy = PortalAccounts.CanReport)]
public sealed class ExportModel(PortalDbContext db, ProgressReportBuilder builder, IServiceScopeFactory scopes, TimeProvider time,
    ILogger<ExportModel> logger, IStringLocalizer<ReportText> reportText, IStringLocalizer<ExportModel> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReportQuery Query { get; set; } = new();
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public List<string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReportFileNames.TryParse(Format, out var format))
        {
            Problems.Add(string.IsNullOrEmpty(Format)
                ? l["Say which format: format=csv, format=xlsx or format=pdf."]
                : l["\"{0}\" is not an export format: use csv, xlsx or pdf.", Format]);
        }

        var (filter, problems) = await Query.ReadAsync(db, time.UtcToday(), ct, await Pages.Shared.PartnershipScope.OfAsync(HttpContext));
        Problems.AddRange(problems);
        if (Problems.Count > 0)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        // The CSV needs only the rows; the XLSX its Summary sheet's figures and series; the PDF every part.
        var scope = await builder.ScopeAsync(filter, ct);
        var fileName = scope.FileName(format);
        var started = time.GetTimestamp();
        try
        {
            if (format == ReportFormat.Csv)
            {
                StartAttachment(format, fileName);
                await new CsvExportWriter(reportText).WriteAsync(ReportRows.DeliverablesAsync(db, scope.Filter, ct: ct), Response.Body, ct);
            }
            else if (format == ReportFormat.Pdf)
            {
                var report = await builder.BuildAsync(filter, ReportParts.Briefing, ct);
                // PDFsharp builds the document in memory; render it before the headers go out, so a failure is a page.
                using var buffer = new MemoryStream();
                await new PdfReportWriter(reportText).WriteAsync(report, buffer, ct);
                StartAttachment(format, fileName);
                buffer.Position = 0;
                await buffer.CopyToAsync(Response.Body, ct);
            }
            else
            {
                var report = await builder.BuildAsync(filter, ReportParts.Spreadsheet, ct);
                StartAttachment(format, fileName);
                var rows = ReportRows.DeliverablesAsync(db, report.Filter, ct: ct);
                // The history streams beside the deliverables: a second context, so two readers run side by side.
                await using var historyScope = scopes.CreateAsyncScope();
                var historyDb = historyScope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var changes = ReportRows.ChangesAsync(historyDb, report.Filter, report.ChangesSince, ct);
                await new XlsxExportWriter(reportText).WriteAsync(report, rows, changes, Response.Body, ct);
            }
        }
        catch (ReportFontsMissingException e)
        {
            logger.LogError("PDF export impossible: {Reason}", e.Message);
            Problems.Add(l["The PDF cannot be made on this server: {0} The CSV and XLSX exports work.", e.Message]);
            return new PageResult { StatusCode = StatusCodes.Status503ServiceUnavailable };
        }

        logger.LogInformation("Exported {FileName} in {Elapsed} ms", fileName, (int)time.GetElapsedTime(started).TotalMilliseconds);
        return new EmptyResult();
    }

    private void StartAttachment(ReportFormat format, string fileName)
    {
        Response.ContentType = ReportFileNames.ContentType(format);
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        Response.Headers[HeaderNames.CacheControl] = "no-store";
    }
}
