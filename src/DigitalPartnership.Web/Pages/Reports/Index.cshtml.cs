using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages.Reports;

/// <summary>The progress report: filters, summary, charts, overdue, changes since — and the same as CSV, XLSX and PDF.</summary>
[Authorize(Policy = PortalAccounts.CanReport)]
[CachedByStoreVersion]
public sealed class IndexModel(PortalDbContext db, ProgressReportBuilder builder, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReportQuery Query { get; set; } = new();

    public ProgressReport? Report { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Partnerships { get; private set; } = [];
    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];
    public IReadOnlyList<AreaRef> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Partnerships = (await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Slug, p.Name }).ToListAsync(ct))
            .Select(p => (p.Slug, p.Name)).ToList();
        Meetings = await Councils.ChoicesAsync(db, ct);
        Areas = await AreaRefs.AllAsync(db, ct);

        var (filter, problems) = await Query.ReadAsync(db, time.UtcToday(), ct);
        Problems = problems;
        if (problems.Count > 0)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        Report = await builder.BuildAsync(filter, ReportParts.Page, ct);
        return Page();
    }
}
