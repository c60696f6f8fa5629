using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Reporting;
using DigitalPartnership.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Editing;

/// <summary>Correcting a Council: its date, place and ordinal, where each came from, and what the reports gain from it.</summary>
public sealed class MeetingEditTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = null!;
    private int _id;

    public async Task InitializeAsync()
    {
        _editor = await _factory.CreateClientAsync(PortalRoles.Editor);
        _id = await _factory.SeededMeetingIdAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Once_the_second_Councils_date_is_entered_the_reports_page_and_xlsx_show_changes_since_it()
    {
        var manager = await _factory.CreateClientAsync(PortalRoles.Manager);
        var before = await manager.GetDocumentAsync("/reports");
        Assert.Equal("Changes since the last Council", before.QuerySelector("#changes-heading").Text());

        Assert.Equal(HttpStatusCode.Redirect, (await CorrectAsync(form => form["Input.Date"] = "2024-04-30")).StatusCode);

        var page = await manager.GetDocumentAsync("/reports");
        Assert.StartsWith("Changes since 2nd Council, Brussels (30 April 2024)", page.QuerySelector("#changes-heading").Text());
        Assert.DoesNotContain("no \"last Council\"", page.QuerySelector("[data-testid=changes]").Text());
        Assert.Contains("2nd Council, Brussels (30 April 2024)", XlsxTexts(await manager.GetByteArrayAsync("/reports/export?format=xlsx")));
        var meeting = await manager.GetDocumentAsync($"/meetings/{_id}");
        Assert.Contains("30 April 2024", meeting.QuerySelector("#extracted-heading")!.ParentElement!.ParentElement.Text());
    }

    [PdfFact]
    public async Task Once_the_second_Councils_date_is_entered_the_pdf_shows_changes_since_it()
    {
        var manager = await _factory.CreateClientAsync(PortalRoles.Manager);
        Assert.DoesNotContain("Changessince2ndCouncil", PdfText(await manager.GetByteArrayAsync("/reports/export?format=pdf")));

        Assert.Equal(HttpStatusCode.Redirect, (await CorrectAsync(form => form["Input.Date"] = "2024-04-30")).StatusCode);

        Assert.Contains("Changessince2ndCouncil,Brussels(30April2024)", PdfText(await manager.GetByteArrayAsync("/reports/export?format=pdf")));
    }

    [Fact]
    public async Task Each_value_says_whether_it_came_from_the_text_or_from_an_editor_and_why()
    {
        var page = await _editor.GetDocumentAsync($"/meetings/{_id}/edit");
        Assert.StartsWith("From the text:", page.QuerySelector("#source-ordinal").Text());
        Assert.Contains("Digital Partnership Council", page.QuerySelector("#source-ordinal q").Text()); // the sentence itself
        Assert.Equal("From the text, which does not state it.", page.QuerySelector("#source-date").Text());

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Redirect, (await CorrectAsync(form =>
        {
            form["Input.Date"] = "2024-04-30";
            form["Input.Reason"] = "The joint press release of 30 April 2024 dates it.";
        })).StatusCode);

        var after = await (await _factory.CreateClientAsync(PortalRoles.Editor, "other.editor@test.example.org")).GetDocumentAsync($"/meetings/{_id}/edit");
        Assert.Equal("Entered by editor@test.example.org on 29 Nov 2026, 11:00 UTC, because: “The joint press release of 30 April 2024 dates it.”",
            after.QuerySelector("#source-date").Text());
        Assert.StartsWith("From the text:", after.QuerySelector("#source-ordinal").Text());
        Assert.Equal("2024-04-30", after.QuerySelector("[name='Input.Date']")!.GetAttribute("value"));
        var entry = Assert.Single(after.QuerySelectorAll("[data-testid=journal-entry]"));
        Assert.Contains("Date not set → 30 Apr 2024", string.Join(' ', entry.QuerySelector("[data-field=date]").Text().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("was ", ""));
    }

    [Theory]
    [InlineData("Input.Date", "2024-02-30", "is not a day that exists")]
    [InlineData("Input.City", "Brus\u0007sels", "invisible control characters")]
    [InlineData("Input.Ordinal", "0", "whole number from 1")]
    [InlineData("Input.Ordinal", "3", "already has a 3rd Council")]
    [InlineData("Input.Reason", "", "Say why")]
    [InlineData("Input.NextDate", "2025-13-01", "is not a day that exists")]
    public async Task Bad_input_is_refused_with_400_and_the_form_kept(string field, string value, string message)
    {
        MeetingPlace original;
        await using (var db = _factory.NewContext())
        {
            original = (await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == _id)).Place;
            // A 3rd Council of the same partnership, so an ordinal can collide.
            var partnership = await db.Partnerships.SingleAsync(p => p.Meetings.Any(m => m.Id == _id));
            db.Meetings.Add(new Meeting(partnership, "Third Council", new MeetingPlace(3, "Tokyo", "Japan", null, 2025), "third.txt", "Third.", "third-hash",
                PortalFactory.Now.UtcDateTime));
            await db.SaveChangesAsync();
        }

        using var response = await CorrectAsync(form =>
        {
            form["Input.Country"] = "Belgium (kept)";
            form[field] = value;
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("[data-testid=form-problems]").Text());
        Assert.Equal("Belgium (kept)", page.QuerySelector("[name='Input.Country']")!.GetAttribute("value"));
        await using var after = _factory.NewContext();
        var meeting = await after.Meetings.SingleAsync(m => m.Id == _id);
        Assert.Equal(original, meeting.Place);
        Assert.Equal(2, meeting.Place.Ordinal);
        Assert.False(await after.JournalEntries.AnyAsync(j => j.MeetingId == _id));
    }

    [Fact]
    public async Task A_correction_on_an_older_version_is_a_conflict_that_keeps_both()
    {
        var mine = await PortalFactory.FormAsync(_editor, $"/meetings/{_id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await CorrectAsync(form => form["Input.City"] = "Bruxelles")).StatusCode);

        mine["Input.Date"] = "2024-04-30";
        mine["Input.Reason"] = "Press release.";
        using var stale = await _editor.PostAsync($"/meetings/{_id}/edit", new FormUrlEncodedContent(mine));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await Html.ParseAsync(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Bruxelles", page.QuerySelector("[data-testid=conflict]").Text());
        Assert.Equal("2024-04-30", page.QuerySelector("[name='Input.Date']")!.GetAttribute("value"));
        await using var db = _factory.NewContext();
        Assert.Null((await db.Meetings.SingleAsync(m => m.Id == _id)).Place.Date);

        // Saving again applies it on top of the other correction.
        var again = PortalFactory.FieldsOf(page.QuerySelector("main form[method=post]")!);
        using var saved = await _editor.PostAsync($"/meetings/{_id}/edit", new FormUrlEncodedContent(again));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task Readers_cannot_open_the_correction_form()
    {
        var reader = await _factory.CreateClientAsync(PortalRoles.Staff);
        using var response = await reader.GetAsync($"/meetings/{_id}/edit");
        Assert.InRange((int)response.StatusCode, 300, 403);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await reader.GetDocumentAsync($"/meetings/{_id}")).QuerySelector($"a[href='/meetings/{_id}/edit']"));
    }

    private async Task<HttpResponseMessage> CorrectAsync(Action<Dictionary<string, string>> change)
    {
        var form = await PortalFactory.FormAsync(_editor, $"/meetings/{_id}/edit");
        form["Input.Reason"] = "Checked against the joint press release.";
        change(form);
        return await _editor.PostAsync($"/meetings/{_id}/edit", new FormUrlEncodedContent(form));
    }

    private static string XlsxTexts(byte[] xlsx)
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var texts = workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>()).Select(t => t.Text)
            .Concat(workbook.WorkbookPart.SharedStringTablePart?.SharedStringTable.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text) ?? []);
        return string.Join("\n", texts);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "");
    }
}
