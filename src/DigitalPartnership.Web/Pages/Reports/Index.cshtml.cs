using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages.Reports;

/// <summary>The progress report: filters, summary, charts, overdue, changes since — and the same as CSV, XLSX and PDF.</summary>
[Authorize(Policy = PortalAccounts.CanReport)]
[CachedByStoreVersion]
[ScopedByPartnership]
public sealed class IndexModel(PortalDbContext db, ProgressReportBuilder builder, TimeProvider time, IStringLocalizer<ReportQuery> queryText) : PageModel
{
    /// <summary>How many rows each table shows until the reader asks for all of them.</summary>
    public const int RowsShown = 10;

    [BindProperty(SupportsGet = true)] public ReportQuery Query { get; set; } = new();

    /// <summary>
    /// <c>all=1</c>: every row the report holds, in each table. A link, not a script, so "Show all" works in any browser,
    /// and the address can be shared or printed as it is.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "all")] public bool ShowAll { get; set; }

    public ProgressReport? Report { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Partnerships { get; private set; } = [];
    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];
    public IReadOnlyList<AreaRef> Areas { get; private set; } = [];
    public PartnershipScope Scope { get; private set; } = PartnershipScope.Unresolved;

    /// <summary>The rows a table shows: the first <see cref="RowsShown"/>, or all the report holds when asked.</summary>
    public IEnumerable<T> Shown<T>(IEnumerable<T> rows) => ShowAll ? rows : rows.Take(RowsShown);

    /// <summary>The line under a table of <paramref name="total"/> rows that shows <paramref name="shown"/> of them.</summary>
    public MoreRows More(int shown, int total, string fragment) => new(shown, total, fragment, ShowAll, Query.RouteValues());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Partnerships = (await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Slug, p.Name }).ToListAsync(ct))
            .Select(p => (p.Slug, p.Name)).ToList();
        Scope = await PartnershipScope.OfAsync(HttpContext);
        Meetings = await Councils.ChoicesAsync(db, Scope.Id, ct);
        Areas = await AreaRefs.AllAsync(db, ct);

        var (filter, problems) = await Query.ReadAsync(db, time.UtcToday(), ct, Scope, queryText);
        Problems = problems;
        if (problems.Count > 0)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        Report = await builder.BuildAsync(filter, ReportParts.Page, ShowAll ? ProgressReportBuilder.ListLimit : RowsShown, ct);
        return Page();
    }
}

/// <summary>The line under a table that shows only some of its rows: how many, and the link to all of them (or back).</summary>
/// <param name="Shown">The rows the table shows.</param>
/// <param name="Total">The rows there are, of which the report may hold fewer than <paramref name="Total"/>.</param>
/// <param name="Fragment">The section to come back to, so the reader stays where they were.</param>
public sealed record MoreRows(int Shown, int Total, string Fragment, bool ShowAll, IDictionary<string, string> Route)
{
    /// <summary>Whether a table could show more, or was asked to: the line is drawn only then.</summary>
    public bool Needed => Total > Shown || (ShowAll && Total > IndexModel.RowsShown);
}
