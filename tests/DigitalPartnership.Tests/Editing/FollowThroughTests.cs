using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Editing;

/// <summary>
/// Follow-through from one Council to the next through the real pages: the import preview proposes links from the
/// EU–Japan 3rd Council's deliverables to the seeded 2nd Council's, the editor accepts some, and both deliverables'
/// pages and the report then show the thread.
/// </summary>
public sealed class FollowThroughTests : IAsyncLifetime
{
    private const string ThirdCouncil = "eu-japan-third-council-tokyo.md";
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = null!;

    public async Task InitializeAsync() => _editor = await _factory.CreateClientAsync(PortalRoles.Editor);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_preview_proposes_links_to_the_second_Councils_deliverables_with_the_score_explained_and_none_ticked()
    {
        var (expertTeam, sixG, _) = await SecondCouncilAsync();

        var page = await PreviewAsync();

        var proposals = page.QuerySelectorAll("[data-testid=link-proposal]");
        Assert.Contains(proposals, p => p.QuerySelector("input")!.GetAttribute("value") == $"1.1:{expertTeam}"
            && p.Text().Contains("A team of experts will be established") && p.Text().Contains("shared words: expert"));
        Assert.Contains(proposals, p => p.QuerySelector("input")!.GetAttribute("value") == $"2.1:{sixG}" && p.Text().Contains("6G and Beyond 5G"));
        Assert.All(proposals, p => Assert.False(p.QuerySelector("input")!.HasAttribute("checked"))); // the editor accepts each
        Assert.StartsWith($"{proposals.Length} links to deliverables of earlier Councils proposed", page.QuerySelector("[data-testid=links-proposed]").Text());
        // The new commitment of the 3rd Council has nothing to continue.
        var newOne = page.QuerySelectorAll("[data-testid=preview-outcome]").Single(o => o.Text().Contains("digital public services"));
        Assert.Null(newOne.QuerySelector("[data-testid=link-proposals]"));
    }

    [Fact]
    public async Task Accepted_links_show_on_both_deliverables_pages_and_in_the_report_and_a_rejected_one_is_not_stored()
    {
        var (expertTeam, sixG, cables) = await SecondCouncilAsync();
        var page = await PreviewAsync();
        Assert.NotNull(page.QuerySelector($"input[value='3.1:{cables}']")); // proposed, and left unticked: rejected

        using var response = await ImportAsync([$"1.1:{expertTeam}", $"2.1:{sixG}"]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meeting = await _editor.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.StartsWith("Imported, with 2 links to earlier Councils’ deliverables.", meeting.QuerySelector("[data-testid=status-message]").Text());
        await using var db = _factory.NewContext();
        var links = await db.Continuations.Include(c => c.Deliverable).OrderBy(c => c.EarlierId).ToListAsync();
        Assert.Equal([expertTeam, sixG], links.Select(l => l.EarlierId));
        Assert.All(links, l => Assert.Equal("editor@test.example.org", l.LinkedBy));
        var reported = links[0].Deliverable.Id;

        // The earlier deliverable's page follows the commitment to the Council that reported on it, and back.
        var earlierPage = await _editor.GetDocumentAsync($"/deliverables/{expertTeam}");
        var steps = earlierPage.QuerySelectorAll("[data-testid=thread-step]");
        Assert.Equal(2, steps.Length);
        Assert.StartsWith("Made at the 2nd Council", steps[0].Text());
        Assert.Contains("(this deliverable)", steps[0].Text());
        Assert.StartsWith("Reported at the 3rd Council (Tokyo, Japan, 12 May 2025)", steps[1].Text());
        Assert.Contains("The team of experts on semiconductors has completed", steps[1].Text());
        Assert.Contains("Now Completed", steps[1].Text());
        Assert.Contains($"Continues #{expertTeam}. Proposed at import, score", steps[1].Text());
        var laterPage = await _editor.GetDocumentAsync($"/deliverables/{reported}");
        Assert.Equal($"/deliverables/{expertTeam}", laterPage.QuerySelector("[data-testid=thread-step] a")!.GetAttribute("href"));
        // The link is in the later deliverable's journal, with who made it.
        Assert.Contains(laterPage.QuerySelectorAll("[data-testid=journal-entry]"),
            e => e.Text().Contains("Continues") && e.Text().Contains("A team of experts will be established") && e.Text().Contains("editor@test.example.org"));

        var manager = await _factory.CreateClientAsync(PortalRoles.Manager);
        var report = await manager.GetDocumentAsync("/reports");
        var rows = report.QuerySelectorAll("[data-testid=by-council] tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.Text())));
        Assert.Equal(["2nd Council, Brussels | 0 | 6 | 6", "3rd Council, Tokyo | 2 | 2 | 4"], rows); // carried over, new, all
        var pdf = PdfText(await manager.GetByteArrayAsync("/reports/export?format=pdf"));
        Assert.Contains("FromoneCounciltothenext", pdf);
        Assert.Contains("3rdCouncil,Tokyo224", pdf);
    }

    [Fact]
    public async Task The_thread_shows_the_earlier_commitments_status_on_the_day_the_next_Council_met()
    {
        var (expertTeam, _, _) = await SecondCouncilAsync();
        using var imported = await ImportAsync([$"1.1:{expertTeam}"]);
        // A status change recorded before the 3rd Council met (12 May 2025), and one saved through the form now.
        await using (var db = _factory.NewContext())
        {
            var deliverable = await db.Deliverables.SingleAsync(d => d.Id == expertTeam);
            deliverable.ChangeStatus(DeliverableStatus.InProgress, null, "Experts named.", "editor@test.example.org", new DateTime(2025, 5, 1, 9, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        }

        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{expertTeam}/edit");
        form["Input.Status"] = "completed";
        using (var saved = await _editor.PostAsync($"/deliverables/{expertTeam}/edit", new FormUrlEncodedContent(form)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await _editor.GetDocumentAsync($"/deliverables/{expertTeam}");
        var made = page.QuerySelectorAll("[data-testid=thread-step]")[0].Text();
        Assert.Contains("Now Completed", made);
        Assert.Contains("· at the 3rd Council: In progress", made);
    }

    [Fact]
    public async Task Rejecting_every_proposed_link_imports_the_Council_without_links()
    {
        await PreviewAsync();

        using var response = await ImportAsync([]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _factory.NewContext();
        Assert.Equal(2, await db.Meetings.CountAsync());
        Assert.Equal(0, await db.Continuations.CountAsync());
    }

    [Fact]
    public async Task Importing_without_a_preview_says_how_many_possible_links_were_not_reviewed()
    {
        var form = await PortalFactory.FormAsync(_editor, "/meetings/import");
        form["Text"] = File.ReadAllText(TestFiles.CouncilText(ThirdCouncil));
        using var response = await _editor.PostAsync("/meetings/import?handler=Import", new FormUrlEncodedContent(form));

        var meeting = await _editor.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Matches(@"\d+ possible links to earlier Councils’ deliverables were not reviewed", meeting.QuerySelector("[data-testid=status-message]").Text());
    }

    [Theory]
    [InlineData("1.1:99999")] // not proposed
    [InlineData("not-a-link")]
    public async Task A_link_that_was_not_proposed_answers_400_keeps_the_text_and_imports_nothing(string key)
    {
        using var response = await ImportAsync([key]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("not among the links proposed", page.QuerySelector("[data-testid=import-problem]").Text());
        Assert.Contains("third Digital Partnership Council in Tokyo", page.QuerySelector("#Text")!.TextContent);
        await using var db = _factory.NewContext();
        Assert.Equal(1, await db.Meetings.CountAsync());
    }

    [Fact]
    public async Task An_editor_links_and_unlinks_by_hand_and_the_journal_keeps_both()
    {
        var (expertTeam, _, _) = await SecondCouncilAsync();
        using (var imported = await ImportAsync([]))
        {
            Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        }

        int later;
        await using (var db = _factory.NewContext())
        {
            later = await db.Deliverables.Where(d => d.Title.StartsWith("The team of experts")).Select(d => d.Id).SingleAsync();
        }

        var thread = await _editor.GetDocumentAsync($"/deliverables/{later}/thread");
        Assert.Equal(expertTeam.ToString(), thread.QuerySelector("[data-testid=suggestions] input")!.GetAttribute("value")); // the likeliest first
        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{later}/thread", "main form[method=post]");
        form["EarlierId"] = expertTeam.ToString();
        form["Note"] = "The same expert team reported.";
        using (var linked = await _editor.PostAsync($"/deliverables/{later}/thread?handler=Link", new FormUrlEncodedContent(form)))
        {
            Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        }

        var page = await _editor.GetDocumentAsync($"/deliverables/{later}");
        Assert.Contains($"Continues #{expertTeam}. Linked by editor@test.example.org.", page.QuerySelector("[data-testid=thread]").Text());

        var unlink = await PortalFactory.FormAsync(_editor, $"/deliverables/{later}/thread", "[data-testid=continues] form");
        unlink["Note"] = "Linked to the wrong one.";
        using (var unlinked = await _editor.PostAsync($"/deliverables/{later}/thread?handler=Unlink", new FormUrlEncodedContent(unlink)))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        }

        page = await _editor.GetDocumentAsync($"/deliverables/{later}");
        Assert.Empty(page.QuerySelectorAll("[data-testid=thread-step]"));
        var entries = page.QuerySelectorAll("[data-testid=journal-entry]").Where(e => e.Text().Contains("Continues")).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains("Linked to the wrong one.", entries[0].Text()); // newest first
        Assert.Contains("The same expert team reported.", entries[1].Text());
    }

    [Theory]
    [InlineData("", "Choose the earlier deliverable")]
    [InlineData("7", "is not a deliverable of an earlier Council")] // one of the 3rd Council's own
    public async Task Linking_to_nothing_or_to_a_deliverable_of_no_earlier_Council_answers_400_and_changes_nothing(string earlierId, string message)
    {
        using (await ImportAsync([]))
        {
        }

        int later;
        await using (var db = _factory.NewContext())
        {
            later = await db.Deliverables.Where(d => d.Title.StartsWith("The team of experts")).Select(d => d.Id).SingleAsync();
        }

        var form = await PortalFactory.FormAsync(_editor, $"/deliverables/{later}/thread", "main form[method=post]");
        form["EarlierId"] = earlierId == "7" ? later.ToString() : earlierId;
        using var response = await _editor.PostAsync($"/deliverables/{later}/thread?handler=Link", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("[data-testid=thread-problem]").Text());
        await using var check = _factory.NewContext();
        Assert.Equal(0, await check.Continuations.CountAsync());
    }

    /// <summary>The seeded 2nd Council's deliverables the 3rd Council text reports on: the expert team, 6G research, submarine cables.</summary>
    private async Task<(int ExpertTeam, int SixG, int Cables)> SecondCouncilAsync()
    {
        await using var db = _factory.NewContext();
        var ids = await db.Deliverables.Select(d => new { d.Id, d.Title }).ToListAsync();
        return (ids.Single(d => d.Title.StartsWith("A team of experts")).Id, ids.Single(d => d.Title.StartsWith("Collaborative research projects")).Id,
            ids.Single(d => d.Title.Contains("submarine cable")).Id);
    }

    private async Task<AngleSharp.Dom.IDocument> PreviewAsync()
    {
        var form = await PortalFactory.FormAsync(_editor, "/meetings/import");
        form["Text"] = File.ReadAllText(TestFiles.CouncilText(ThirdCouncil));
        using var response = await _editor.PostAsync("/meetings/import?handler=Preview", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Imports the 3rd Council text from a preview that showed its links, with <paramref name="accepted"/> ticked.</summary>
    private async Task<HttpResponseMessage> ImportAsync(IReadOnlyList<string> accepted)
    {
        var form = await PortalFactory.FormAsync(_editor, "/meetings/import");
        form["Text"] = File.ReadAllText(TestFiles.CouncilText(ThirdCouncil));
        form["LinksReviewed"] = "true";
        var fields = form.Select(f => KeyValuePair.Create(f.Key, f.Value)).Concat(accepted.Select(key => KeyValuePair.Create("Links", key)));
        return await _editor.PostAsync("/meetings/import?handler=Import", new FormUrlEncodedContent(fields));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "");
    }
}
