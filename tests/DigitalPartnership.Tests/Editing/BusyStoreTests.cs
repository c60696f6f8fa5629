using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Editing;

/// <summary>A database held by another writer past the busy timeout: a 503 with Retry-After, never a 500, nothing lost.</summary>
public sealed class BusyStoreTests
{
    [SqliteFact]
    public async Task A_save_while_another_writer_holds_the_database_answers_503_and_changes_nothing()
    {
        await using var factory = new PortalFactory();
        await using var impatient = Impatient(factory);
        var busyEditor = await EditorAsync(factory, impatient);
        var id = await factory.DeliverableIdAsync();
        var form = await PortalFactory.FormAsync(busyEditor, $"/deliverables/{id}/edit");
        form["Input.Status"] = "completed";

        await using (var holder = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();

            using var response = await busyEditor.PostAsync($"/deliverables/{id}/edit", new FormUrlEncodedContent(form));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("10", string.Join("", response.Headers.GetValues("Retry-After")));
            Assert.Contains("Nothing was lost", await response.Content.ReadAsStringAsync());
            hold.CommandText = "ROLLBACK;";
            await hold.ExecuteNonQueryAsync();
        }

        await using var db = factory.NewContext();
        Assert.Equal(DeliverableStatus.NotStarted, await db.Deliverables.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());
    }

    [SqliteFact]
    public async Task A_form_posted_to_a_named_handler_while_the_database_is_held_answers_503_not_page_not_found()
    {
        await using var factory = new PortalFactory();
        await using var impatient = Impatient(factory);
        var busyEditor = await EditorAsync(factory, impatient);
        var form = await PortalFactory.FormAsync(busyEditor, "/meetings/import");
        form["Text"] = File.ReadAllText(TestFiles.CouncilText("eu-korea-second-council-seoul.md"));

        await using (var holder = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN EXCLUSIVE;";
            await hold.ExecuteNonQueryAsync();

            using var response = await busyEditor.PostAsync("/meetings/import?handler=Import", new FormUrlEncodedContent(form));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Nothing was lost", await response.Content.ReadAsStringAsync());
            hold.CommandText = "ROLLBACK;";
            await hold.ExecuteNonQueryAsync();
        }

        await using var db = factory.NewContext();
        Assert.Equal(1, await db.Meetings.CountAsync());
    }

    /// <summary>The same portal with a busy timeout of one second, so a held database fails a save at once.</summary>
    private static WebApplicationFactory<Program> Impatient(PortalFactory factory) =>
        factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Portal", $"Data Source={factory.DatabasePath};Default Timeout=1"));

    private static async Task<HttpClient> EditorAsync(PortalFactory factory, WebApplicationFactory<Program> portal)
    {
        await factory.EnsureAccountAsync("editor@test.example.org", PortalRoles.Editor);
        var editor = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PortalFactory.SignInAsync(editor, "editor@test.example.org", PortalFactory.Password);
        return editor;
    }
}
