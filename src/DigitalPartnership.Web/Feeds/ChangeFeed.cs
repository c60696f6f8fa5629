using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;
using DigitalPartnership.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Feeds;

/// <summary>
/// Atom feeds of the deliverables' history: who changed what (status, progress), when, and why (the note, rendered as the
/// pages render it) — the latest changes first, for the whole portal or one area, outcome or partnership.
/// </summary>
public sealed class ChangeFeed(PortalDbContext db, LinkGenerator links, MarkdownRenderer markdown, IOptions<PortalApiOptions> options)
{
    private const int TitleLength = 100;

    public Task<Results<FeedResult, ProblemHttpResult>> OfPortalAsync(HttpContext http, CancellationToken ct) =>
        WriteAsync(http, new Scope("Digital Partnership Portal: changes", "Every change to a deliverable's status, progress or notes.",
            db.StatusChanges, FeedKinds.Changes, null, links.GetUriByPage(http, "/Index")!), ct);

    public async Task<Results<FeedResult, ProblemHttpResult>> OfAreaAsync(string slug, HttpContext http, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return FeedResult.NotFound($"area \"{slug}\"");
        }

        var inArea = db.DeliverableAreaLinks.Where(link => link.AreaId == area.Id).Select(link => link.OwnerId);
        return await WriteAsync(http, new Scope($"Digital Partnership Portal: changes in {area.Name}",
            $"Changes to the deliverables filed under {area.Name}.", db.StatusChanges.Where(h => inArea.Contains(h.DeliverableId)),
            FeedKinds.Area, slug, links.GetUriByPage(http, "/Areas/Details", values: new { slug })!), ct);
    }

    public async Task<Results<FeedResult, ProblemHttpResult>> OfOutcomeAsync(string slug, HttpContext http, CancellationToken ct)
    {
        var outcome = await db.Outcomes.AsNoTracking().Where(o => o.Slug == slug).Select(o => new { o.Id, o.Title }).FirstOrDefaultAsync(ct);
        if (outcome is null)
        {
            return FeedResult.NotFound($"outcome \"{slug}\"");
        }

        return await WriteAsync(http, new Scope($"Digital Partnership Portal: changes to “{Shorten(outcome.Title)}”",
            $"Changes to the deliverables of the key outcome “{outcome.Title}”.", db.StatusChanges.Where(h => h.Deliverable.OutcomeId == outcome.Id),
            FeedKinds.Outcome, slug, links.GetUriByPage(http, "/Outcomes/Details", values: new { slug })!), ct);
    }

    public async Task<Results<FeedResult, ProblemHttpResult>> OfPartnershipAsync(string slug, HttpContext http, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        if (partnership is null)
        {
            return FeedResult.NotFound($"partnership \"{slug}\"");
        }

        return await WriteAsync(http, new Scope($"{partnership.Name}: changes", $"Changes to the deliverables of the {partnership.Name}.",
            db.StatusChanges.Where(h => h.Deliverable.Outcome.Meeting.PartnershipId == partnership.Id),
            FeedKinds.Partnership, slug, links.GetUriByPage(http, "/Index")!), ct);
    }

    private async Task<Results<FeedResult, ProblemHttpResult>> WriteAsync(HttpContext http, Scope scope, CancellationToken ct)
    {
        var changes = await scope.History.AsNoTracking()
            .OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id)
            .Take(options.Value.FeedEntries)
            .Select(h => new Change(h.Id, h.DeliverableId, h.Deliverable.Title, h.ChangedAtUtc, h.ChangedBy, h.FromStatus, h.ToStatus, h.Progress, h.Note))
            .ToListAsync(ct);

        // The feed's own address never carries the token: the document may be passed on, the token must not be.
        var self = links.GetUriByName(http, scope.Kind, scope.Slug is null ? null : new { slug = scope.Slug })!;
        var feed = new SyndicationFeed(scope.Title, scope.Description, new Uri(scope.Page), self,
            changes.Count > 0 ? Utc(changes[0].AtUtc) : DateTimeOffset.UnixEpoch)
        {
            Generator = "Digital Partnership Portal",
            Items = changes.Select(change => Entry(http, change)).ToList(),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(self), FeedEndpoints.AtomMediaType));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return new FeedResult(buffer.ToArray(), FeedEndpoints.AtomMediaType);
    }

    private SyndicationItem Entry(HttpContext http, Change change)
    {
        var page = links.GetUriByPage(http, "/Deliverables/Details", values: new { id = change.DeliverableId })!;
        var what = change.From switch
        {
            null => $"added as {change.To.DisplayName()}",
            { } from when from != change.To => $"{from.DisplayName()} → {change.To.DisplayName()}",
            _ => $"updated, still {change.To.DisplayName()}",
        };
        var progress = change.Progress is { } p ? $" Progress: {p.ToString(CultureInfo.InvariantCulture)}%." : "";
        var html = $"<p>Status: {WebUtility.HtmlEncode(what)}.{progress}</p>{markdown.ToHtml(change.Note)}";
        var item = new SyndicationItem($"{Shorten(change.Title)}: {what}", SyndicationContent.CreateHtmlContent(html), new Uri(page),
            $"{page}#change-{change.Id.ToString(CultureInfo.InvariantCulture)}", Utc(change.AtUtc))
        {
            PublishDate = Utc(change.AtUtc),
            Summary = new TextSyndicationContent($"{change.By}: {what}.{progress}"),
        };
        item.Authors.Add(new SyndicationPerson { Name = change.By });
        return item;
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static string Shorten(string text) => text.Length <= TitleLength ? text : text[..(TitleLength - 1)].TrimEnd() + "…";

    /// <summary>What one feed covers: its words, its history rows, its own route and the page it stands for.</summary>
    private sealed record Scope(string Title, string Description, IQueryable<StatusChange> History, string Kind, string? Slug, string Page);

    private sealed record Change(long Id, int DeliverableId, string Title, DateTime AtUtc, string By, DeliverableStatus? From, DeliverableStatus To,
        int? Progress, string? Note);
}
