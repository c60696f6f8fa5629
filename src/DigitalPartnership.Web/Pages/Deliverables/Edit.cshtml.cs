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
/// An editor updates a deliverable. The form carries the version it was loaded from; a save on an older version is a
/// conflict (409) that shows the other person's change beside this editor's input, which is kept for re-applying.
/// </summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class EditModel(PortalDbContext db, TimeProvider time, Microsoft.Extensions.Localization.IStringLocalizer<EditModel> text) : PageModel
{
    private FormAreas _areas = FormAreas.None;

    [BindProperty]
    public DeliverableForm Input { get; set; } = new();

    public int Id { get; private set; }
    public string Outcome { get; private set; } = "";
    public string OutcomeSlug { get; private set; } = "";
    public string Partner { get; private set; } = "";
    public IReadOnlyList<Core.Browsing.AreaRef> AllAreas => _areas.Choices;

    /// <summary>Set when someone else saved first: what the deliverable is now, and the changes that made it so.</summary>
    public ConflictView? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var deliverable = await LoadAsync(id, ct);
        if (deliverable is null)
        {
            return NotFound();
        }

        Input = DeliverableForm.From(deliverable);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var deliverable = await LoadAsync(id, ct);
        if (deliverable is null)
        {
            return NotFound();
        }

        if (Input.Read(_areas, ModelState, nameof(Input), HttpContext.RequestServices) is not { } read)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var (update, chosenAreas) = read;

        if (deliverable.Version != Input.Version)
        {
            return await ConflictAsync(id, ct);
        }

        // The version from the form, not the one just read, is what the UPDATE checks: a save in between is caught.
        db.Entry(deliverable).Property(d => d.Version).OriginalValue = Input.Version;
        var by = User.Identity!.Name!;
        var now = time.GetUtcNow().UtcDateTime;
        var before = deliverable.Status;
        deliverable.Update(update, by, now, chosenAreas);
        db.Audit(now, by, AuditActions.DeliverableUpdated, $"Deliverable #{id}: {Shorten(deliverable.Title)}",
            before == deliverable.Status ? null : $"{before.DisplayName()} → {deliverable.Status.DisplayName()}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(id, ct);
        }

        TempData.SetStatusMessage(text["Saved. The change is in the history below."]);
        return RedirectToPage("/Deliverables/Details", new { id });
    }

    private async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await db.Deliverables.AsNoTracking().Include(d => d.EvidenceLinks).Include(d => d.Areas).FirstAsync(d => d.Id == id, ct);
        var recent = await db.StatusChanges.AsNoTracking().Where(h => h.DeliverableId == id)
            .OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id).Take(3)
            .Select(h => new ConflictChange(h.ChangedAtUtc, h.ChangedBy, h.FromStatus, h.ToStatus, h.FromProgress, h.Progress, h.Note))
            .ToListAsync(ct);
        Conflict = new ConflictView(DeliverableForm.From(current), recent);
        // Re-applying means saving this input on the version that is there now.
        Input.Version = current.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    private async Task<Deliverable?> LoadAsync(int id, CancellationToken ct)
    {
        Id = id;
        _areas = await FormAreas.LoadAsync(db, ct);
        var deliverable = await db.Deliverables
            .Include(d => d.EvidenceLinks)
            .Include(d => d.Areas)
            .Include(d => d.Outcome).ThenInclude(o => o.Meeting).ThenInclude(m => m.Partnership)
            .FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deliverable is not null)
        {
            Outcome = deliverable.Outcome.Title;
            OutcomeSlug = deliverable.Outcome.Slug;
            Partner = deliverable.Outcome.Meeting.Partnership.Partner;
        }

        return deliverable;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";

    public sealed record ConflictView(DeliverableForm Theirs, IReadOnlyList<ConflictChange> RecentChanges)
    {
        /// <summary>
        /// Their saved values beside the editor's, field by field, each marked when the two differ, so the page can
        /// point at the differences with a word and a bar rather than colour alone.
        /// </summary>
        public IReadOnlyList<ComparedField> Compare(DeliverableForm yours, string partner) =>
        [
            new("title", "Title", Theirs.Title, yours.Title),
            new("status", "Status", StatusName(Theirs.Status), StatusName(yours.Status)),
            new("progress", "Progress", Percent(Theirs.Progress), Percent(yours.Progress)),
            new("eu-lead", "EU-side lead", Theirs.EuLead, yours.EuLead),
            new("partner-lead", "{0}-side lead", Theirs.PartnerLead, yours.PartnerLead),
            new("target-date", "Target date", Theirs.TargetDate, yours.TargetDate),
            new("notes", "Notes", Theirs.Notes, yours.Notes, IsMarkdown: true),
        ];

        private static string? StatusName(string? status) => DeliverableStatusText.TryParse(status, out var parsed) ? parsed.DisplayName() : status;

        private static string? Percent(string? progress) => string.IsNullOrWhiteSpace(progress) ? null : $"{progress.Trim().TrimEnd('%')}%";
    }

    /// <summary>One row of the conflict's comparison.</summary>
    /// <param name="Key">For the row's test id: "status", "notes"…</param>
    /// <param name="Field">The field's name, a text to translate; "{0}" stands for the partner ("{0}-side lead").</param>
    public sealed record ComparedField(string Key, string Field, string? Theirs, string? Yours, bool IsMarkdown = false)
    {
        /// <summary>Empty and missing are the same; line ends and surrounding spaces are not a difference a person made.</summary>
        public bool Differs => Normal(Theirs) != Normal(Yours);

        private static string Normal(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();
    }

    public sealed record ConflictChange(DateTime AtUtc, string By, DeliverableStatus? From, DeliverableStatus To, int? FromProgress, int? Progress, string? Note)
    {
        public HistoryChange Change => new(From, To, FromProgress, Progress);
    }
}
