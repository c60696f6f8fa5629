using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Editing;

/// <summary>An editor imports a new Council text from the portal: preview first, then import, once.</summary>
public sealed class ImportPageTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = null!;

    public async Task InitializeAsync() => _editor = await _factory.CreateClientAsync(PortalRoles.Editor);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Preview_shows_what_the_text_yields_and_stores_nothing()
    {
        using var response = await PostAsync("Preview", File.ReadAllText(TestFiles.CouncilText("japan-eu-numbered-us-date.txt")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        var preview = page.QuerySelector("[data-testid=preview]").Text();
        Assert.Contains("1st Council, Tokyo, Japan, 3 July 2023", preview);
        Assert.Contains("2nd Council: Brussels, Belgium, 30 April 2024", preview);
        Assert.Equal(["Semiconductors", "Data", "Quantum"], page.Texts("[data-testid=preview] h3"));
        await using var db = _factory.NewContext();
        Assert.Equal(1, await db.Meetings.CountAsync());
    }

    [Fact]
    public async Task Import_stores_the_text_once_and_shows_the_new_meeting()
    {
        var text = File.ReadAllText(TestFiles.CouncilText("markdown-bullets-no-next-meeting.md"));

        using var first = await PostAsync("Import", text);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var meeting = await _editor.GetDocumentAsync(first.Headers.Location!.OriginalString);
        Assert.Equal("1st Council, Seoul, Korea", meeting.QuerySelector("h1").Text());
        Assert.StartsWith("Imported.", meeting.QuerySelector("[data-testid=status-message]").Text());

        using var second = await PostAsync("Import", text);
        Assert.Equal(first.Headers.Location, second.Headers.Location); // the same meeting, not a copy
        var again = await _editor.GetDocumentAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("imported before", again.QuerySelector("[data-testid=status-message]").Text());
        await using var db = _factory.NewContext();
        Assert.Equal(2, await db.Meetings.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CouncilTextImported && a.Actor == "editor@test.example.org"));
    }

    [Theory]
    [InlineData("", "Paste the Council text first")]
    [InlineData("The EU and Canada met. Nothing was agreed.", "no key outcomes")]
    [InlineData("Some title\n\n- Point: it will be done.", "names no partnership")]
    public async Task A_text_that_cannot_be_imported_answers_400_and_keeps_the_text(string text, string message)
    {
        using var response = await PostAsync("Import", text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("[data-testid=import-problem]").Text());
        Assert.Equal(text, page.QuerySelector("#Text")!.TextContent.Replace("\r", ""));
    }

    private async Task<HttpResponseMessage> PostAsync(string handler, string text)
    {
        var form = await PortalFactory.FormAsync(_editor, "/meetings/import");
        form["Text"] = text;
        return await _editor.PostAsync($"/meetings/import?handler={handler}", new FormUrlEncodedContent(form));
    }
}
