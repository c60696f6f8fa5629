using System.ComponentModel.DataAnnotations;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Outcomes;

/// <summary>An editor corrects an outcome's title or summary; a save on an older version is a conflict, as for deliverables.</summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class EditModel(PortalDbContext db, TimeProvider time, IStringLocalizer<EditModel> text) : PageModel
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
        Input = new OutcomeForm { Title = outcome.Title, Summary = outcome.Summary, Version = outcome.Version };
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
        outcome.Edit(Input.Title!, Input.Summary!, by, now, Input.ChangeNote);
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

    /// <summary><see cref="TextRules.Problem"/>'s sentence, in the reader's language (the same three rules).</summary>
    private string? Problem(string label, string? value, int maxLength, TextKind kind)
    {
        var problem = TextRules.Problem(label, value, maxLength, kind);
        if (problem is null || !PortalCultures.IsJapanese)
        {
            return problem;
        }

        var field = text[label].Value;
        return value!.Length > maxLength
            ? text["{0} can be at most {1} characters long ({2} now).", field, maxLength.ToString("N0"), value.Length.ToString("N0")]
            : TextRules.HasInvisibleControls(value, kind != TextKind.SingleLine)
                ? text["{0} contains invisible control characters (such as a line break or a right-to-left override); type or paste it again as plain text.", field]
                : text["{0} cannot be formatted. Please simplify it.", field];
    }

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

        /// <summary>Why the text was corrected, kept with the correction in the outcome's history.</summary>
        public string? ChangeNote { get; set; }

        public int Version { get; set; }
    }
}
