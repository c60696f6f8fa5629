using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Core.Text;
using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalPartnership.Web.Pages.Meetings;

/// <summary>
/// An editor imports a new Council text: paste it, see what it yields (nothing stored), then import it — the same
/// parser and importer as the command line, so the two never disagree.
/// </summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class ImportModel(AreaTaxonomy taxonomy, CouncilImporter importer) : PageModel
{
    public const int MaxLength = 100_000;

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? FileName { get; set; }

    public CouncilText? Preview { get; private set; }
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

        Preview = parsed;
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
            var name = string.IsNullOrWhiteSpace(FileName) ? $"pasted-{DateTime.UtcNow:yyyyMMdd-HHmmss}.txt" : Path.GetFileName(FileName.Trim());
            var result = await importer.ImportAsync(name, Text!, ct, User.Identity!.Name!);
            return Redirect($"/meetings/{result.MeetingId}{(result.Outcome == ImportOutcome.AlreadyImported ? "?already=1" : "?imported=1")}");
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

        if (TextRules.HasInvisibleControls(Text, multiline: true) || (FileName?.Length ?? 0) > 200)
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
