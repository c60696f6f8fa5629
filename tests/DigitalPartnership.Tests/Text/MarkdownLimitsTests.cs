using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Text;

/// <summary>
/// Nesting bombs in every field that takes Markdown: refused on save with a sentence naming the limit, and — for
/// texts already stored past the limits — shown as typed, so no page ever answers 500 for its text.
/// </summary>
public sealed class MarkdownLimitsTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = null!;

    /// <summary>The bombs, and whether they must be refused: 10,000 stars nest nothing (Markdig shows them as text), so
    /// saving them is as right as refusing them, as long as every page still answers.</summary>
    public static TheoryData<string, string, bool> Bombs => new()
    {
        { "quotes", new string('>', 1000) + " deep", true },
        { "stars", new string('*', 10_000), false },
        { "brackets", new string('[', 10_000), true },
        { "nested list", string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- level\n")), true },
        { "5 MB line", new string('a', 5_000_000), true },
    };

    public async Task InitializeAsync() => _editor = await _factory.CreateClientAsync(PortalRoles.Editor);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_bomb_in_any_Markdown_field_is_refused_with_a_4xx_and_every_page_still_answers(string kind, string bomb, bool refused)
    {
        var outcome = await FirstOutcomeSlugAsync();
        var id = await _factory.DeliverableIdAsync();
        var meeting = await _factory.SeededMeetingIdAsync();
        var posts = new (string Url, string Field, string? FormUrl)[]
        {
            ($"/deliverables/{id}/edit", "Input.Notes", null),
            ($"/deliverables/{id}/edit", "Input.ChangeNote", null),
            ($"/outcomes/{outcome}/edit", "Input.Summary", null),
            ($"/outcomes/{outcome}/deliverables/new", "Input.Notes", null),
            ("/meetings/import?handler=Preview", "Text", "/meetings/import"),
        };
        foreach (var (url, field, formUrl) in posts)
        {
            var form = await PortalFactory.FormAsync(_editor, formUrl ?? url);
            form[field] = bomb;
            using var response = await _editor.PostAsync(url, new FormUrlEncodedContent(form));
            Assert.True(refused ? (int)response.StatusCode is >= 400 and < 500 : (int)response.StatusCode < 500, $"{kind} in {field} of {url}: {(int)response.StatusCode}");
        }

        var bulk = await PortalFactory.FormAsync(_editor, "/deliverables", "form[action='/deliverables/bulk']");
        bulk["Selected"] = await SelectionAsync(id);
        bulk["Status"] = DeliverableStatus.InProgress.Slug();
        bulk["Note"] = bomb;
        using (var response = await _editor.PostAsync("/deliverables/bulk", new FormUrlEncodedContent(bulk)))
        {
            Assert.True(refused ? (int)response.StatusCode is >= 400 and < 500 : (int)response.StatusCode < 500, $"{kind} in the bulk note: {(int)response.StatusCode}");
        }

        foreach (var url in new[] { $"/deliverables/{id}", $"/deliverables/{id}/edit", $"/outcomes/{outcome}", $"/meetings/{meeting}", "/deliverables", "/" })
        {
            Assert.True((await _editor.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{url} after {kind}");
        }
    }

    [Fact]
    public async Task The_refusal_names_the_limit_and_keeps_the_form()
    {
        var edit = $"/deliverables/{await _factory.DeliverableIdAsync()}/edit";
        var form = await PortalFactory.FormAsync(_editor, edit);
        form["Input.Notes"] = new string('>', 1000) + " deep";
        form["Input.EuLead"] = "DG CONNECT (kept)";

        var page = await Html.ParseAsync(await (await _editor.PostAsync(edit, new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());

        Assert.Contains($"more than {MarkdownLimits.MaxDepth} levels deep", page.Body!.TextContent);
        Assert.Equal("DG CONNECT (kept)", page.QuerySelector("[name='Input.EuLead']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_bomb_already_stored_in_notes_and_history_is_shown_as_typed_and_the_page_answers()
    {
        var bomb = new string('>', 1000) + " deep";
        var id = await _factory.DeliverableIdAsync();
        await using (var db = _factory.NewContext())
        {
            // As a store from before the limits would hold it: written past the form and the entity, straight into the
            // rows. The journal is append-only (triggers refuse an UPDATE), so the bomb arrives as a new entry's note.
            await db.Deliverables.Where(d => d.Id == id).ExecuteUpdateAsync(set => set.SetProperty(d => d.Notes, bomb));
            var at = PortalFactory.Now.UtcDateTime;
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"JournalEntries\" (\"AtUtc\", \"By\", \"Note\", \"Subject\", \"DeliverableId\") VALUES ({at}, {"editor@test.example.org"}, {bomb}, {(int)JournalSubject.Deliverable}, {id})");
        }

        var page = await _editor.GetDocumentAsync($"/deliverables/{id}");

        Assert.Contains("Shown as typed", page.QuerySelector("main")!.TextContent);
        Assert.Contains(bomb, page.QuerySelectorAll(".markdown-as-typed").Select(p => p.TextContent));
    }

    [Theory]
    [InlineData("> one\n>> two\n>>> three")]
    [InlineData("- a\n  - b\n    - c\n      - d")]
    [InlineData("[link](https://example.org) and [another [nested] one](https://example.org)")]
    public void Ordinary_nesting_is_well_within_the_limits(string markdown)
    {
        Assert.Null(MarkdownLimits.Problem(markdown));
        Assert.DoesNotContain("as typed", new MarkdownRenderer().ToHtml(markdown));
    }

    private async Task<string> FirstOutcomeSlugAsync()
    {
        await using var db = _factory.NewContext();
        return await db.Outcomes.OrderBy(o => o.Id).Select(o => o.Slug).FirstAsync();
    }

    private async Task<string> SelectionAsync(int id)
    {
        await using var db = _factory.NewContext();
        var version = await db.Deliverables.Where(d => d.Id == id).Select(d => d.Version).FirstAsync();
        return $"{id}:{version}";
    }
}
