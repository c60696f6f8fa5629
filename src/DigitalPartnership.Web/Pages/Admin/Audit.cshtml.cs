using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace DigitalPartnership.Web.Pages.Admin;

/// <summary>
/// The audit log, newest first, in words, filtered by person, kind of event and date; <c>/admin/audit/export</c>
/// writes the same rows, with the same filters, as CSV. Read-only: the portal has no way to change it.
/// </summary>
public sealed class AuditModel(PortalDbContext db, TimeProvider time, IStringLocalizer<AuditModel> text) : PageModel
{
    private const int PageSize = 50;

    // As the report's CSV: cells that a spreadsheet would run as formulas get a leading quote. Actors and subjects are
    // typed by people (an email at sign-in, a Council text's title), so they are never trusted as cells.
    private static readonly CsvConfiguration CsvSettings = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
        InjectionEscapeCharacter = '\'',
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
    };

    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Filtered() is not { } query)
        {
            Pager = AuditPager(1, 0);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        Pager = AuditPager(PageNumber, await query.CountAsync(ct));
        Entries = await Newest(query).Skip(Pager.Skip).Take(Pager.PageSize)
            .Select(a => new AuditRow(a.AtUtc, a.Actor, a.Action, a.Subject, a.Details))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>The filtered log as CSV, streamed row by row: UTF-8 with a byte order mark, so Excel reads any script.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (Filtered() is not { } query)
        {
            Pager = AuditPager(1, 0);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var day = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = $"audit-log-{day}.csv" }.ToString();
        await Response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await using var text = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, CsvSettings);
        foreach (var heading in new[] { "When (UTC)", "Who", "What", "Event", "Subject", "Details" })
        {
            csv.WriteField(heading);
        }

        await csv.NextRecordAsync();
        await foreach (var entry in Newest(query).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.WriteField(entry.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(entry.Actor);
            csv.WriteField(AuditEvents.Describe(entry.Action, entry.Subject));
            csv.WriteField(entry.Action);
            csv.WriteField(entry.Subject);
            csv.WriteField(entry.Details ?? "");
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
        return new EmptyResult();
    }

    /// <summary>The filter values as the page's links and the export link carry them.</summary>
    public Dictionary<string, string> RouteValues() => new[] { ("person", Person), ("type", Type), ("from", From), ("to", To) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).ToDictionary(p => p.Item1, p => p.Item2!);

    /// <summary>The log filtered as asked, or null with <see cref="Problems"/> saying what cannot be used.</summary>
    private IQueryable<AuditEntry>? Filtered()
    {
        var dates = new FilterReader(db);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Person))
        {
            query = query.Where(a => a.Actor.Contains(Person.Trim()));
        }

        if (!string.IsNullOrEmpty(Type))
        {
            if (AuditEvents.IsKnown(Type))
            {
                query = query.Where(a => a.Action == Type);
            }
            else
            {
                dates.Problems.Add(text["\"{0}\" is not a kind of event. Choose one from the list.", Type]);
            }
        }

        if (dates.ReadDate(From, "From") is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (dates.ReadDate(To, "To") is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < end);
        }

        Problems = dates.Problems;
        return Problems.Count == 0 ? query : null;
    }

    private static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> query) => query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id);

    private Pager AuditPager(int page, int total) =>
        Pager.For(page, PageSize, total, "/Admin/Audit", new("person", Person), new("type", Type), new("from", From), new("to", To));

    /// <summary>What happened, in the reader's language.</summary>
    public string What(AuditRow row) => AuditEvents.Describe(row.Action, row.Subject, text);

    /// <summary>A kind of event's name in the filter, in the reader's language.</summary>
    public string KindName(string name) => text[name];

    public sealed record AuditRow(DateTime AtUtc, string Actor, string Action, string Subject, string? Details)
    {
        public string What => AuditEvents.Describe(Action, Subject);

        public int? DeliverableId => AuditEvents.DeliverableId(Subject);
    }
}
