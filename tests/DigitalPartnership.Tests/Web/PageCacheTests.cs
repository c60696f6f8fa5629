using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;
using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalPartnership.Tests.Web;

/// <summary>
/// Reading pages are kept while the store has not changed. What a reader must never notice: a stale page after an
/// edit made anywhere, another reader's page, a page for the role they no longer have, a message shown twice.
/// </summary>
public sealed class PageCacheTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_change_made_by_another_instance_shows_on_every_reading_page_at_the_next_request()
    {
        var client = await _factory.CreateClientAsync(PortalRoles.Staff);
        var id = await _factory.DeliverableIdAsync();
        await using var db = _factory.NewContext();
        var outcome = await db.Deliverables.Where(d => d.Id == id).Select(d => d.Outcome.Slug).SingleAsync();
        string[] pages = ["/deliverables", $"/deliverables/{id}", $"/outcomes/{outcome}", "/deliverables?q=partners"];
        foreach (var page in pages)
        {
            // Twice, so the second answer is the kept one.
            await client.GetDocumentAsync(page);
            Assert.DoesNotContain("Renamed elsewhere", (await client.GetDocumentAsync(page)).Body!.TextContent);
        }

        // Another instance writes to the same store: nothing in this process hears of it.
        var deliverable = await db.Deliverables.SingleAsync(d => d.Id == id);
        deliverable.Update(new Core.Domain.DeliverableUpdate(deliverable.Status, deliverable.Progress, deliverable.EuLead, deliverable.PartnerLead,
            deliverable.TargetDate, deliverable.Notes, "Renamed on the other instance.", [], "The partners agreed: Renamed elsewhere"), "other@test.example.org",
            PortalFactory.Now.UtcDateTime.AddHours(1));
        await db.SaveChangesAsync();

        foreach (var page in pages)
        {
            Assert.Contains("Renamed elsewhere", (await client.GetDocumentAsync(page)).Body!.TextContent);
        }
    }

    [Fact]
    public async Task A_kept_page_is_never_served_to_another_reader_or_another_role()
    {
        var id = await _factory.DeliverableIdAsync();
        var editor = await _factory.CreateClientAsync(PortalRoles.Editor);
        var first = await _factory.CreateClientAsync(PortalRoles.Staff, "first.reader@test.example.org");
        var second = await _factory.CreateClientAsync(PortalRoles.Staff, "second.reader@test.example.org");

        var asEditor = await editor.GetDocumentAsync($"/deliverables/{id}");
        Assert.NotNull(asEditor.QuerySelector($"a[href='/deliverables/{id}/edit']"));

        foreach (var (client, email) in new[] { (first, "first.reader@test.example.org"), (second, "second.reader@test.example.org") })
        {
            var page = await client.GetDocumentAsync($"/deliverables/{id}");
            Assert.Null(page.QuerySelector($"a[href='/deliverables/{id}/edit']"));
            Assert.Contains(email, page.QuerySelector("[data-testid=signed-in-as]").Text());
        }
    }

    [Fact]
    public async Task A_role_taken_away_takes_effect_at_the_next_request_even_on_a_kept_page()
    {
        var id = await _factory.DeliverableIdAsync();
        var editor = await _factory.CreateClientAsync(PortalRoles.Editor, "demoted@test.example.org");
        await editor.GetDocumentAsync($"/deliverables/{id}");
        Assert.NotNull((await editor.GetDocumentAsync($"/deliverables/{id}")).QuerySelector($"a[href='/deliverables/{id}/edit']"));

        using (var scope = _factory.Services.CreateScope())
        {
            // As an administrator does it, on any instance.
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("demoted@test.example.org");
            await scope.ServiceProvider.GetRequiredService<PortalAccountService>().SetRolesAsync(user!, [PortalRoles.Staff], "admin@test.example.org");
        }

        var page = await editor.GetDocumentAsync($"/deliverables/{id}");
        Assert.Null(page.QuerySelector($"a[href='/deliverables/{id}/edit']"));
    }

    [Fact]
    public async Task The_saved_message_shows_once_and_the_page_after_it_shows_the_save()
    {
        var id = await _factory.DeliverableIdAsync();
        var editor = await _factory.CreateClientAsync(PortalRoles.Editor);
        await editor.GetDocumentAsync($"/deliverables/{id}");

        var form = await PortalFactory.FormAsync(editor, $"/deliverables/{id}/edit");
        form["Input.Notes"] = "Minutes of the working group attached.";
        var saved = await editor.PostAsync($"/deliverables/{id}/edit", new FormUrlEncodedContent(form));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);

        var afterSave = await editor.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Saved. The change is in the history below.", afterSave.Body!.TextContent);
        Assert.Contains("Minutes of the working group attached.", afterSave.Body.TextContent);

        var again = await editor.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Saved. The change is in the history below.", again.Body!.TextContent);
        Assert.Contains("Minutes of the working group attached.", again.Body.TextContent);
    }
}
