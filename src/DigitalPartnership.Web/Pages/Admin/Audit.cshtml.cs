using DigitalPartnership.Core.Data;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Pages.Admin;

/// <summary>The audit log, newest first, filtered by person and date. Read-only: the portal has no way to change it.</summary>
public sealed class AuditModel(PortalDbContext db) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var dates = new FilterReader(db);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Person))
        {
            query = query.Where(a => a.Actor.Contains(Person.Trim()));
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
        if (Problems.Count > 0)
        {
            Pager = AuditPager(1, 0);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        Pager = AuditPager(PageNumber, await query.CountAsync(ct));
        Entries = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Pager.Skip).Take(Pager.PageSize)
            .Select(a => new AuditRow(a.AtUtc, a.Actor, a.Action, a.Subject, a.Details))
            .ToListAsync(ct);
        return Page();
    }

    private Pager AuditPager(int page, int total) =>
        Pager.For(page, PageSize, total, "/Admin/Audit", new("person", Person), new("from", From), new("to", To));

    public sealed record AuditRow(DateTime AtUtc, string Actor, string Action, string Subject, string? Details);
}
