using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>Every deliverable, filtered by area, status, meeting and words, sorted and paged by the database.</summary>
public sealed class IndexModel(PortalDbContext db, IOptions<PortalOptions> options) : PageModel
{
    public const int MaxQueryLength = FilterReader.MaxQueryLength;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Meeting { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public string? PageText { get; set; }

    public IReadOnlyList<DeliverableRow> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyList<AreaRef> AreaChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> MeetingChoices { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public static IReadOnlyList<(DeliverableSort Sort, string Key, string Label)> SortChoices { get; } =
    [
        (DeliverableSort.Source, "", "Council text order"),
        (DeliverableSort.Updated, "updated", "Recently updated"),
        (DeliverableSort.Target, "target", "Target date"),
        (DeliverableSort.Status, "status", "Status"),
        (DeliverableSort.Title, "title", "Title"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        AreaChoices = await db.Areas.AsNoTracking().OrderBy(a => a.Position).Select(a => new AreaRef(a.Slug, a.Name)).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.Ordinal).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Ordinal, m.City, m.Country }).ToListAsync(ct);
        MeetingChoices = meetings.Select(m => (m.Id, MeetingPlace.ShortNameOf(m.Ordinal, m.City, m.Country))).ToList();

        var (filter, sort, page, problems) = await ReadQueryAsync(ct);
        Problems = problems;
        if (problems.Count > 0)
        {
            // The reader keeps the form as typed and is told what to change; nothing is guessed.
            Pager = new Pager(1, options.Value.PageSize, 0, Link);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var matching = db.Matching(filter);
        var total = await matching.CountAsync(ct);
        var pageSize = options.Value.PageSize;
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        Pager = new Pager(page, pageSize, total, Link);
        var rows = await matching.SortBy(sort)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new DeliverableRow(d.Id, d.Title, d.Status, d.Progress, d.TargetDate, d.UpdatedAtUtc,
                d.Outcome.Title, d.Outcome.Slug, d.Outcome.MeetingId, d.Outcome.Meeting.Ordinal, Array.Empty<AreaRef>(), d.Version))
            .ToListAsync(ct);
        var areas = await AreaRefs.ForDeliverablesAsync(db, rows.Select(r => r.Id).ToList(), ct);
        Rows = rows.Select(r => r with { Areas = areas[r.Id].ToList() }).ToList();
        return Page();
    }

    public bool CanEdit => User.IsInRole(Core.Accounts.PortalRoles.Editor) || User.IsInRole(Core.Accounts.PortalRoles.Admin);

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Area) || !string.IsNullOrEmpty(Status) || !string.IsNullOrEmpty(Meeting);

    private async Task<(DeliverableFilter, DeliverableSort, int, List<string>)> ReadQueryAsync(CancellationToken ct)
    {
        var reader = new FilterReader(db);
        var filter = await reader.ReadAsync(Q, Area, Status, Meeting, ct);
        var problems = reader.Problems;

        var sort = DeliverableSort.Source;
        if (!string.IsNullOrEmpty(Sort))
        {
            var choice = SortChoices.FirstOrDefault(c => c.Key == Sort.ToLowerInvariant() && c.Key.Length > 0);
            if (choice.Key is null)
            {
                problems.Add($"\"{Sort}\" is not a way to sort. Choose one from the list.");
            }
            else
            {
                sort = choice.Sort;
            }
        }

        var page = 1;
        if (!string.IsNullOrEmpty(PageText) && (!int.TryParse(PageText, out page) || page < 1))
        {
            problems.Add("The page number must be a whole number from 1.");
        }

        return (filter, sort, page, problems);
    }

    private string Link(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
            ["area"] = Area,
            ["status"] = Status,
            ["meeting"] = Meeting,
            ["sort"] = Sort,
            ["page"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/deliverables",
            query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public sealed record DeliverableRow(int Id, string Title, DeliverableStatus Status, int? Progress, DateOnly? TargetDate, DateTime UpdatedAtUtc,
        string Outcome, string OutcomeSlug, int MeetingId, int? MeetingOrdinal, IReadOnlyList<AreaRef> Areas, int Version)
    {
        public string Council => new MeetingPlace(MeetingOrdinal, null, null, null, null).CouncilName;
    }
}
