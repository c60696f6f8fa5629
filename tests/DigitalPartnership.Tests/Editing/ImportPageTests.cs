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
        Assert.StartsWith("1st", Fact(page, "Council"));
        Assert.StartsWith("Tokyo, Japan", Fact(page, "Place"));
        Assert.StartsWith("3 July 2023", Fact(page, "Date"));
        Assert.Equal("2nd Council: Brussels, Belgium, 30 April 2024", Fact(page, "Next Council")); // "second" is stated: nothing to check
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
        Assert.Equal("EU–Korea · 1st Council, Seoul, Korea", meeting.QuerySelector("h1").Text());
        Assert.StartsWith("Imported.", meeting.QuerySelector("[data-testid=status-message]").Text());

        using var second = await PostAsync("Import", text);
        Assert.Equal(first.Headers.Location, second.Headers.Location); // the same meeting, not a copy
        var again = await _editor.GetDocumentAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("imported before", again.QuerySelector("[data-testid=status-message]").Text());
        await using var db = _factory.NewContext();
        Assert.Equal(2, await db.Meetings.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CouncilTextImported && a.Actor == "editor@test.example.org"));
    }

    [Fact]
    public async Task Preview_shows_each_fact_with_the_sentence_it_was_read_from()
    {
        var page = await PreviewAsync("japan-eu-numbered-us-date.txt");

        var date = page.QuerySelectorAll("[data-testid=preview] dt").Single(dt => dt.Text() == "Date").NextElementSibling!;
        Assert.Equal("How it was found", date.QuerySelector("details summary").Text());
        Assert.Contains("July 3", date.QuerySelector("details").Text());
        Assert.DoesNotContain("Check", date.Text());
    }

    [Fact]
    public async Task Preview_of_a_text_with_lettered_sections_shows_each_outcome_under_its_section_heading()
    {
        var page = await PreviewAsync("lettered-sections-split-bold.md");

        Assert.Equal(
            [
                "A. Advancing Leadership on Critical and Emerging Technologies",
                "B. Connectivity and Digital Infrastructure",
                "C. Trade, Labour and Economic Security",
                "D. Talent for Growth",
            ],
            page.Texts("[data-testid=preview] h3"));
        // Read as a reader reads it: each section heading, then the outcomes that stand under it.
        var lines = page.Texts("[data-testid=preview] h3, [data-testid=preview] h4");
        Assert.Equal(
            [
                "A. Advancing Leadership on Critical and Emerging Technologies", "Artificial Intelligence", "Quantum",
                "B. Connectivity and Digital Infrastructure", "Joint Projects with Chile and Peru", "Secure Subsea Cables for the Arctic and Pacific Routes",
                "C. Trade, Labour and Economic Security", "Economic Coercion", "Trade and Labour Dialogue",
                "D. Talent for Growth", "Talent for Growth",
            ],
            lines);
    }

    [Fact]
    public async Task Preview_shows_a_meeting_held_over_two_days_as_a_range_and_the_next_meeting_in_the_texts_words()
    {
        var page = await PreviewAsync("lettered-sections-split-bold.md");

        Assert.StartsWith("4–5 June 2025", Fact(page, "Date"));
        var next = Fact(page, "Next Council");
        Assert.Contains("In the text’s words: in mid-2026 in Europe", next); // a <q>: the browser adds the quotation marks
        Assert.Contains("Check only a region given (Europe)", next); // no place the portal can name: the editor is told
    }

    [Fact]
    public async Task Preview_of_a_prose_readout_warns_that_the_text_had_no_list_and_marks_every_title_it_made()
    {
        var page = await PreviewAsync("prose-readout-outside-capital.txt");

        Assert.Contains("This text had no list: each outcome is a paragraph that reports a result. Check them before importing.",
            page.Texts("[data-testid=no-list-warning]").Single());
        var outcomes = page.Texts("[data-testid=preview-outcome]");
        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.Contains("Check the text has no list: title", o)); // made or shortened from a result sentence
    }

    [Fact]
    public async Task Preview_of_a_text_with_a_list_gives_no_warning_about_lists()
    {
        var page = await PreviewAsync("lettered-sections-split-bold.md");

        Assert.Empty(page.QuerySelectorAll("[data-testid=no-list-warning]"));
    }

    [Fact]
    public async Task Preview_of_a_text_that_says_only_today_marks_its_missing_date_for_checking()
    {
        var page = await PreviewAsync("titled-areas-today.md");

        var date = Fact(page, "Date");
        Assert.StartsWith("Not stated", date);
        Assert.Contains("Check the text says only \"Today\": no date given", date);
        Assert.DoesNotContain("Check", Fact(page, "Place"));
        Assert.Contains("marked “Check”", page.QuerySelector("[data-testid=to-check]").Text());
    }

    [Fact]
    public async Task Preview_of_a_text_that_announces_no_next_meeting_marks_it_for_checking()
    {
        var page = await PreviewAsync("markdown-bullets-no-next-meeting.md");

        Assert.Equal("Not announced Check the text announces no next meeting", Fact(page, "Next Council"));
    }

    [Fact]
    public async Task After_import_the_meeting_page_shows_the_outcomes_by_section_and_the_days_as_a_range()
    {
        using var response = await PostAsync("Import", File.ReadAllText(TestFiles.CouncilText("lettered-sections-split-bold.md")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var meeting = await _editor.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var extracted = meeting.QuerySelectorAll("dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling.Text());
        Assert.Equal("4–5 June 2025", extracted["Date"]);
        Assert.Contains("In the text’s words: in mid-2026 in Europe", extracted["Next Council"]);
        var sections = meeting.QuerySelector("[data-testid=outcome-sections]")!;
        Assert.Equal(
            [
                "A. Advancing Leadership on Critical and Emerging Technologies",
                "B. Connectivity and Digital Infrastructure",
                "C. Trade, Labour and Economic Security",
                "D. Talent for Growth",
            ],
            sections.QuerySelectorAll("h3").Select(h => h.Text()));
        Assert.Equal(["Economic Coercion", "Trade and Labour Dialogue"],
            sections.QuerySelectorAll("h3")[2].NextElementSibling!.QuerySelectorAll("li > a:first-child").Select(a => a.Text()));
    }

    [Fact]
    public async Task The_seeded_meeting_page_lists_no_sections_as_its_text_has_none()
    {
        var meeting = await _editor.GetDocumentAsync($"/meetings/{await _factory.SeededMeetingIdAsync()}");

        Assert.Empty(meeting.QuerySelectorAll("[data-testid=outcome-sections]"));
        Assert.NotEmpty(meeting.QuerySelectorAll("[id^=outcome-]")); // its outcomes are still shown beside the text
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

    private async Task<AngleSharp.Dom.IDocument> PreviewAsync(string councilText)
    {
        using var response = await PostAsync("Preview", File.ReadAllText(TestFiles.CouncilText(councilText)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>What the preview says of one fact ("Date", "Next Council"), its marks and wording included, spaces collapsed.</summary>
    private static string Fact(AngleSharp.Dom.IDocument page, string label)
    {
        var value = page.QuerySelectorAll("[data-testid=preview] dt").Single(dt => dt.Text() == label).NextElementSibling!;
        var shown = value.Clone() as AngleSharp.Dom.IElement;
        foreach (var details in shown!.QuerySelectorAll("details"))
        {
            details.Remove(); // the sentence it was read from is folded away until asked for
        }

        return string.Join(' ', shown.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private async Task<HttpResponseMessage> PostAsync(string handler, string text)
    {
        var form = await PortalFactory.FormAsync(_editor, "/meetings/import");
        form["Text"] = text;
        return await _editor.PostAsync($"/meetings/import?handler={handler}", new FormUrlEncodedContent(form));
    }
}
