using DigitalPartnership.Core.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalPartnership.BrowserTests;

/// <summary>An editor in real Chromium changes a status with a note; a reader then sees the change and its history.</summary>
public sealed class EditingTests : IClassFixture<LivePortal>
{
    private readonly LivePortal _portal;

    public EditingTests(LivePortal portal) => _portal = portal;

    [BrowserFact]
    public async Task Editor_changes_a_status_with_a_note_and_a_reader_sees_it()
    {
        var (editor, editorErrors) = await _portal.NewPageAsync();
        await _portal.SignInAsync(editor, PortalRoles.Editor);
        await editor.GotoAsync(_portal.BaseUrl + "/outcomes/submarine-cables-and-online-platforms");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Both sides agreed to enhance cooperation" }).ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "Update", Exact = true }).ClickAsync();

        await editor.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "At risk" });
        await editor.GetByLabel("Progress (%)").FillAsync("20");
        await editor.GetByLabel("Note for the history").FillAsync("Cable landing permits **delayed** in both countries.");
        await _portal.ScreenshotAsync(editor, "edit-form");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(editor.GetByTestId("status-message")).ToContainTextAsync("Saved.");
        var address = editor.Url;

        var (reader, readerErrors) = await _portal.NewPageAsync();
        await _portal.SignInAsync(reader, PortalRoles.Staff, "cable.reader@test.example.org");
        await reader.GotoAsync(address);
        await Expect(reader.GetByTestId("status-message")).ToHaveCountAsync(0); // the editor's message is the editor's
        await Expect(reader.Locator("main .status").First).ToHaveTextAsync("At risk");
        var newest = reader.GetByTestId("history").Locator("tbody tr").First;
        await Expect(newest).ToContainTextAsync("editor@test.example.org");
        await Expect(newest.Locator("strong")).ToHaveTextAsync("delayed");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Update", Exact = true })).ToHaveCountAsync(0);
        await _portal.ScreenshotAsync(reader, "reader-sees-history");

        await reader.GotoAsync(_portal.BaseUrl + "/");
        await Expect(reader.GetByTestId("recent-changes").Locator("li").First).ToContainTextAsync("Both sides agreed");
        Assert.Empty(editorErrors);
        Assert.Empty(readerErrors);
    }
}
