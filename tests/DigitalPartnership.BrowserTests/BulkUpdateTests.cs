using DigitalPartnership.Core.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitalPartnership.BrowserTests;

/// <summary>An editor updates several deliverables at once with the keyboard alone: no mouse, no pointer.</summary>
public sealed class BulkUpdateTests(LivePortal portal) : IClassFixture<LivePortal>
{
    [BrowserFact]
    public async Task An_editor_updates_three_deliverables_with_the_keyboard_only()
    {
        var (page, consoleErrors) = await portal.NewPageAsync();
        await portal.SignInAsync(page, PortalRoles.Editor, "keyboard.editor@test.example.org");
        await page.GotoAsync(portal.BaseUrl + "/deliverables?status=not-started");
        var keyboard = page.Keyboard;

        // Tab to each of the first three tick boxes and tick it with Space; the bar counts as it goes.
        var ticked = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ticked.Add(await TabUntilAsync(page, "input[name=Selected]:not(:checked)"));
            await keyboard.PressAsync("Space");
        }

        await Expect(page.Locator("[data-bulk-count]")).ToHaveTextAsync("3 deliverables selected");

        // Enter in a tick box leads straight to the bar, and submits nothing.
        await keyboard.PressAsync("Enter");
        Assert.Equal("bulk-status", await FocusedIdAsync(page));
        Assert.EndsWith("/deliverables?status=not-started", page.Url);

        // Without a status the bar says what is missing and puts the cursor there.
        await TabUntilAsync(page, "[data-bulk-review]");
        await keyboard.PressAsync("Enter");
        await Expect(page.Locator("#bulk-problem")).ToHaveTextAsync("Choose the status to set on the selected deliverables.");
        Assert.Equal("bulk-status", await FocusedIdAsync(page));
        await Expect(page.Locator("#bulk-status")).ToHaveAttributeAsync("aria-invalid", "true");

        // A closed list moves through its choices with the arrow keys: the placeholder, Not started, In progress, At risk.
        for (var i = 0; i < 3; i++)
        {
            await keyboard.PressAsync("ArrowDown");
        }

        await Expect(page.Locator("#bulk-status")).ToHaveValueAsync("at-risk");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("40");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("Waiting for the ministerial sign-off.");
        await portal.ScreenshotAsync(page, "bulk-bar");

        // Enter in the note submits through the bar's button: the dialog names the count before anything is saved.
        await keyboard.PressAsync("Enter");
        var dialog = page.Locator("[data-bulk-dialog]");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("Set the status of 3 deliverables to “At risk” and their progress to 40%?");
        Assert.Equal("Update 3 deliverables", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await portal.ScreenshotAsync(page, "bulk-dialog");
        await keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync(
            "3 deliverables updated: status At risk, progress 40%. Each has a new history row.");
        await page.GotoAsync(portal.BaseUrl + "/deliverables?status=at-risk");
        await Expect(page.GetByTestId("result-count").GetByTestId("total")).ToHaveTextAsync("3");
        var updated = await page.Locator("input[name=Selected]").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.id)");
        Assert.Equal(ticked.Order(), updated.Order());
        Assert.Equal(3, await page.Locator("[data-testid=deliverables] tbody td[data-label=Status]", new() { HasText = "40%" }).CountAsync());
        Assert.Empty(consoleErrors);
    }

    [BrowserFact]
    public async Task Escape_closes_the_question_and_nothing_is_saved()
    {
        var (page, consoleErrors) = await portal.NewPageAsync();
        await portal.SignInAsync(page, PortalRoles.Editor, "careful.editor@test.example.org");
        await page.GotoAsync(portal.BaseUrl + "/deliverables?status=in-progress");
        await TabUntilAsync(page, "[data-select-all]");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("[data-bulk-count]")).ToHaveTextAsync("1 deliverable selected");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabUntilAsync(page, "[data-bulk-review]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-bulk-dialog]")).ToContainTextAsync("Set the status of 1 deliverable to “Not started”?");

        await page.Keyboard.PressAsync("Escape");

        await Expect(page.Locator("[data-bulk-dialog]")).ToBeHiddenAsync();
        Assert.Equal("Update selected…", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.ReloadAsync();
        await Expect(page.GetByTestId("result-count").GetByTestId("total")).ToHaveTextAsync("1"); // still in progress
        Assert.Empty(consoleErrors);
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; its id, for the record.</summary>
    private static async Task<string> TabUntilAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 300; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return await FocusedIdAsync(page);
            }
        }

        throw new InvalidOperationException($"Tab never reached {selector}");
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("document.activeElement?.id ?? ''");
}
