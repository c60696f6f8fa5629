using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>Every deliverable of the chosen partnership, filtered by area, status, meeting and words, sorted and paged by the database.</summary>
[CachedByStoreVersion]
[ScopedByPartnership]
public sealed class IndexModel(PortalDbContext db, IOptions<PortalOptions> options, IAuthorizationService authorization,
    Microsoft.Extensions.Localization.IStringLocalizer<IndexModel> text) : PageModel
{
    public const int MaxQueryLength = FilterReader.MaxQueryLength;
    public const string FilterProblemsLead = "These filters could not be applied:";
    public const string FilterProblemsTestId = "filter-problems";

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Meeting { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = PartnershipScope.QueryName)] public string? Partnership { get; set; }
    [FromQuery(Name = "page")] public string? PageText { get; set; }

    public IReadOnlyList<DeliverableRow> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyList<AreaRef> AreaChoices { get; private set; } = [];
    public IReadOnlyList<MeetingChoice> MeetingChoices { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public PartnershipScope Scope { get; private set; } = PartnershipScope.Unresolved;

    /// <summary>When a search finds nothing: what to try instead, each with its address and how many it finds.</summary>
    public IReadOnlyList<(SearchSuggestion Suggestion, string Url)> Suggestions { get; private set; } = [];

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
        Scope = await PartnershipScope.OfAsync(HttpContext);
        AreaChoices = await AreaRefs.AllAsync(db, ct);
        MeetingChoices = await Councils.ChoicesAsync(db, Scope.Id, ct);

        CanEdit = (await authorization.AuthorizeAsync(User, PortalAccounts.CanEdit)).Succeeded;

        var reader = new FilterReader(db, Scope);
        var (filter, sort, page, problems) = await ReadQueryAsync(reader, ct);
        Problems = problems;
        if (problems.Count > 0)
        {
            // The reader keeps the form as typed and is told what to change; nothing is guessed.
            Pager = ListPager(1, 0);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var matching = db.Matching(filter);
        Pager = ListPager(page, await matching.CountAsync(ct));
        var rows = await matching.SortBy(sort)
            .Skip(Pager.Skip).Take(Pager.PageSize)
            .Select(d => new DeliverableRow(d.Id, d.Title, d.Status, d.Progress, d.TargetDate, d.UpdatedAtUtc,
                d.Outcome.Title, d.Outcome.Slug, d.Outcome.MeetingId, d.Outcome.Meeting.Place.Ordinal, d.Outcome.Meeting.Partnership.Name, Array.Empty<AreaRef>(), d.Version, d.TitleJapanese))
            .ToListAsync(ct);
        var areas = await AreaRefs.ForDeliverablesAsync(db, rows.Select(r => r.Id).ToList(), ct);
        Rows = rows.Select(r => r with { Areas = areas[r.Id].ToList() }).ToList();
        if (Pager.TotalCount == 0)
        {
            Suggestions = (await SearchSuggestions.ForAsync(db, filter, reader.Vocabulary, ct))
                .Select(s => (s, SuggestionUrl(s))).ToList();
        }

        return Page();
    }

    /// <summary>Whether the reader may update the listed deliverables, so the list offers the bulk update.</summary>
    public bool CanEdit { get; private set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Area) || !string.IsNullOrEmpty(Status) || !string.IsNullOrEmpty(Meeting);

    private async Task<(DeliverableFilter, DeliverableSort, int, List<string>)> ReadQueryAsync(FilterReader reader, CancellationToken ct)
    {
        var filter = await reader.ReadAsync(Q, Area, Status, Meeting, ct);
        var problems = reader.Problems;

        var sort = DeliverableSort.Source;
        if (!string.IsNullOrEmpty(Sort))
        {
            var choice = SortChoices.FirstOrDefault(c => c.Key == Sort.ToLowerInvariant() && c.Key.Length > 0);
            if (choice.Key is null)
            {
                problems.Add(text["\"{0}\" is not a way to sort. Choose one from the list.", Sort]);
            }
            else
            {
                sort = choice.Sort;
            }
        }

        var page = 1;
        if (!string.IsNullOrEmpty(PageText) && (!int.TryParse(PageText, out page) || page < 1))
        {
            problems.Add(text["The page number must be a whole number from 1."]);
        }

        return (filter, sort, page, problems);
    }

    /// <summary>A suggested search keeps the filters it kept, and the sort; an area suggested is browsed on its own.</summary>
    private string SuggestionUrl(SearchSuggestion suggestion)
    {
        var filter = suggestion.Filter;
        return Url.Page("/Deliverables/Index", suggestion.AreaSlug is { } slug
            ? new { area = slug }
            : new
            {
                q = filter.Query,
                area = filter.AreaId is null ? null : Area,
                status = filter.Status is null ? null : Status,
                meeting = filter.MeetingId is null ? null : Meeting,
                partnership = Partnership,
                sort = Sort,
            })!;
    }

    /// <summary>
    /// A suggestion's words as a format to translate and the term it names: "without “{0}”" with the term, or the label
    /// itself (SearchSuggestions writes them in English).
    /// </summary>
    public static (string Format, string Term) SuggestionWords(string label) =>
        label.StartsWith("without “", StringComparison.Ordinal) && label.EndsWith('”')
            ? ("without “{0}”", label["without “".Length..^1])
            : (label, "");

    /// <summary>The pager keeps every filter of the list as it stands in the address.</summary>
    private Pager ListPager(int page, int total) => Pager.For(page, options.Value.PageSize, total, "/Deliverables/Index",
        new("q", Q), new("area", Area), new("status", Status), new("meeting", Meeting), new(PartnershipScope.QueryName, Partnership), new("sort", Sort));

    public sealed record DeliverableRow(int Id, string Title, DeliverableStatus Status, int? Progress, DateOnly? TargetDate, DateTime UpdatedAtUtc,
        string Outcome, string OutcomeSlug, int MeetingId, int? MeetingOrdinal, string Partnership, IReadOnlyList<AreaRef> Areas, int Version,
        string? TitleJapanese = null)
    {
        public string Council => Display.CouncilName(MeetingOrdinal);
    }

    /// <summary>"EU–Korea · 1st Council" when the store holds several partnerships, "2nd Council" when one.</summary>
    public string CouncilOf(DeliverableRow row) => Scope.Council(row.Partnership, row.Council);
}
