using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>An editor adds a deliverable the Council text did not spell out, under one of its outcomes.</summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class NewModel(PortalDbContext db, TimeProvider time, Microsoft.Extensions.Localization.IStringLocalizer<NewModel> text) : PageModel
{
    private FormAreas _areas = FormAreas.None;

    [BindProperty]
    public DeliverableForm Input { get; set; } = new() { Status = DeliverableStatus.NotStarted.Slug() };

    public string Outcome { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string Partner { get; private set; } = "";
    public IReadOnlyList<Core.Browsing.AreaRef> AllAreas => _areas.Choices;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var outcome = await LoadAsync(slug, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        Input.Areas = outcome.Areas.Select(a => a.Slug).ToList(); // the outcome's areas, until the editor says otherwise
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var outcome = await LoadAsync(slug, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        if (Input.Read(_areas, ModelState, nameof(Input), HttpContext.RequestServices) is not { } read)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var (update, chosenAreas) = read;

        var by = User.Identity!.Name!;
        var now = time.GetUtcNow().UtcDateTime;
        var deliverable = outcome.AddDeliverable(update.Title!, update.Status, sourceSentence: null, chosenAreas, now, by,
            update.ChangeNote ?? "Added by an editor.");
        deliverable.CompleteCreation(update, by, now);
        // The audit line names the new deliverable's number, known once it is saved: both saves commit together.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            db.Audit(now, by, AuditActions.DeliverableCreated, $"Deliverable #{deliverable.Id}: {deliverable.Title}", $"under \"{outcome.Title}\"");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        TempData.SetStatusMessage(text["Saved. The change is in the history below."]);
        return RedirectToPage("/Deliverables/Details", new { id = deliverable.Id });
    }

    private async Task<Outcome?> LoadAsync(string slug, CancellationToken ct)
    {
        _areas = await FormAreas.LoadAsync(db, ct);
        var outcome = await db.Outcomes.Include(o => o.Deliverables).Include(o => o.Areas)
            .Include(o => o.Meeting).ThenInclude(m => m.Partnership)
            .FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (outcome is not null)
        {
            Outcome = outcome.Title;
            Slug = outcome.Slug;
            Partner = outcome.Meeting.Partnership.Partner;
        }

        return outcome;
    }
}
