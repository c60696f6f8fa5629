using System.ComponentModel.DataAnnotations;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Outcomes;

/// <summary>An editor corrects an outcome's title or summary; a save on an older version is a conflict, as for deliverables.</summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class EditModel(PortalDbContext db, TimeProvider time, IStringLocalizer<FormText> rules) : PageModel
{
    [BindProperty]
    public OutcomeForm Input { get; set; } = new();

    public string Slug { get; private set; } = "";
    public string? CurrentTitle { get; private set; }
    public bool IsConflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var outcome = await db.Outcomes.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        Slug = slug;
        Input = new OutcomeForm
        {
            Title = outcome.Title, Summary = outcome.Summary, TitleJapanese = outcome.TitleJapanese, SummaryJapanese = outcome.SummaryJapanese,
            Version = outcome.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var outcome = await db.Outcomes.FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        Slug = slug;
        if (Problem("The title", Input.Title, Outcome.TitleMaxLength, TextKind.SingleLine) is { } titleProblem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Title)}", titleProblem);
        }

        if (Problem("The summary", Input.Summary, Outcome.SummaryMaxLength, TextKind.Markdown) is { } summaryProblem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Summary)}", summaryProblem);
        }

        if (Problem("The Japanese title", Input.TitleJapanese, JapaneseVersion.TitleMaxLength, TextKind.SingleLine) is { } japaneseTitleProblem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TitleJapanese)}", japaneseTitleProblem);
        }

        if (Problem("The Japanese summary", Input.SummaryJapanese, JapaneseVersion.SummaryMaxLength, TextKind.Markdown) is { } japaneseSummaryProblem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.SummaryJapanese)}", japaneseSummaryProblem);
        }

        if (Problem("The reason", Input.ChangeNote, JournalEntry.NoteMaxLength, TextKind.Markdown) is { } noteProblem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ChangeNote)}", noteProblem);
        }

        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        if (outcome.Version != Input.Version)
        {
            return Conflict(outcome);
        }

        db.Entry(outcome).Property(o => o.Version).OriginalValue = Input.Version;
        var before = outcome.Title;
        var by = User.Identity!.Name!;
        var now = time.GetUtcNow().UtcDateTime;
        outcome.Edit(Input.Title!, Input.Summary!, by, now, Input.ChangeNote, new JapaneseVersion(Input.TitleJapanese, Input.SummaryJapanese));
        db.Audit(now, by, AuditActions.OutcomeUpdated, $"Outcome: {outcome.Title}",
            before == outcome.Title ? "summary corrected" : $"title was \"{before}\"");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await db.Outcomes.AsNoTracking().FirstAsync(o => o.Slug == slug, ct));
        }

        return RedirectToPage("/Outcomes/Details", new { slug });
    }

    /// <summary><see cref="TextRules.Problem"/>'s sentence, in the reader's language.</summary>
    private string? Problem(string label, string? value, int maxLength, TextKind kind) =>
        FormText.Text(rules, label, value, maxLength, kind);

    private PageResult Conflict(Outcome current)
    {
        IsConflict = true;
        CurrentTitle = current.Title;
        Input.Version = current.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    public sealed class OutcomeForm
    {
        [Required(ErrorMessage = "Give the outcome a title.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Give the outcome a summary.")]
        public string? Summary { get; set; }

        /// <summary>The title and summary in Japanese, for Japanese readers; blank for none.</summary>
        public string? TitleJapanese { get; set; }

        public string? SummaryJapanese { get; set; }

        /// <summary>Why the text was corrected, kept with the correction in the outcome's history.</summary>
        public string? ChangeNote { get; set; }

        public int Version { get; set; }
    }
}
