using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Editing;

/// <summary>Editors updating deliverables: saves, history, conflicts, validation, bulk updates, antiforgery.</summary>
public sealed class EditingTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = null!;
    private int _id;

    public async Task InitializeAsync()
    {
        _editor = await _factory.CreateClientAsync(PortalRoles.Editor);
        await using var db = _factory.NewContext();
        _id = await db.Deliverables.Where(d => d.Title.StartsWith("A team of experts")).Select(d => d.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_editor_changes_status_with_a_note_and_readers_see_it_everywhere_at_once()
    {
        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        form["Input.Status"] = "in-progress";
        form["Input.Progress"] = "40";
        form["Input.EuLead"] = "DG CONNECT";
        form["Input.PartnerLead"] = "METI";
        form["Input.TargetDate"] = "2026-06-30";
        form["Input.ChangeNote"] = "Experts **named** at the kick-off.";
        form["Input.EvidenceLinks"] = "https://example.org/kick-off Kick-off minutes";
        var fields = form.Where(f => f.Key != "Input.Areas").ToList();
        fields.Add(new("Input.Areas", "semiconductors"));
        fields.Add(new("Input.Areas", "digital-skills"));

        var saved = await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await _editor.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.StartsWith("Saved.", shown.QuerySelector("[data-testid=status-message]").Text());
        var again = await _editor.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Null(again.QuerySelector("[data-testid=status-message]")); // said once, not on every visit
        var reader = await _factory.CreateClientAsync(PortalRoles.Staff);
        var page = await reader.GetDocumentAsync($"/deliverables/{_id}");
        Assert.Equal("In progress", page.QuerySelector("main .status").Text());
        var newest = page.QuerySelector("[data-testid=history] tbody tr")!;
        Assert.Contains("editor@test.example.org", newest.TextContent);
        Assert.Equal("named", newest.QuerySelector("strong").Text()); // the note is rendered Markdown
        Assert.Contains("40%", newest.TextContent);
        Assert.Equal("https://example.org/kick-off", page.QuerySelector("aside a[href^='https://example.org']")?.GetAttribute("href"));
        Assert.Contains("METI", page.QuerySelector("aside").Text());
        Assert.Equal(["Semiconductors", "Digital skills"], page.Texts("aside .area-tag"));
        Assert.Equal("1", (await reader.GetDocumentAsync("/deliverables?area=digital-skills&q=experts")).QuerySelector("[data-testid=result-count] [data-testid=total]").Text());

        var dashboard = await reader.GetDocumentAsync("/");
        Assert.Contains("2 In progress", dashboard.Texts(".status-tile"));
        Assert.Contains("A team of experts", dashboard.QuerySelector("[data-testid=recent-changes] li").Text());
    }

    [Fact]
    public async Task A_save_on_an_older_version_is_a_409_conflict_that_keeps_the_input_and_can_be_reapplied()
    {
        var other = await _factory.CreateClientAsync(PortalRoles.Editor, "second.editor@test.example.org");
        var mine = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        var theirs = await PortalFactory.FormAsync(other, $"/deliverables/{_id}/edit");

        theirs["Input.Status"] = "completed";
        theirs["Input.ChangeNote"] = "Team established.";
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(theirs))).StatusCode);

        mine["Input.Status"] = "delayed";
        mine["Input.ChangeNote"] = "Nominations late.";
        using var conflict = await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(mine));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ParseAsync(await conflict.Content.ReadAsStringAsync());
        Assert.Equal("Completed", page.QuerySelector("[data-testid=theirs-status]").Text());
        Assert.Equal("Nominations late.", page.QuerySelector("#Input_ChangeNote").Text()); // my input is kept
        Assert.Equal("delayed", page.QuerySelector("#Input_Status option[selected]")?.GetAttribute("value"));
        await AssertStatusAsync(DeliverableStatus.Completed); // nothing was overwritten

        // Re-apply: the form now carries the current version.
        var again = FormOf(page);
        using var reapplied = await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(again));
        Assert.Equal(HttpStatusCode.Redirect, reapplied.StatusCode);
        await AssertStatusAsync(DeliverableStatus.Delayed);
        await using var db = _factory.NewContext();
        Assert.Equal(3, await db.StatusChanges.CountAsync(h => h.DeliverableId == _id)); // import, theirs, mine
    }

    [Fact]
    public async Task Twenty_simultaneous_saves_from_one_version_give_one_success_and_nineteen_conflicts()
    {
        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        await using (var before = _factory.NewContext())
        {
            Assert.Equal(1, await before.StatusChanges.CountAsync(h => h.DeliverableId == _id));
        }

        var saves = Enumerable.Range(1, 20).Select(async i =>
        {
            var mine = new Dictionary<string, string>(form) { ["Input.Status"] = "in-progress", ["Input.ChangeNote"] = $"Save {i}" };
            using var response = await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(mine));
            return response.StatusCode;
        });
        var results = await Task.WhenAll(saves);

        Assert.Equal(1, results.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(19, results.Count(s => s == HttpStatusCode.Conflict));
        await using var db = _factory.NewContext();
        Assert.Equal(2, await db.StatusChanges.CountAsync(h => h.DeliverableId == _id));
    }

    [Theory]
    [InlineData("Input.Status", "finished", "Choose a status from the list")]
    [InlineData("Input.Progress", "150", "Progress is a whole number from 0 to 100")]
    [InlineData("Input.Progress", "forty", "Progress is a whole number from 0 to 100")]
    [InlineData("Input.TargetDate", "2025-02-30", "is not a date that exists")]
    [InlineData("Input.TargetDate", "30/06/2025", "is not a date that exists")]
    [InlineData("Input.EuLead", "LONG", "can be at most 200 characters")]
    [InlineData("Input.PartnerLead", "METI\u0007", "control characters")]
    [InlineData("Input.EvidenceLinks", "javascript:alert(1)", "only http:// and https://")]
    [InlineData("Input.EvidenceLinks", "ftp://example.org/file", "only http:// and https://")]
    [InlineData("Input.Title", "", "Give the deliverable a title")]
    [InlineData("Input.Areas", "blockchain", "There is no area \"blockchain\"")]
    public async Task Bad_input_answers_400_with_a_clear_message_keeps_the_form_and_saves_nothing(string field, string value, string message)
    {
        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        form["Input.ChangeNote"] = "My careful explanation.";
        form[field] = value == "LONG" ? new string('x', 201) : value;

        using var response = await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("[data-testid=form-problems]").Text());
        Assert.Equal("My careful explanation.", page.QuerySelector("#Input_ChangeNote").Text());
        await using var db = _factory.NewContext();
        Assert.Equal(1, await db.StatusChanges.CountAsync(h => h.DeliverableId == _id));
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_changes_nothing()
    {
        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        form.Remove("__RequestVerificationToken");
        form["Input.Status"] = "completed";

        using var response = await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStatusAsync(DeliverableStatus.NotStarted);
    }

    [Fact]
    public async Task Bulk_update_sets_one_status_with_one_history_row_each_all_or_nothing()
    {
        int completedBefore;
        await using (var before = _factory.NewContext())
        {
            completedBefore = await before.Deliverables.CountAsync(d => d.Status == DeliverableStatus.Completed);
        }

        var list = await PortalFactory.FormAsync(_editor, "/deliverables?status=not-started", "form[action='/deliverables/bulk']");
        var page = await _editor.GetDocumentAsync("/deliverables?status=not-started");
        var selections = page.QuerySelectorAll("input[name=Selected]").Select(i => i.GetAttribute("value")!).Take(2).ToList();
        Assert.Equal(2, selections.Count);

        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", list["__RequestVerificationToken"]), new("Status", "at-risk"), new("Note", "Budget not yet agreed."),
            new("ReturnUrl", "/deliverables?status=not-started"),
        };
        fields.AddRange(selections.Select(s => new KeyValuePair<string, string>("Selected", s)));
        using var done = await _editor.PostAsync("/deliverables/bulk", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/deliverables?status=not-started", done.Headers.Location!.OriginalString); // back to the list as it was
        var message = (await _editor.GetDocumentAsync(done.Headers.Location!.OriginalString)).QuerySelector("[data-testid=status-message]").Text();
        Assert.Equal("2", System.Text.RegularExpressions.Regex.Match(message, @"\d+").Value); // how many were updated
        await using (var db = _factory.NewContext())
        {
            var ids = selections.Select(s => int.Parse(s.Split(':')[0])).ToList();
            Assert.Equal(2, await db.Deliverables.CountAsync(d => ids.Contains(d.Id) && d.Status == DeliverableStatus.AtRisk));
            Assert.Equal(2, await db.StatusChanges.CountAsync(h => ids.Contains(h.DeliverableId) && h.Note == "Budget not yet agreed."));
        }

        // The same selection again is stale now: nothing changes, and the editor is told which ones moved.
        fields.RemoveAll(f => f.Key == "Status");
        fields.Add(new("Status", "completed"));
        using var stale = await _editor.PostAsync("/deliverables/bulk", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await using var after = _factory.NewContext();
        Assert.Equal(completedBefore, await after.Deliverables.CountAsync(d => d.Status == DeliverableStatus.Completed));
    }

    [Fact]
    public async Task Bulk_setting_the_status_a_deliverable_already_has_writes_nothing_unless_a_note_says_why()
    {
        var page = await _editor.GetDocumentAsync("/deliverables?status=not-started");
        var selections = page.QuerySelectorAll("input[name=Selected]").Select(i => i.GetAttribute("value")!).Take(2).ToList();
        var ids = selections.Select(s => int.Parse(s.Split(':')[0])).ToList();
        long RowsOf(Core.Data.PortalDbContext db) => db.StatusChanges.LongCount(h => ids.Contains(h.DeliverableId));
        long rowsBefore;
        await using (var before = _factory.NewContext())
        {
            rowsBefore = RowsOf(before);
        }

        // Without a note: nothing happened, and the editor is told so.
        using (var same = await PostBulkAsync(selections, "not-started", note: null))
        {
            var message = (await _editor.GetDocumentAsync(same.Headers.Location!.OriginalString)).QuerySelector("[data-testid=status-message]").Text();
            Assert.StartsWith("Nothing changed", message);
            Assert.Contains("Add a note", message);
        }

        await using (var db = _factory.NewContext())
        {
            Assert.Equal(rowsBefore, RowsOf(db));
            Assert.Equal(selections, await db.Deliverables.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id)
                .Select(d => d.Id + ":" + d.Version).ToListAsync()); // same versions: the list's selection is still current
        }

        // With a note: the confirmation is the history, and it reads as one.
        using (var confirmed = await PostBulkAsync(selections, "not-started", note: "Checked with METI: start moved to the spring."))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        await using (var db = _factory.NewContext())
        {
            Assert.Equal(rowsBefore + 2, RowsOf(db));
        }

        var history = (await _editor.GetDocumentAsync($"/deliverables/{ids[0]}")).QuerySelector("[data-testid=history] tbody tr")!.TextContent;
        Assert.Contains("Checked with METI", history);
        Assert.Contains("No field changed", history);
    }

    private async Task<HttpResponseMessage> PostBulkAsync(IEnumerable<string> selections, string status, string? note)
    {
        var list = await PortalFactory.FormAsync(_editor, "/deliverables", "form[action='/deliverables/bulk']");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", list["__RequestVerificationToken"]), new("Status", status), new("Note", note ?? ""),
        };
        fields.AddRange(selections.Select(s => new KeyValuePair<string, string>("Selected", s)));
        var response = await _editor.PostAsync("/deliverables/bulk", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    [Fact]
    public async Task An_editor_adds_a_deliverable_under_an_outcome_and_corrects_the_outcome()
    {
        var form = await PortalFactory.FormAsync(_editor, "/outcomes/semiconductors-and-6g/deliverables/new");
        form["Input.Title"] = "Joint 6G testbed opened in Oulu and Yokosuka";
        form["Input.Status"] = "in-progress";
        using var added = await _editor.PostAsync("/outcomes/semiconductors-and-6g/deliverables/new", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await _editor.GetDocumentAsync(added.Headers.Location!.OriginalString);
        Assert.Equal("Joint 6G testbed opened in Oulu and Yokosuka", page.QuerySelector("h1").Text());
        Assert.Contains("Added by an editor; not extracted from a Council text.", page.Body!.TextContent);
        Assert.Single(page.QuerySelectorAll("[data-testid=history] tbody tr"));

        var outcome = await PortalFactory.FormAsync(_editor, "/outcomes/semiconductors-and-6g/edit");
        var before = (await _editor.GetDocumentAsync("/outcomes/semiconductors-and-6g")).QuerySelector("h1").Text();
        outcome["Input.Title"] = "Semiconductors and 6G research";
        outcome["Input.ChangeNote"] = "Title as the *joint statement* puts it.";
        using var corrected = await _editor.PostAsync("/outcomes/semiconductors-and-6g/edit", new FormUrlEncodedContent(outcome));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var outcomePage = await _editor.GetDocumentAsync("/outcomes/semiconductors-and-6g");
        Assert.Equal("Semiconductors and 6G research", outcomePage.QuerySelector("h1").Text());
        // The correction is kept on the outcome's page: who, why, and the title it had before.
        var correction = outcomePage.QuerySelector("[data-testid=outcome-corrections] [data-testid=journal-entry]")!;
        Assert.Contains("editor@test.example.org", correction.TextContent);
        Assert.Equal("joint statement", correction.QuerySelector("em").Text());
        Assert.Contains(before, correction.TextContent);
        // The search index follows the outcome's new title.
        Assert.Equal("3", (await _editor.GetDocumentAsync("/deliverables?q=research")).QuerySelector("[data-testid=result-count] [data-testid=total]").Text());
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_which_only_admins_read()
    {
        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        form["Input.Status"] = "completed";
        await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(form));
        var admin = await _factory.CreateClientAsync(PortalRoles.Admin);

        var log = await admin.GetDocumentAsync("/admin/audit?person=editor@test");
        var rows = log.Texts("[data-testid=audit] tbody tr");

        Assert.Contains(rows, r => r.Contains("deliverable.updated") && r.Contains($"Deliverable #{_id}") && r.Contains("Not started → Completed"));
        Assert.Contains(rows, r => r.Contains("sign-in.succeeded"));
        Assert.DoesNotContain(rows, r => r.Contains("admin@test"));
        // The log offers filters only: every form of the page itself reads (GET), none can change an entry.
        var forms = log.QuerySelectorAll("main form");
        Assert.NotEmpty(forms);
        Assert.All(forms, form => Assert.Equal("get", form.GetAttribute("method")));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/admin/audit?from=2025-13-01")).StatusCode);
    }

    private async Task AssertStatusAsync(DeliverableStatus expected)
    {
        await using var db = _factory.NewContext();
        Assert.Equal(expected, await db.Deliverables.Where(d => d.Id == _id).Select(d => d.Status).SingleAsync());
    }

    private static Dictionary<string, string> FormOf(AngleSharp.Dom.IDocument page) =>
        PortalFactory.FieldsOf(page.QuerySelector("main form[method=post]")!);
}
