using System.Data.Common;
using System.Net;
using AngleSharp.Dom;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Journal;

/// <summary>The journal: every field's old and new value, who and when; and no way to change or delete any of it.</summary>
public sealed class JournalTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = null!;
    private int _id;

    public async Task InitializeAsync()
    {
        _editor = await _factory.CreateClientAsync(PortalRoles.Editor);
        _id = await _factory.DeliverableIdAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_reader_sees_every_earlier_version_of_the_notes_the_lead_and_the_date_with_who_and_when()
    {
        var versions = new[]
        {
            "First plan: experts meet in **Brussels** in spring.",
            "Second plan: experts meet in Tokyo in summer, with industry.",
            "Third plan: experts meet online every month; a joint report follows.",
        };
        foreach (var notes in versions)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(form => form["Input.Notes"] = notes)).StatusCode);
            _factory.Clock.Advance(TimeSpan.FromHours(1));
        }

        var other = await _factory.CreateClientAsync(PortalRoles.Editor, "second.editor@test.example.org");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(form => form["Input.EuLead"] = "DG CONNECT", other)).StatusCode);
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(form =>
        {
            form["Input.EuLead"] = "DG RTD";
            form["Input.TargetDate"] = "2027-03-31";
            form["Input.ChangeNote"] = "Lead moved to research; date agreed at the working group.";
        })).StatusCode);

        var reader = await _factory.CreateClientAsync(PortalRoles.Staff);
        var page = await reader.GetDocumentAsync($"/deliverables/{_id}");
        var entries = page.QuerySelectorAll("[data-testid=journal-entry]");
        Assert.Equal(6, entries.Length); // the import, three notes, the lead, the lead and date

        // Newest first, each with who and when.
        Assert.Contains("editor@test.example.org", entries[0].QuerySelector("[data-testid=journal-by]").Text());
        Assert.Contains("second.editor@test.example.org", entries[1].QuerySelector("[data-testid=journal-by]").Text());
        Assert.Equal(["29 Nov 2026, 13:00 UTC", "29 Nov 2026, 12:00 UTC", "29 Nov 2026, 11:00 UTC", "29 Nov 2026, 10:00 UTC", "29 Nov 2026, 09:00 UTC"],
            entries.Take(5).Select(e => e.QuerySelector("time").Text()));

        // The lead: not set → DG CONNECT → DG RTD; the date: not set → 31 Mar 2027.
        Assert.Equal("EU-side lead not set → DG CONNECT", Flat(entries[1].QuerySelector("[data-field=eu-lead]")));
        Assert.Equal("EU-side lead DG CONNECT → DG RTD", Flat(entries[0].QuerySelector("[data-field=eu-lead]")));
        Assert.Equal("Target date not set → 31 Mar 2027", Flat(entries[0].QuerySelector("[data-field=target-date]")));
        Assert.Contains("Lead moved to research", entries[0].QuerySelector(".history-note").Text());

        // Every earlier version of the notes is on the page: the first as set, the next two as "earlier version".
        Assert.Equal("Brussels", entries[4].QuerySelector("[data-field=notes] .journal-text strong").Text());
        Assert.Equal([versions[1], versions[0]], page.QuerySelectorAll("[data-field=notes] [data-testid=earlier]").Select(e => e.Text().Replace("Brussels", "**Brussels**")));
        var diff = entries[2].QuerySelector("[data-field=notes] [data-testid=diff]")!;
        Assert.Contains("online", diff.QuerySelectorAll("ins").Select(i => i.Text()).SelectMany(t => t.Split(' ')));
        Assert.Contains("Tokyo", diff.QuerySelectorAll("del").Select(i => i.Text()).SelectMany(t => t.Split(' ')));
        // Only what changed is listed: the lead-only save says nothing about notes or status.
        Assert.Equal(["eu-lead"], entries[1].QuerySelectorAll("[data-field]").Select(e => e.GetAttribute("data-field")));
    }

    [Fact]
    public async Task Stored_text_with_markup_is_shown_as_text_in_the_journal_and_never_breaks_the_page()
    {
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) </td></tr></table>";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(form => form["Input.Notes"] = "Plain first version.")).StatusCode);
        await using (var db = _factory.NewContext())
        {
            // Past the form, as an import or an old store could hold it.
            var deliverable = await db.Deliverables.Include(d => d.EvidenceLinks).Include(d => d.Areas).SingleAsync(d => d.Id == _id);
            deliverable.Update(new DeliverableUpdate(deliverable.Status, deliverable.Progress, hostile, null, null, hostile, hostile, [],
                Title: deliverable.Title), "editor@test.example.org", PortalFactory.Now.UtcDateTime.AddHours(1));
            await db.SaveChangesAsync();
        }

        var page = await (await _factory.CreateClientAsync(PortalRoles.Staff)).GetDocumentAsync($"/deliverables/{_id}");

        Assert.Empty(page.QuerySelectorAll("main script, main img, main a[href^='javascript']"));
        Assert.Contains("<script>alert(1)</script>", page.QuerySelector("[data-field=notes] [data-testid=diff]").Text());
        Assert.Contains("<script>", page.QuerySelector("[data-field=eu-lead] .journal-new").Text());
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=history] thead th").Length);
        Assert.NotNull(page.QuerySelector("aside")); // the page after the journal is still there
    }

    [Fact]
    public async Task No_page_offers_and_no_handler_accepts_a_change_to_a_journal_row()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(form => form["Input.Notes"] = "A note to keep.")).StatusCode);
        var before = await JournalAsync();
        var page = await _editor.GetDocumentAsync($"/deliverables/{_id}");
        Assert.Empty(page.QuerySelectorAll("[data-testid=history] form, [data-testid=history] button, [data-testid=history] input, [data-testid=history] textarea"));

        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        foreach (var (method, url) in new[]
                 {
                     (HttpMethod.Post, $"/deliverables/{_id}?handler=delete"), (HttpMethod.Post, $"/deliverables/{_id}/edit?handler=deletejournal"),
                     (HttpMethod.Delete, $"/deliverables/{_id}"), (HttpMethod.Put, $"/deliverables/{_id}/edit"),
                     (HttpMethod.Post, $"/deliverables/{_id}/journal/{before[0].Id}/delete"),
                 })
        {
            using var response = await _editor.SendAsync(new HttpRequestMessage(method, url) { Content = new FormUrlEncodedContent(form) });
            Assert.InRange((int)response.StatusCode, 400, 499);
        }

        Assert.Equal(before, await JournalAsync());
    }

    [Fact]
    public async Task SaveChanges_refuses_to_change_or_delete_journal_status_and_audit_rows_and_saves_nothing()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(form => form["Input.Notes"] = "A note to keep.")).StatusCode);
        var before = await JournalAsync();

        await using (var db = _factory.NewContext())
        {
            var entry = await db.JournalEntries.Where(j => j.DeliverableId == _id).OrderBy(j => j.Id).FirstAsync();
            db.Entry(entry).Property(j => j.Note).CurrentValue = "Rewritten history.";
            Assert.Throws<AppendOnlyException>(() => db.SaveChanges());
        }

        await using (var db = _factory.NewContext())
        {
            db.JournalDetails.RemoveRange(await db.JournalDetails.Where(d => d.Field == JournalFields.Notes).ToListAsync());
            db.StatusChanges.Remove(await db.StatusChanges.FirstAsync(h => h.DeliverableId == _id));
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            var deliverable = await db.Deliverables.FirstAsync(d => d.Id == _id);
            deliverable.Update(new DeliverableUpdate(DeliverableStatus.Completed, 100, null, null, null, null, "Done.", []), "editor", PortalFactory.Now.UtcDateTime);
            await Assert.ThrowsAsync<AppendOnlyException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before, await JournalAsync());
        await using var after = _factory.NewContext();
        Assert.NotEqual(DeliverableStatus.Completed, (await after.Deliverables.SingleAsync(d => d.Id == _id)).Status); // nothing saved
        Assert.True(await after.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task Deleting_a_deliverable_never_takes_its_history_with_it()
    {
        await using (var db = _factory.NewContext())
        {
            var deliverable = await db.Deliverables.SingleAsync(d => d.Id == _id);
            db.Deliverables.Remove(deliverable);
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        }

        await using (var db = _factory.NewContext())
        {
            // Past the change tracker: the store itself refuses (a restricted key, or the append-only trigger).
            await Assert.ThrowsAnyAsync<DbException>(() => db.Deliverables.Where(d => d.Id == _id).ExecuteDeleteAsync());
        }

        await using var after = _factory.NewContext();
        Assert.True(await after.Deliverables.AnyAsync(d => d.Id == _id));
        Assert.True(await after.JournalEntries.AnyAsync(j => j.DeliverableId == _id));
        Assert.True(await after.StatusChanges.AnyAsync(h => h.DeliverableId == _id));
    }

    [Theory]
    [InlineData("UPDATE \"JournalEntries\" SET \"Note\" = 'Rewritten'")]
    [InlineData("DELETE FROM \"JournalEntries\"")]
    [InlineData("UPDATE \"JournalDetails\" SET \"NewValue\" = 'Rewritten'")]
    [InlineData("DELETE FROM \"JournalDetails\"")]
    [InlineData("UPDATE \"StatusChanges\" SET \"Note\" = 'Rewritten'")]
    [InlineData("DELETE FROM \"StatusChanges\"")]
    [InlineData("UPDATE \"AuditEntries\" SET \"Details\" = 'Rewritten'")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    public async Task The_store_refuses_raw_sql_that_changes_or_deletes_history(string sql)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(form => form["Input.Notes"] = "A note to keep.")).StatusCode);
        var before = await JournalAsync();
        await using (var db = _factory.NewContext())
        {
            var audit = await db.AuditEntries.CountAsync();
            var error = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains("history", error.Message);
            Assert.Equal(audit, await db.AuditEntries.CountAsync());
        }

        Assert.Equal(before, await JournalAsync());
    }

    [Fact]
    public async Task Bulk_update_and_outcome_correction_write_one_journal_entry_each()
    {
        var token = (await PortalFactory.FormAsync(_editor, "/deliverables", "form[action='/deliverables/bulk']"))["__RequestVerificationToken"];
        int version;
        await using (var before = _factory.NewContext())
        {
            version = await before.Deliverables.Where(d => d.Id == _id).Select(d => d.Version).SingleAsync();
        }

        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Status", "delayed"), new("Note", "Waiting for the budget."), new("Selected", $"{_id}:{version}"),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await _editor.PostAsync("/deliverables/bulk", new FormUrlEncodedContent(fields))).StatusCode);

        await using var db = _factory.NewContext();
        var newest = await db.JournalEntries.Include(j => j.Details).Where(j => j.DeliverableId == _id).OrderByDescending(j => j.Id).FirstAsync();
        Assert.Equal("Waiting for the budget.", newest.Note);
        var status = Assert.Single(newest.Details);
        Assert.Equal((JournalFields.Status, "Delayed"), (status.Field, status.NewValue));
        Assert.NotNull(newest.StatusChangeId);

        var slug = await db.Outcomes.OrderBy(o => o.Id).Select(o => o.Slug).FirstAsync();
        var outcome = await PortalFactory.FormAsync(_editor, $"/outcomes/{slug}/edit");
        var oldTitle = outcome["Input.Title"];
        outcome["Input.Title"] = "A corrected title";
        Assert.Equal(HttpStatusCode.Redirect, (await _editor.PostAsync($"/outcomes/{slug}/edit", new FormUrlEncodedContent(outcome))).StatusCode);
        var corrected = await db.JournalEntries.Include(j => j.Details).Where(j => j.Outcome!.Slug == slug).SingleAsync();
        var title = Assert.Single(corrected.Details);
        Assert.Equal((oldTitle, "A corrected title", "editor@test.example.org"), (title.OldValue, title.NewValue, corrected.By));
    }

    private static string Flat(IElement? element) => string.Join(' ', element.Text().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("was ", "");

    private async Task<List<(long Id, string? Note, string Details)>> JournalAsync()
    {
        await using var db = _factory.NewContext();
        return (await db.JournalEntries.AsNoTracking().Include(j => j.Details).OrderBy(j => j.Id).ToListAsync())
            .Select(j => (j.Id, j.Note, string.Join("|", j.Details.OrderBy(d => d.Id).Select(d => $"{d.Field}:{d.OldValue}:{d.NewValue}"))))
            .ToList();
    }

    /// <summary>Posts the edit form as a browser would, every checked area included, after <paramref name="change"/>.</summary>
    private async Task<HttpResponseMessage> SaveAsync(Action<Dictionary<string, string>> change, HttpClient? client = null)
    {
        client ??= _editor;
        var url = $"/deliverables/{_id}/edit";
        var page = await client.GetDocumentAsync(url);
        var formElement = page.QuerySelector("main form[method=post]")!;
        var form = PortalFactory.FieldsOf(formElement);
        change(form);
        var fields = form.Where(f => f.Key != "Input.Areas").ToList();
        fields.AddRange(formElement.QuerySelectorAll("input[name='Input.Areas'][checked]").Select(a => new KeyValuePair<string, string>("Input.Areas", a.GetAttribute("value")!)));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
