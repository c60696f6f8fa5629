using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Core.Text;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Meetings;

/// <summary>
/// An editor imports a new Council text: paste it, see what it yields (nothing stored), then import it — the same
/// parser and importer as the command line, so the two never disagree.
/// </summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class ImportModel(AreaTaxonomy taxonomy, CouncilImporter importer, LinkProposer proposer, TimeProvider time,
    IStringLocalizer<ImportModel> words, IStringLocalizer<ImportPreview> previewWords) : PageModel
{
    public const int MaxLength = 100_000;
    public const int MaxFileNameLength = 200;

    /// <summary>More than a text can propose (<see cref="LinkProposer.PerDeliverable"/> per deliverable of the longest text seen, and then some).</summary>
    public const int MaxLinks = 2_000;

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? FileName { get; set; }

    /// <summary>The proposed follow-through links the editor ticked (<see cref="LinkProposal.Key"/>s).</summary>
    [BindProperty] public List<string> Links { get; set; } = [];

    /// <summary>True when the form was posted from a preview that showed the proposed links.</summary>
    [BindProperty] public bool LinksReviewed { get; set; }

    public ImportPreview? Preview { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var parsed = Read();
        if (parsed is null)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        Preview = ImportPreview.From(parsed, previewWords) with { Links = await proposer.ProposeAsync(parsed, ct) };
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (Read() is not { } parsed)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        if (Links.Count > MaxLinks)
        {
            Problem = words["At most {0:N0} links can be accepted at once.", MaxLinks];
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        try
        {
            var name = string.IsNullOrWhiteSpace(FileName) ? $"pasted-{time.GetUtcNow():yyyyMMdd-HHmmss}.txt" : Path.GetFileName(FileName.Trim());
            // Counted before the import: afterwards the new Council would be among those its own text is compared with.
            var proposed = LinksReviewed ? 0 : (await proposer.ProposeAsync(parsed, ct)).Count;
            var result = await importer.ImportAsync(name, Text!, ct, User.Identity!.Name!, Links);
            var unreviewed = result.Outcome == ImportOutcome.Imported ? proposed : 0;
            TempData.SetStatusMessage(result.Outcome == ImportOutcome.AlreadyImported
                ? words["This text was imported before: nothing changed."]
                : (result.Links > 0 ? words["Imported, with {0} to earlier Councils’ deliverables.", Display.Count(result.Links, "link")] : words["Imported."])
                    + words[" Below is the text part by part, beside what was taken from each part."]
                    + (unreviewed == 0 ? ""
                        : unreviewed == 1 ? words[" {0} to earlier Councils’ deliverables was not reviewed: add them from each deliverable’s page.", Display.Count(unreviewed, "possible link")]
                        : words[" {0} to earlier Councils’ deliverables were not reviewed: add them from each deliverable’s page.", Display.Count(unreviewed, "possible link")]));
            return RedirectToPage("/Meetings/Details", new { id = result.MeetingId });
        }
        catch (CouncilTextException e)
        {
            Problem = words["This text cannot be imported: {0}.", e.Message];
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    /// <summary>The text checked and parsed, or null with <see cref="Problem"/> saying why.</summary>
    private CouncilText? Read()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            Problem = words["Paste the Council text first."];
            return null;
        }

        if (Text.Length > MaxLength)
        {
            Problem = words["A Council text can be at most {0:N0} characters long; this one has {1:N0}.", MaxLength, Text.Length];
            return null;
        }

        if (TextRules.HasInvisibleControls(Text, multiline: true) || (FileName?.Length ?? 0) > MaxFileNameLength)
        {
            Problem = words["The text contains invisible control characters, or the file name is too long; paste it again as plain text."];
            return null;
        }

        if (MarkdownLimits.Problem(Text) is { } nesting)
        {
            Problem = words["This text cannot be imported: {0}.", nesting];
            return null;
        }

        try
        {
            return CouncilImporter.Check(new CouncilTextParser(taxonomy).Parse(Text));
        }
        catch (CouncilTextException e)
        {
            Problem = words["This text cannot be imported: {0}.", e.Message];
            return null;
        }
    }
}
