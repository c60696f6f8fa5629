using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Core.Text;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalPartnership.Web.Pages.Meetings;

/// <summary>
/// An editor imports a new Council text: paste it, see what it yields (nothing stored), then import it — the same
/// parser and importer as the command line, so the two never disagree.
/// </summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class ImportModel(AreaTaxonomy taxonomy, CouncilImporter importer, TimeProvider time) : PageModel
{
    public const int MaxLength = 100_000;
    public const int MaxFileNameLength = 200;

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? FileName { get; set; }

    public ImportPreview? Preview { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPostPreview()
    {
        var parsed = Read();
        if (parsed is null)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        Preview = ImportPreview.From(parsed);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (Read() is null)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        try
        {
            var name = string.IsNullOrWhiteSpace(FileName) ? $"pasted-{time.GetUtcNow():yyyyMMdd-HHmmss}.txt" : Path.GetFileName(FileName.Trim());
            var result = await importer.ImportAsync(name, Text!, ct, User.Identity!.Name!);
            TempData.SetStatusMessage(result.Outcome == ImportOutcome.AlreadyImported
                ? "This text was imported before: nothing changed."
                : "Imported. Below is the text part by part, beside what was taken from each part.");
            return RedirectToPage("/Meetings/Details", new { id = result.MeetingId });
        }
        catch (CouncilTextException e)
        {
            Problem = $"This text cannot be imported: {e.Message}.";
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    /// <summary>The text checked and parsed, or null with <see cref="Problem"/> saying why.</summary>
    private CouncilText? Read()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            Problem = "Paste the Council text first.";
            return null;
        }

        if (Text.Length > MaxLength)
        {
            Problem = $"A Council text can be at most {MaxLength:N0} characters long; this one has {Text.Length:N0}.";
            return null;
        }

        if (TextRules.HasInvisibleControls(Text, multiline: true) || (FileName?.Length ?? 0) > MaxFileNameLength)
        {
            Problem = "The text contains invisible control characters, or the file name is too long; paste it again as plain text.";
            return null;
        }

        if (MarkdownLimits.Problem(Text) is { } nesting)
        {
            Problem = $"This text cannot be imported: {nesting}.";
            return null;
        }

        try
        {
            return CouncilImporter.Check(new CouncilTextParser(taxonomy).Parse(Text));
        }
        catch (CouncilTextException e)
        {
            Problem = $"This text cannot be imported: {e.Message}.";
            return null;
        }
    }
}
