using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Api;

/// <summary>
/// The contract of /api/v1 as a program sees it: field names, filters, cursor paging, ETags, problem details that name
/// the field, PATCH with If-Match, and who may do what with which token.
/// </summary>
public sealed class ApiContractTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _reader = null!;

    public async Task InitializeAsync() => _reader = await _factory.ApiClientAsync(PortalRoles.Staff);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Partnerships_are_listed_and_read_by_slug_and_an_unknown_slug_is_a_404_problem()
    {
        var list = await _reader.GetJsonAsync("/api/v1/partnerships");
        var partnership = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal("Japan", partnership["partner"]!.GetValue<string>());
        var slug = partnership["slug"]!.GetValue<string>();

        var one = await _reader.GetJsonAsync($"/api/v1/partnerships/{slug}");
        Assert.Equal(partnership["name"]!.GetValue<string>(), one["name"]!.GetValue<string>());

        using var missing = await _reader.GetAsync("/api/v1/partnerships/no-such-partnership");
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var problem = await missing.JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.Contains("no-such-partnership", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Meetings_are_listed_and_read_by_id()
    {
        var meetingId = await _factory.SeededMeetingIdAsync();

        var list = await _reader.GetJsonAsync("/api/v1/meetings");
        var meeting = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(meetingId, meeting["id"]!.GetValue<int>());
        Assert.Equal("Brussels", meeting["city"]!.GetValue<string>());
        Assert.Equal(2, meeting["ordinal"]!.GetValue<int>());
        Assert.Equal(5, meeting["outcomes"]!.GetValue<int>());

        var one = await _reader.GetJsonAsync($"/api/v1/meetings/{meetingId}");
        Assert.Equal("2nd Council, Brussels", one["name"]!.GetValue<string>());
        await _reader.GetJsonAsync("/api/v1/meetings/999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outcomes_are_listed_in_order_and_read_by_slug_with_their_deliverables_counted()
    {
        var list = await _reader.GetJsonAsync("/api/v1/outcomes");
        Assert.Equal(5, list["items"]!.AsArray().Count);

        var outcome = await _reader.GetJsonAsync("/api/v1/outcomes/semiconductors-and-6g");
        Assert.Equal("Semiconductors and 6G", outcome["title"]!.GetValue<string>());
        Assert.Contains("6g", outcome["areas"].Strings());
        Assert.True(outcome["deliverables"]!["total"]!.GetValue<int>() > 0);
        await _reader.GetJsonAsync("/api/v1/outcomes/no-such-outcome", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Areas_are_listed_with_their_aliases_and_read_by_slug()
    {
        var list = await _reader.GetJsonAsync("/api/v1/areas");
        Assert.Contains("submarine-cables", list["items"]!.AsArray().Select(a => a!["slug"]!.GetValue<string>()));

        var area = await _reader.GetJsonAsync("/api/v1/areas/submarine-cables");
        Assert.Equal("Submarine cables", area["name"]!.GetValue<string>());
        Assert.NotEmpty(area["aliases"].Strings());
        Assert.Equal(1, area["deliverables"]!["total"]!.GetValue<int>());
        await _reader.GetJsonAsync("/api/v1/areas/no-such-area", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deliverables_are_filtered_like_the_list_page()
    {
        var all = await _reader.GetJsonAsync("/api/v1/deliverables");
        Assert.Equal(6, all["total"]!.GetValue<int>());
        Assert.Null(all["next"]);

        var completed = await _reader.GetJsonAsync("/api/v1/deliverables?status=completed");
        Assert.Equal(1, completed["total"]!.GetValue<int>());
        Assert.All(completed["items"]!.AsArray(), d => Assert.Equal("completed", d!["status"]!.GetValue<string>()));

        var sixG = await _reader.GetJsonAsync($"/api/v1/deliverables?area=6g&meeting={await _factory.SeededMeetingIdAsync()}");
        Assert.Equal(2, sixG["total"]!.GetValue<int>());
        Assert.All(sixG["items"]!.AsArray(), d => Assert.Contains("6g", d!["areas"].Strings()));

        var searched = await _reader.GetJsonAsync("/api/v1/deliverables?q=SUBMARINE%20cable");
        Assert.Contains("submarine cable", Assert.Single(searched["items"]!.AsArray())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cursor_paging_walks_every_deliverable_once_in_the_chosen_order()
    {
        var titles = new List<string>();
        var ids = new List<int>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await _reader.GetJsonAsync($"/api/v1/deliverables?sort=title&limit=2{(next is null ? "" : $"&cursor={next}")}");
            Assert.Equal(6, page["total"]!.GetValue<int>());
            var items = page["items"]!.AsArray();
            Assert.InRange(items.Count, 1, 2);
            titles.AddRange(items.Select(d => d!["title"]!.GetValue<string>()));
            ids.AddRange(items.Select(d => d!["id"]!.GetValue<int>()));
            next = page["next"]?.GetValue<string>();
            pages++;
        }
        while (next is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(6, ids.Distinct().Count());
        Assert.Equal(titles.Order(StringComparer.Ordinal), titles);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_not_an_error()
    {
        var editor = await _factory.ApiClientAsync(PortalRoles.Editor);
        var first = await _reader.GetJsonAsync("/api/v1/deliverables?sort=title&limit=5");
        var cursor = first["next"]!.GetValue<string>();
        var last = await _reader.GetJsonAsync($"/api/v1/deliverables?sort=title&limit=5&cursor={cursor}");
        var lastId = Assert.Single(last["items"]!.AsArray())!["id"]!.GetValue<int>();

        // The last deliverable is renamed to sort first: after the first page's cursor there is nothing left.
        using var renamed = await editor.PatchDeliverableAsync(lastId, """{"title":"A renamed deliverable"}""", await editor.ETagOfDeliverableAsync(lastId));
        await renamed.JsonAsync();

        var beyond = await _reader.GetJsonAsync($"/api/v1/deliverables?sort=title&limit=5&cursor={cursor}");
        Assert.Empty(beyond["items"]!.AsArray());
        Assert.Null(beyond["next"]);
        Assert.Equal(6, beyond["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("status=finished", "status")]
    [InlineData("area=no-such-area", "area")]
    [InlineData("sort=colour", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=lots", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task A_list_parameter_that_cannot_be_used_is_a_400_problem_naming_it(string query, string parameter)
    {
        using var response = await _reader.GetAsync($"/api/v1/deliverables?{query}");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([parameter], errors.Select(e => e.Key));
        Assert.False(string.IsNullOrWhiteSpace(errors[parameter]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_cursor_made_for_another_sort_is_refused()
    {
        var byTitle = await _reader.GetJsonAsync("/api/v1/deliverables?sort=title&limit=2");

        var problem = await _reader.GetJsonAsync($"/api/v1/deliverables?sort=status&limit=2&cursor={byTitle["next"]!.GetValue<string>()}", HttpStatusCode.BadRequest);

        Assert.Contains("another order", problem["errors"]!["cursor"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deliverable_and_its_history_are_read_with_stable_field_names()
    {
        var id = await _factory.DeliverableIdAsync();

        var deliverable = await _reader.GetJsonAsync($"/api/v1/deliverables/{id}");
        string[] fields = ["id", "title", "status", "progress", "euLead", "partnerLead", "targetDate", "notes", "sourceSentence", "evidenceLinks",
            "areas", "outcomeId", "outcomeSlug", "createdAtUtc", "updatedAtUtc", "version", "titleJapanese", "summaryJapanese"];
        Assert.Equal(fields, deliverable.AsObject().Select(p => p.Key));
        Assert.StartsWith(PortalFactory.CoreTechnologies, deliverable["sourceSentence"]!.GetValue<string>());

        var history = await _reader.GetJsonAsync($"/api/v1/deliverables/{id}/history");
        var made = Assert.Single(history["items"]!.AsArray())!;
        Assert.Null(made["from"]);
        Assert.Equal(deliverable["status"]!.GetValue<string>(), made["to"]!.GetValue<string>());
        await _reader.GetJsonAsync("/api/v1/deliverables/999999", HttpStatusCode.NotFound);
        await _reader.GetJsonAsync("/api/v1/deliverables/999999/history", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Milestones_give_the_next_Council_and_today()
    {
        var milestones = await _reader.GetJsonAsync("/api/v1/milestones");

        Assert.Equal("2026-11-29", milestones["today"]!.GetValue<string>());
        var council = Assert.Single(milestones["nextCouncils"]!.AsArray())!;
        Assert.Equal("Tokyo", council["city"]!.GetValue<string>());
        Assert.NotNull(milestones["targets"]!.AsArray());
    }

    [Fact]
    public async Task The_report_summary_is_for_managers_and_reads_its_parameters_like_the_reports_page()
    {
        var manager = await _factory.ApiClientAsync(PortalRoles.Manager);

        var summary = await manager.GetJsonAsync("/api/v1/reports/summary");
        Assert.Equal(6, summary["totals"]!["total"]!.GetValue<int>());
        Assert.NotEmpty(summary["byArea"]!.AsArray());

        var problem = await manager.GetJsonAsync("/api/v1/reports/summary?asOf=yesterday", HttpStatusCode.BadRequest);
        Assert.Equal(["asOf"], problem["errors"]!.AsObject().Select(e => e.Key));
        await _reader.GetJsonAsync("/api/v1/reports/summary", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unchanged_answer_is_a_304_to_If_None_Match_and_a_changed_one_is_not()
    {
        var id = await _factory.DeliverableIdAsync();
        using var first = await _reader.GetAsync("/api/v1/deliverables?status=in-progress");
        var listTag = first.Headers.ETag!;
        using var one = await _reader.GetAsync($"/api/v1/deliverables/{id}");
        var itemTag = one.Headers.ETag!;

        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatchAsync("/api/v1/deliverables?status=in-progress", listTag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatchAsync($"/api/v1/deliverables/{id}", itemTag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatchAsync("/api/v1/areas", (await _reader.GetAsync("/api/v1/areas")).Headers.ETag!)).StatusCode);

        var editor = await _factory.ApiClientAsync(PortalRoles.Editor);
        using var saved = await editor.PatchDeliverableAsync(id, """{"status":"in-progress","changeNote":"Moving."}""", itemTag.ToString());
        await saved.JsonAsync();

        using var changedList = await GetIfNoneMatchAsync("/api/v1/deliverables?status=in-progress", listTag);
        Assert.Equal(HttpStatusCode.OK, changedList.StatusCode);
        Assert.NotEqual(listTag, changedList.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, (await GetIfNoneMatchAsync($"/api/v1/deliverables/{id}", itemTag)).StatusCode);
    }

    [Fact]
    public async Task An_editor_PATCH_saves_with_the_same_history_as_the_form()
    {
        var id = await _factory.DeliverableIdAsync();
        var editor = await _factory.ApiClientAsync(PortalRoles.Editor);
        var tag = await editor.ETagOfDeliverableAsync(id);

        using var response = await editor.PatchDeliverableAsync(id,
            """{"status":"at-risk","progress":40,"euLead":"DG CONNECT","targetDate":"2027-03-31","changeNote":"Experts **named** late.","evidenceLinks":[{"url":"https://example.org/minutes","title":"Minutes"}]}""",
            tag);

        var saved = await response.JsonAsync();
        Assert.Equal("at-risk", saved["status"]!.GetValue<string>());
        Assert.Equal(40, saved["progress"]!.GetValue<int>());
        Assert.Equal("2027-03-31", saved["targetDate"]!.GetValue<string>());
        Assert.NotEqual(tag, response.Headers.ETag!.ToString());
        Assert.Equal($"\"{saved["version"]!.GetValue<int>()}\"", response.Headers.ETag!.ToString());

        var history = await _reader.GetJsonAsync($"/api/v1/deliverables/{id}/history");
        var newest = history["items"]![0]!;
        Assert.Equal("editor@test.example.org", newest["changedBy"]!.GetValue<string>());
        Assert.Equal("not-started", newest["from"]!.GetValue<string>());
        Assert.Equal("at-risk", newest["to"]!.GetValue<string>());
        Assert.Equal("Experts **named** late.", newest["note"]!.GetValue<string>());

        // The deliverable's page shows the API's change exactly as it shows a change made with the form.
        var page = await (await _factory.CreateClientAsync(PortalRoles.Staff)).GetDocumentAsync($"/deliverables/{id}");
        Assert.Equal("At risk", page.QuerySelector("main .status").Text());
        var row = page.QuerySelector("[data-testid=history] tbody tr")!;
        Assert.Contains("editor@test.example.org", row.TextContent);
        Assert.Contains("40%", row.TextContent);
        Assert.Equal("named", row.QuerySelector("strong").Text());
        Assert.Equal("https://example.org/minutes", page.QuerySelector("aside a[href^='https://example.org']")?.GetAttribute("href"));
        await using var db = _factory.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Details != null && a.Details.Contains("through the API") && a.Subject.Contains($"#{id}")));
    }

    [Fact]
    public async Task A_PATCH_on_a_stale_version_is_a_412_with_the_current_state_and_changes_nothing()
    {
        var id = await _factory.DeliverableIdAsync();
        var editor = await _factory.ApiClientAsync(PortalRoles.Editor);
        var other = await _factory.ApiClientAsync(PortalRoles.Editor, email: "second.editor@test.example.org");
        var read = await editor.ETagOfDeliverableAsync(id);
        using var theirs = await other.PatchDeliverableAsync(id, """{"status":"completed","changeNote":"Done."}""", read);
        var current = await theirs.JsonAsync();

        using var mine = await editor.PatchDeliverableAsync(id, """{"status":"delayed","changeNote":"Late."}""", read);

        Assert.Equal("application/problem+json", mine.Content.Headers.ContentType?.MediaType);
        var problem = await mine.JsonAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("completed", problem["current"]!["status"]!.GetValue<string>());
        Assert.Equal(current["version"]!.GetValue<int>(), problem["current"]!["version"]!.GetValue<int>());
        Assert.Equal($"\"{current["version"]!.GetValue<int>()}\"", mine.Headers.ETag!.ToString());
        var history = await _reader.GetJsonAsync($"/api/v1/deliverables/{id}/history");
        Assert.Equal(2, history["items"]!.AsArray().Count); // made, and theirs: mine was not written
        Assert.Equal("completed", (await _reader.GetJsonAsync($"/api/v1/deliverables/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_PATCH_without_If_Match_is_a_428_and_changes_nothing()
    {
        var id = await _factory.DeliverableIdAsync();
        var editor = await _factory.ApiClientAsync(PortalRoles.Editor);

        using var response = await editor.PatchDeliverableAsync(id, """{"status":"delayed"}""", ifMatch: null);

        var problem = await response.JsonAsync((HttpStatusCode)428);
        Assert.Contains("If-Match", problem["title"]!.GetValue<string>());
        Assert.Equal("not-started", (await _reader.GetJsonAsync($"/api/v1/deliverables/{id}"))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"progress":150}""", "progress", "0 to 100")]
    [InlineData("""{"status":"finished"}""", "status", "status")]
    [InlineData("""{"title":""}""", "title", "title")]
    [InlineData("""{"evidenceLinks":[{"url":"javascript:alert(1)","title":"x"}]}""", "evidenceLinks", "http")]
    [InlineData("""{"progress":"lots"}""", "progress", "type")]
    [InlineData("""{"colour":"red"}""", "colour", "no such field")]
    [InlineData("""[1,2]""", "body", "one JSON object")]
    [InlineData("""{"status": """, "body", "not JSON")]
    public async Task A_PATCH_that_cannot_be_used_is_a_400_problem_naming_the_field(string body, string field, string explanation)
    {
        var id = await _factory.DeliverableIdAsync();
        var editor = await _factory.ApiClientAsync(PortalRoles.Editor);

        using var response = await editor.PatchDeliverableAsync(id, body, await editor.ETagOfDeliverableAsync(id));

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        var named = Assert.Single(errors, e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal));
        Assert.Contains(explanation, named.Value![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("not-started", (await _reader.GetJsonAsync($"/api/v1/deliverables/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_415()
    {
        var id = await _factory.DeliverableIdAsync();
        var editor = await _factory.ApiClientAsync(PortalRoles.Editor);
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/deliverables/{id}") { Content = new StringContent("status=delayed", Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.TryAddWithoutValidation("If-Match", await editor.ETagOfDeliverableAsync(id));

        using var response = await editor.SendAsync(request);

        await response.JsonAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_readers_token_reads_but_writing_with_it_is_a_403()
    {
        var id = await _factory.DeliverableIdAsync();

        using var response = await _reader.PatchDeliverableAsync(id, """{"status":"delayed"}""", await _reader.ETagOfDeliverableAsync(id));

        var problem = await response.JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("role", problem["detail"]!.GetValue<string>());
        Assert.Equal("not-started", (await _reader.GetJsonAsync($"/api/v1/deliverables/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_editors_read_only_token_cannot_write_and_says_so()
    {
        var id = await _factory.DeliverableIdAsync();
        var readOnly = await _factory.ApiClientAsync(PortalRoles.Editor, readOnly: true);

        using var response = await readOnly.PatchDeliverableAsync(id, """{"status":"delayed"}""", await readOnly.ETagOfDeliverableAsync(id));

        var problem = await response.JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("read-only", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_and_a_revoked_token_get_the_same_401_with_no_hint_of_which()
    {
        var signedIn = await _factory.CreateClientAsync(PortalRoles.Editor);
        var secret = await ApiAccess.MakeApiTokenAsync(signedIn, "Soon revoked");
        var revoked = _factory.BearerClient(secret);
        await revoked.GetJsonAsync("/api/v1/areas");
        var tokens = await signedIn.GetDocumentAsync(ApiAccess.TokensPage);
        var revoke = tokens.QuerySelector("[data-testid=api-tokens] form")!;
        using (var done = await signedIn.PostAsync(revoke.GetAttribute("action"), new FormUrlEncodedContent(PortalFactory.FieldsOf(revoke))))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        var wrong = _factory.BearerClient(secret[..^4] + "AAAA");
        using var revokedAnswer = await revoked.GetAsync("/api/v1/areas");
        using var wrongAnswer = await wrong.GetAsync("/api/v1/areas");

        Assert.Equal(HttpStatusCode.Unauthorized, revokedAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
        var wrongProblem = await wrongAnswer.JsonAsync(HttpStatusCode.Unauthorized);
        var revokedProblem = await revokedAnswer.JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(wrongProblem["title"]!.GetValue<string>(), revokedProblem["title"]!.GetValue<string>());
        Assert.Equal(wrongProblem["detail"]!.GetValue<string>(), revokedProblem["detail"]!.GetValue<string>());
        Assert.Equal(["type", "title", "status", "detail", "traceId"], revokedProblem.AsObject().Select(p => p.Key)); // nothing more to tell them apart
        Assert.Equal(wrongAnswer.Headers.WwwAuthenticate.ToString(), revokedAnswer.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain("revoked", await revokedAnswer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_token_the_API_answers_401_and_says_how_to_get_one()
    {
        var anonymous = _factory.CreateClient();

        using var response = await anonymous.GetAsync("/api/v1/deliverables");

        var problem = await response.JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_in_editors_cookie_cannot_write_through_the_API()
    {
        var id = await _factory.DeliverableIdAsync();
        var browser = await _factory.CreateClientAsync(PortalRoles.Editor);
        var tag = await _reader.ETagOfDeliverableAsync(id);

        using var response = await browser.PatchDeliverableAsync(id, """{"status":"delayed"}""", tag);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("not-started", (await _reader.GetJsonAsync($"/api/v1/deliverables/{id}"))["status"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> GetIfNoneMatchAsync(string url, EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(tag);
        return _reader.SendAsync(request);
    }
}
