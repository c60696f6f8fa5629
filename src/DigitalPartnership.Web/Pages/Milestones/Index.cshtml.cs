using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using DigitalPartnership.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;
using DigitalPartnership.Web.Hosting.Http;

namespace DigitalPartnership.Web.Pages.Milestones;

/// <summary>
/// The timeline of the chosen partnership (of all, when none is chosen): Councils held, the next Council announced, and the
/// deliverables' target dates around today.
/// </summary>
[CachedByStoreVersion]
[ScopedByPartnership]
public sealed class IndexModel(PortalDbContext db, TimeProvider time, IStringLocalizer<IndexModel> text) : PageModel
{
    private const int TargetsShown = 30;

    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public int OverdueCount { get; private set; }
    public int LaterTargetCount { get; private set; }
    public DateOnly Today { get; private set; }
    public PartnershipScope Scope { get; private set; } = PartnershipScope.Unresolved;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = time.UtcToday();
        Scope = await PartnershipScope.OfAsync(HttpContext);
        var entries = new List<TimelineEntry>();

        var meetings = await Councils.Held(db, Scope.Id)
            .Select(m => new { m.Id, m.Place.Ordinal, m.Place.City, m.Place.Country, m.Place.Date, m.Place.Year, m.Title, Partnership = m.Partnership.Name })
            .ToListAsync(ct);
        entries.AddRange(meetings.Select(m =>
        {
            var place = new MeetingPlace(m.Ordinal, m.City, m.Country, m.Date, m.Year);
            var council = MeetingText.Council(Scope, m.Partnership, m.Ordinal);
            return new TimelineEntry(SortKey(place), Display.When(place) ?? text["Date not stated"],
                place.Location is { } l ? Format("{0} held in {1}", council, ContentHtml.Content(l)) : Format("{0} held", council),
                ContentHtml.Content(m.Title), TimelineLink.Meeting(m.Id), TimelineKind.Council, null);
        }));

        entries.AddRange((await Councils.AnnouncedAsync(db, Scope.Id, ct)).Select(next => new TimelineEntry(SortKey(next.Place),
            Display.When(next.Place) ?? text["Date not announced"],
            Scope.Several ? Format("Next {0} Council: {1}", ContentHtml.Content(CouncilNames.ShortPartnership(next.Partnership)), ContentHtml.Describe(next.Place))
                : Format("Next Council: {0}", ContentHtml.Describe(next.Place)),
            Format("{0} · {1}", MeetingText.Council(Scope, next.Partnership, next.Place.Ordinal), ContentHtml.Countdown(next.Place, Today)),
            next.AnnouncedAtId is { } id ? TimelineLink.Meeting(id) : null,
            next.IsOverdue(Today) ? TimelineKind.Overdue : TimelineKind.Upcoming, null)));

        var open = db.Deliverables.AsNoTracking().InPartnership(Scope.Id)
            .Where(d => d.TargetDate != null && !DeliverableStatusText.Closed.Contains(d.Status));
        OverdueCount = await open.CountAsync(d => d.TargetDate < Today, ct);
        var upcoming = await open.Where(d => d.TargetDate >= Today).OrderBy(d => d.TargetDate).ThenBy(d => d.Id).Take(TargetsShown)
            .Select(d => new { d.Id, d.Title, d.TargetDate, d.Status }).ToListAsync(ct);
        LaterTargetCount = Math.Max(0, await open.CountAsync(d => d.TargetDate >= Today, ct) - upcoming.Count);
        entries.AddRange(upcoming.Select(d => new TimelineEntry(d.TargetDate!.Value, Display.Date(d.TargetDate), ContentHtml.Content(d.Title),
            new StringHtmlContent(text["Deliverable target date"]),
            TimelineLink.Deliverable(d.Id), TimelineKind.Upcoming, d.Status)));

        Entries = entries.OrderBy(e => e.SortKey).ToList();
    }

    /// <summary>One of the page's sentences in the reader's language, its stored parts marked with their language.</summary>
    private IHtmlContent Format(string english, params object[] parts) => new HtmlFormattableString(text[english].Value, parts);

    /// <summary>A Council known only by its year sorts at the end of that year: it is due by then.</summary>
    private static DateOnly SortKey(MeetingPlace place) =>
        place.Date ?? (place.Year is { } year ? new DateOnly(year, 12, 31) : DateOnly.MaxValue);

    public enum TimelineKind { Council, Upcoming, Overdue }

    public sealed record TimelineEntry(DateOnly SortKey, string When, IHtmlContent Title, IHtmlContent Detail, TimelineLink? Link, TimelineKind Kind, DeliverableStatus? Status);

    /// <summary>The page an entry links to, by name, for the view's <c>asp-page</c>.</summary>
    public sealed record TimelineLink(string Page, int Id)
    {
        public static TimelineLink Meeting(int id) => new("/Meetings/Details", id);

        public static TimelineLink Deliverable(int id) => new("/Deliverables/Details", id);
    }
}
