using System.Globalization;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>
/// One status, optionally one progress, and one note for several deliverables: one history row each, all or nothing.
/// Each selection carries the version it was listed at, so a deliverable someone changed meanwhile stops the whole
/// update (409). The list asks "update N deliverables?" in a dialog; without script, a post with
/// <see cref="Step"/> = review shows the same question as a page before anything is saved.
/// </summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class BulkModel(PortalDbContext db, TimeProvider time, Microsoft.Extensions.Localization.IStringLocalizer<BulkModel> text,
    Microsoft.Extensions.Localization.IStringLocalizer<PortalText> words) : PageModel
{
    public const int MaxSelection = 500;

    /// <summary><see cref="Step"/> of the list's button: check the input and ask before saving.</summary>
    public const string ReviewStep = "review";

    /// <summary><see cref="Step"/> of the confirming button (and of any post that names no step): save.</summary>
    public const string ConfirmedStep = "confirmed";

    // The messages the list's script shows before posting, so the page and the server say the same words.
    public const string NoSelectionProblem = "Select at least one deliverable.";
    public const string NoStatusProblem = "Choose the status to set on the selected deliverables.";
    public const string ProgressProblem = "Progress is a whole number from 0 to 100, or empty to keep each deliverable's own.";

    [BindProperty] public List<string?> Selected { get; set; } = [];
    [BindProperty] public string? Status { get; set; }

    /// <summary>0–100 sets every selected deliverable's progress; empty keeps each one's.</summary>
    [BindProperty] public string? Progress { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Step { get; set; }

    public List<string> Problems { get; } = [];
    public List<(int Id, string Title)> Conflicts { get; } = [];

    /// <summary>Set on the review step: what would be saved, for the page to ask about.</summary>
    public BulkChange? Review { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Deliverables/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var selection = Selected.Select(Parse).ToList();
        if (selection.Count == 0)
        {
            Problems.Add(text[NoSelectionProblem]);
        }
        else if (selection.Count > MaxSelection)
        {
            Problems.Add(text["Update at most {0} deliverables at once.", MaxSelection]);
        }

        if (selection.Any(s => s is null))
        {
            Problems.Add(text["The selection was not understood; reload the list and select again."]);
        }
        else if (selection.GroupBy(s => s!.Value.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            Problems.Add(text["The selection names deliverable #{0} more than once; reload the list and select again.", twice.Key]);
        }

        // The list offers no status until the editor picks one: an empty choice is a mistake, never "Not started".
        if (!DeliverableStatusText.TryParse(Status, out var status))
        {
            Problems.Add(string.IsNullOrWhiteSpace(Status) ? text[NoStatusProblem] : text["Choose a status from the list."]);
        }

        int? progress = null;
        if (!string.IsNullOrWhiteSpace(Progress))
        {
            if (int.TryParse(Progress.Trim().TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100)
            {
                progress = value;
            }
            else
            {
                Problems.Add(text[ProgressProblem]);
            }
        }

        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Replace("\r\n", "\n").Trim();
        if (FormText.Text(FormText.Of(HttpContext.RequestServices), "The note", note, StatusChange.NoteMaxLength, TextKind.Markdown) is { } problem)
        {
            Problems.Add(problem);
        }

        if (Problems.Count > 0)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var change = new BulkChange(selection.Count, status, progress, note);
        if (Step == ReviewStep)
        {
            Review = change;
            return Page();
        }

        var wanted = selection.Select(s => s!.Value).ToDictionary(s => s.Id, s => s.Version);
        var ids = wanted.Keys.ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deliverables = await db.Deliverables.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        Conflicts.AddRange(deliverables.Where(d => d.Version != wanted[d.Id]).Select(d => (d.Id, d.Title)));
        if (deliverables.Count != ids.Count || Conflicts.Count > 0)
        {
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }

        var by = User.Identity!.Name!;
        var now = time.GetUtcNow().UtcDateTime;
        var changed = new List<int>();
        foreach (var deliverable in deliverables)
        {
            db.Entry(deliverable).Property(d => d.Version).OriginalValue = wanted[deliverable.Id];
            // A deliverable that already has this status and progress changes only when the note says why.
            if (deliverable.ChangeStatus(status, progress ?? deliverable.Progress, note, by, now) is not null)
            {
                changed.Add(deliverable.Id);
            }
        }

        var unchanged = deliverables.Count - changed.Count;
        if (changed.Count > 0)
        {
            // The audit log is stored, so it stays English whatever the editor reads.
            db.Audit(now, by, AuditActions.DeliverablesBulkUpdated,
                string.Create(CultureInfo.InvariantCulture, $"{changed.Count:N0} {(changed.Count == 1 ? "deliverable" : "deliverables")}"),
                $"{change.Describe()}: #{string.Join(", #", changed.Order())}");
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            Problems.Add(text["Someone changed one of these deliverables at the same moment. Nothing was saved; reload the list and try again."]);
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }

        TempData.SetStatusMessage(BulkMessage(text, words, change, changed.Count, unchanged));
        return ReturnToList is { } list ? LocalRedirect(list) : RedirectToPage("/Deliverables/Index");
    }

    /// <summary>
    /// The list, filtered and paged as the editor left it, when <see cref="ReturnUrl"/> is an address of the list;
    /// null for anything else, so the form can never send anyone elsewhere.
    /// </summary>
    public string? ReturnToList
    {
        get
        {
            var list = Url.Page("/Deliverables/Index")!;
            return ReturnUrl is { } url && Url.IsLocalUrl(url) && (url == list || url.StartsWith(list + "?", StringComparison.Ordinal)) ? url : null;
        }
    }

    /// <summary>What the editor reads after a bulk update: what changed, and what already was as asked.</summary>
    private static string BulkMessage(Microsoft.Extensions.Localization.IStringLocalizer text, Microsoft.Extensions.Localization.IStringLocalizer<PortalText> words, BulkChange change, int changed, int unchanged)
    {
        var described = change.Describe(text, words);
        var already = unchanged == 0 ? ""
            : unchanged == 1 ? text[" {0} already had {1} and was left as it was, with no history row.", Display.Count(unchanged, "deliverable"), described].Value
            : text[" {0} already had {1} and were left as they were, with no history row.", Display.Count(unchanged, "deliverable"), described].Value;
        return changed == 0
            ? unchanged == 1
                ? text["Nothing changed: the deliverable already had {0}. Add a note to record that you confirmed it.", described]
                : text["Nothing changed: all {0} deliverables already had {1}. Add a note to record that you confirmed it.", unchanged, described]
            : (changed == 1
                ? text["{0} updated: {1}. It has a new history row.", Display.Count(changed, "deliverable"), described]
                : text["{0} updated: {1}. Each has a new history row.", Display.Count(changed, "deliverable"), described]) + already;
    }

    /// <summary>What a bulk update sets, in words for the question, the message and the audit log.</summary>
    public sealed record BulkChange(int Count, DeliverableStatus Status, int? Progress, string? Note)
    {
        /// <summary>"status At risk, progress 40%", or "status At risk" when each deliverable keeps its progress.</summary>
        public string Describe() => $"status {Status.DisplayName()}" + (Progress is { } p ? $", progress {p}%" : "");

        /// <summary>As <see cref="Describe()"/>, in the reader's language (the audit log keeps the English).</summary>
        public string Describe(Microsoft.Extensions.Localization.IStringLocalizer text, Microsoft.Extensions.Localization.IStringLocalizer<PortalText> words) =>
            text["status {0}", words.Status(Status)] + (Progress is { } p ? text[", progress {0}%", p].Value : "");
    }

    /// <summary>How the list writes one selection ("12:3", id and version); <see cref="Parse"/> reads it back.</summary>
    public static string Selection(int id, int version) => string.Create(CultureInfo.InvariantCulture, $"{id}:{version}");

    private static (int Id, int Version)? Parse(string? value)
    {
        var parts = (value ?? "").Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var version)
            ? (id, version)
            : null;
    }
}
