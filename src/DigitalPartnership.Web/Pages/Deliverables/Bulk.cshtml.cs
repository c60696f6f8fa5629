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
/// One status and one note for several deliverables: one history row each, all or nothing. Each selection carries the
/// version it was listed at, so a deliverable someone changed meanwhile stops the whole update (409).
/// </summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class BulkModel(PortalDbContext db, TimeProvider time) : PageModel
{
    public const int MaxSelection = 500;

    [BindProperty] public List<string?> Selected { get; set; } = [];
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? ReturnUrl { get; set; }

    public List<string> Problems { get; } = [];
    public List<(int Id, string Title)> Conflicts { get; } = [];

    public IActionResult OnGet() => RedirectToPage("/Deliverables/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var selection = Selected.Select(Parse).ToList();
        if (selection.Count == 0)
        {
            Problems.Add("Select at least one deliverable.");
        }
        else if (selection.Count > MaxSelection)
        {
            Problems.Add($"Update at most {MaxSelection} deliverables at once.");
        }

        if (selection.Any(s => s is null))
        {
            Problems.Add("The selection was not understood; reload the list and select again.");
        }
        else if (selection.GroupBy(s => s!.Value.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            Problems.Add($"The selection names deliverable #{twice.Key} more than once; reload the list and select again.");
        }

        if (!DeliverableStatusText.TryParse(Status, out var status))
        {
            Problems.Add("Choose a status from the list.");
        }

        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Replace("\r\n", "\n").Trim();
        if (TextRules.Problem("The note", note, StatusChange.NoteMaxLength, TextKind.Markdown) is { } problem)
        {
            Problems.Add(problem);
        }

        if (Problems.Count > 0)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
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
        foreach (var deliverable in deliverables)
        {
            db.Entry(deliverable).Property(d => d.Version).OriginalValue = wanted[deliverable.Id];
            deliverable.ChangeStatus(status, deliverable.Progress, note, by, now);
        }

        db.Audit(now, by, AuditActions.DeliverablesBulkUpdated, $"{deliverables.Count} deliverables",
            $"set to {status.DisplayName()}: #{string.Join(", #", ids.Order())}");
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            Problems.Add("Someone changed one of these deliverables at the same moment. Nothing was saved; reload the list and try again.");
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }

        TempData.SetStatusMessage($"Status set on {Display.Count(deliverables.Count)} deliverables; each has a new history row.");
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
