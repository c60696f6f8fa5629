using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Editing;

/// <summary>
/// Editors give a deliverable and an outcome a Japanese title and summary; a reader of the Japanese interface sees them,
/// or the English marked "English only" where there is none; a reader of the English interface sees the English.
/// </summary>
public sealed class BilingualContentTests : IAsyncLifetime
{
    private const string JapaneseTitle = "半導体に関する研究プログラムを策定する専門家チームの設置";
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
    public async Task A_Japanese_title_entered_by_an_editor_is_what_Japanese_readers_see_and_the_journal_keeps_it()
    {
        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        form["Input.TitleJapanese"] = JapaneseTitle;
        form["Input.SummaryJapanese"] = "**2026年**に第1回会合。";
        var saved = await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var japanese = await ReaderAsync("ja");
        var page = await japanese.GetDocumentAsync($"/deliverables/{_id}");
        Assert.Equal(JapaneseTitle, page.QuerySelector("h1").Text());
        Assert.Null(page.QuerySelector("h1 .english-only"));
        Assert.Equal("2026年", page.QuerySelector("[data-testid=summary-japanese] strong").Text());
        Assert.Contains("日本語タイトル", page.QuerySelector("[data-testid=history]")!.TextContent);
        var list = await japanese.GetDocumentAsync("/deliverables?q=" + Uri.EscapeDataString("専門家チーム"));
        Assert.Equal([JapaneseTitle], list.Texts("main a[id^='title-']"));
        foreach (var elsewhere in new[] { "/outcomes/semiconductors-and-6g", "/areas/semiconductors" })
        {
            Assert.Contains(JapaneseTitle, (await japanese.GetDocumentAsync(elsewhere)).QuerySelector("main")!.TextContent);
        }

        var english = await ReaderAsync("en");
        var englishPage = await english.GetDocumentAsync($"/deliverables/{_id}");
        Assert.StartsWith("A team of experts", englishPage.QuerySelector("h1").Text());
        Assert.Null(englishPage.QuerySelector("[data-testid=summary-japanese]"));
    }

    [Fact]
    public async Task Without_Japanese_a_Japanese_reader_sees_the_English_marked_English_only()
    {
        var japanese = await ReaderAsync("ja");
        var page = await japanese.GetDocumentAsync($"/deliverables/{_id}");

        var title = page.QuerySelector("h1 [lang=en]")!;
        Assert.StartsWith("A team of experts", title.Text());
        Assert.Equal("英語のみ", page.QuerySelector("h1 .english-only").Text());
    }

    [Fact]
    public async Task A_Japanese_title_too_long_is_refused_with_the_form_kept()
    {
        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        form["Input.TitleJapanese"] = new string('語', 1001);
        form["Input.Notes"] = "kept";

        var refused = await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("The Japanese title can be at most 1,000 characters long", page.QuerySelector("[data-testid=error-summary], .error-summary, [role=alert]")!.TextContent);
        Assert.Equal("kept", page.QuerySelector("#Input_Notes")!.TextContent.Trim());
        await using var db = _factory.NewContext();
        Assert.Null(await db.Deliverables.Where(d => d.Id == _id).Select(d => d.TitleJapanese).SingleAsync());
    }

    [Fact]
    public async Task An_outcomes_Japanese_title_and_summary_show_in_Japanese_on_its_page()
    {
        var form = await PortalFactory.FormAsync(_editor, "/outcomes/semiconductors-and-6g/edit");
        form["Input.TitleJapanese"] = "半導体と6G";
        form["Input.SummaryJapanese"] = "半導体の研究プログラムと6Gの共同研究。";
        var saved = await _editor.PostAsync("/outcomes/semiconductors-and-6g/edit", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await (await ReaderAsync("ja")).GetDocumentAsync("/outcomes/semiconductors-and-6g");
        Assert.Equal("半導体と6G", page.QuerySelector("h1").Text());
        Assert.Equal("半導体の研究プログラムと6Gの共同研究。", page.QuerySelector("main p.lead-muted").Text());
        var outcomes = await (await ReaderAsync("ja")).GetDocumentAsync("/outcomes");
        Assert.Contains("半導体と6G", outcomes.Texts("main table tbody tr td:first-child a"));
    }

    [Fact]
    public async Task The_exports_carry_the_Japanese_title_in_a_column_of_its_own()
    {
        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{_id}/edit");
        form["Input.TitleJapanese"] = JapaneseTitle;
        Assert.Equal(HttpStatusCode.Redirect, (await _editor.PostAsync($"/deliverables/{_id}/edit", new FormUrlEncodedContent(form))).StatusCode);

        var manager = await _factory.CreateClientAsync(PortalRoles.Manager);
        var csv = await manager.GetStringAsync("/reports/export?format=csv");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",Title (Japanese)", lines[0].TrimEnd('\r'));
        Assert.Single(lines, line => line.StartsWith($"{_id},", StringComparison.Ordinal) && line.TrimEnd('\r').EndsWith($",{JapaneseTitle}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_API_reads_and_patches_the_Japanese_title()
    {
        var client = await _factory.ApiClientAsync(PortalRoles.Editor);
        var etag = await client.ETagOfDeliverableAsync(_id);

        using var patched = await client.PatchDeliverableAsync(_id, $$"""{"titleJapanese": "{{JapaneseTitle}}"}""", etag);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var read = await client.GetJsonAsync($"/api/v1/deliverables/{_id}");
        Assert.Equal(JapaneseTitle, read["titleJapanese"]!.GetValue<string>());
        Assert.StartsWith("A team of experts", read["title"]!.GetValue<string>());
    }

    private async Task<HttpClient> ReaderAsync(string language)
    {
        var reader = await _factory.CreateClientAsync(PortalRoles.Staff);
        await reader.GetAsync($"/language?to={language}&return=/");
        return reader;
    }
}
