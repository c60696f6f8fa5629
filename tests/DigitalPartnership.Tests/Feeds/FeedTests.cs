using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DigitalPartnership.Tests.Feeds;

/// <summary>
/// The Atom feeds of changes and the milestones calendar as a feed reader and a calendar fetch them: by the subscribe
/// link copied from a page, with the person's feed token in it and no cookie.
/// </summary>
public sealed class FeedTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _staff = null!;
    private HttpClient _feedReader = null!;

    public async Task InitializeAsync()
    {
        _staff = await _factory.CreateClientAsync(PortalRoles.Staff);
        _feedReader = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_changes_feed_parses_as_Atom_and_has_a_new_first_entry_after_an_edit()
    {
        await MakeFeedTokenAsync(_staff);
        var link = await SubscribeLinkAsync("/", "subscribe-changes");
        Assert.Contains("token=", link);
        using var before = await _feedReader.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("application/atom+xml", before.Content.Headers.ContentType?.MediaType);
        var feed = Load(await before.Content.ReadAsStreamAsync());
        Assert.Equal(6, feed.Items.Count()); // each seeded deliverable's first row
        Assert.DoesNotContain(feed.Links, l => l.Uri.ToString().Contains("token=")); // the document never passes the token on

        var id = await _factory.DeliverableIdAsync();
        var editor = await _factory.ApiClientAsync(PortalRoles.Editor);
        using (var saved = await editor.PatchDeliverableAsync(id, """{"status":"in-progress","changeNote":"Kick-off held."}""", await editor.ETagOfDeliverableAsync(id)))
        {
            await saved.JsonAsync();
        }

        using var after = await GetIfNoneMatchAsync(link, before.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var changed = Load(await after.Content.ReadAsStreamAsync());
        Assert.Equal(7, changed.Items.Count());
        var newest = changed.Items.First();
        Assert.StartsWith(PortalFactory.CoreTechnologies[..20], newest.Title.Text);
        Assert.Contains("Not started → In progress", newest.Title.Text);
        Assert.Contains("Kick-off held.", ((TextSyndicationContent)newest.Content).Text);
        Assert.Equal("editor@test.example.org", Assert.Single(newest.Authors).Name);
        Assert.EndsWith($"/deliverables/{id}", newest.Links.First().Uri.ToString());
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatchAsync(link, after.Headers.ETag!)).StatusCode);
    }

    [Fact]
    public async Task The_area_outcome_and_partnership_feeds_parse_and_an_unknown_one_is_a_404()
    {
        await MakeFeedTokenAsync(_staff);

        var area = Load(await _feedReader.GetStreamAsync(await SubscribeLinkAsync("/areas/6g", "subscribe-changes")));
        Assert.Equal(2, area.Items.Count());
        Assert.Contains("6G", area.Title.Text);
        var outcome = Load(await _feedReader.GetStreamAsync(await SubscribeLinkAsync("/outcomes/semiconductors-and-6g", "subscribe-changes")));
        Assert.Contains("Semiconductors and 6G", outcome.Title.Text);
        Assert.Equal(2, outcome.Items.Count());
        var token = new Uri("http://localhost" + await SubscribeLinkAsync("/", "subscribe-changes")).Query;
        var partnership = Load(await _feedReader.GetStreamAsync($"/feeds/partnerships/eu-japan-digital-partnership.atom{token}"));
        Assert.Equal(6, partnership.Items.Count());

        using var unknown = await _feedReader.GetAsync($"/feeds/areas/no-such-area.atom{token}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_calendar_parses_with_Ical_Net_and_gains_a_target_date_after_an_edit()
    {
        await MakeFeedTokenAsync(_staff);
        var link = await SubscribeLinkAsync("/milestones", "subscribe-calendar");
        using var before = await _feedReader.GetAsync(link);
        Assert.Equal("text/calendar", before.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await before.Content.ReadAsStringAsync())!;
        var council = Assert.Single(calendar.Events);
        Assert.Contains("Tokyo", council.Summary);
        Assert.DoesNotContain(calendar.Events, e => e.Summary?.StartsWith("Target:", StringComparison.Ordinal) == true);

        var id = await _factory.DeliverableIdAsync();
        var editor = await _factory.ApiClientAsync(PortalRoles.Editor);
        using (var saved = await editor.PatchDeliverableAsync(id, """{"targetDate":"2027-02-15"}""", await editor.ETagOfDeliverableAsync(id)))
        {
            await saved.JsonAsync();
        }

        using var after = await _feedReader.GetAsync(link);
        var changed = Ical.Net.Calendar.Load(await after.Content.ReadAsStringAsync())!;
        Assert.Equal(2, changed.Events.Count);
        var target = Assert.Single(changed.Events, e => e.Summary?.StartsWith("Target:", StringComparison.Ordinal) == true);
        Assert.Contains(PortalFactory.CoreTechnologies, target.Summary);
        Assert.Equal(new DateOnly(2027, 2, 15), DateOnly.FromDateTime(target.DtStart!.Value));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task A_feed_reader_without_a_token_or_with_a_revoked_or_wrong_one_gets_a_401()
    {
        await MakeFeedTokenAsync(_staff);
        var link = await SubscribeLinkAsync("/", "subscribe-changes");
        Assert.Equal(HttpStatusCode.OK, (await _feedReader.GetAsync(link)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _feedReader.GetAsync("/feeds/changes.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _feedReader.GetAsync(link[..^4] + "AAAA")).StatusCode);
        var tokens = await _staff.GetDocumentAsync(ApiAccess.TokensPage);
        var revoke = tokens.QuerySelectorAll("form").Single(f => f.TextContent.Contains("Revoke the feed token"));
        using (var done = await _staff.PostAsync(revoke.GetAttribute("action"), new FormUrlEncodedContent(PortalFactory.FieldsOf(revoke))))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        using var revoked = await _feedReader.GetAsync(link);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("not valid", await revoked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_subscribe_link_carries_a_feed_token_made_after_the_page_was_first_seen()
    {
        var without = await SubscribeLinkAsync("/", "subscribe-changes");
        Assert.DoesNotContain("token=", without);

        await MakeFeedTokenAsync(_staff);
        var first = await SubscribeLinkAsync("/", "subscribe-changes");
        await MakeFeedTokenAsync(_staff); // a new token replaces the first
        var second = await SubscribeLinkAsync("/", "subscribe-changes");

        Assert.Contains("token=", first);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _feedReader.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _feedReader.GetAsync(second)).StatusCode);
    }

    /// <summary>Makes (or renews) the person's feed token with the button on the tokens page.</summary>
    private static async Task MakeFeedTokenAsync(HttpClient signedIn)
    {
        var page = await signedIn.GetDocumentAsync(ApiAccess.TokensPage);
        var form = page.QuerySelectorAll("form").First(f => f.GetAttribute("action")!.Contains("handler=FeedToken", StringComparison.Ordinal));
        using var response = await signedIn.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(PortalFactory.FieldsOf(form)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await signedIn.GetDocumentAsync(ApiAccess.TokensPage)).QuerySelector("[data-testid=feed-token]"));
    }

    private async Task<string> SubscribeLinkAsync(string page, string testId)
    {
        var document = await _staff.GetDocumentAsync(page);
        return document.QuerySelector($"[data-testid={testId}]")?.GetAttribute("href") ?? throw new InvalidOperationException($"no {testId} link on {page}");
    }

    private Task<HttpResponseMessage> GetIfNoneMatchAsync(string url, EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(tag);
        return _feedReader.SendAsync(request);
    }

    private static SyndicationFeed Load(Stream atom)
    {
        using var reader = XmlReader.Create(atom);
        return SyndicationFeed.Load(reader);
    }
}
