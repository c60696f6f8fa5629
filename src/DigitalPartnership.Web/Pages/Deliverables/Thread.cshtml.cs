using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>
/// An editor links a deliverable to the earlier Council's deliverable it continues, or removes a link: the same
/// follow-through the import preview proposes, for links it missed or got wrong. Each change is journalled.
/// </summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class ThreadModel(PortalDbContext db, LinkProposer proposer, TimeProvider time,
    Microsoft.Extensions.Localization.IStringLocalizer<ThreadModel> text) : PageModel
{
    /// <summary>How many likely matches the page offers above the full list.</summary>
    public const int SuggestionCount = 3;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Council { get; private set; } = "";

    /// <summary>The Council's name as HTML, its place marked with its language (<see cref="CouncilLabel"/>).</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent CouncilHtml { get; private set; } = Microsoft.AspNetCore.Html.HtmlString.Empty;

    /// <summary>The earlier deliverables this one continues, with why they were linked.</summary>
    public IReadOnlyList<Continuation> Continues { get; private set; } = [];

    /// <summary>Every deliverable of the partnership's earlier Councils, the latest Council first.</summary>
    public IReadOnlyList<EarlierDeliverable> Choices { get; private set; } = [];

    /// <summary>The choices most like this deliverable, with their scores.</summary>
    public IReadOnlyList<LinkProposal> Suggestions { get; private set; } = [];

    [BindProperty] public int? EarlierId { get; set; }
    [BindProperty] public string? Note { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostLinkAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } deliverable)
        {
            return NotFound();
        }

        var earlier = Choices.FirstOrDefault(c => c.Id == EarlierId);
        Problem = EarlierId is null ? text["Choose the earlier deliverable this one continues."]
            : earlier is null ? text["Deliverable #{0} is not a deliverable of an earlier Council of this partnership.", EarlierId]
            : deliverable.Continues.Any(c => c.EarlierId == earlier.Id) ? text["It already continues deliverable #{0}.", earlier.Id]
            : NoteProblem();
        if (Problem is not null)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var by = User.Identity!.Name!;
        var now = time.GetUtcNow().UtcDateTime;
        var target = await db.Deliverables.FirstAsync(d => d.Id == earlier!.Id, ct);
        deliverable.Continue(target, $"Linked by {by}.", by, now, Note);
        db.Audit(now, by, AuditActions.DeliverableUpdated, $"Deliverable #{id}", $"Now continues #{target.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another editor made the same link a moment before (the unique index refused the second): it is there,
            // which is what this one wanted. Anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.Continuations.AsNoTracking().AnyAsync(c => c.DeliverableId == id && c.EarlierId == target.Id, ct))
            {
                throw;
            }
        }

        TempData.SetStatusMessage(text["Linked: it continues deliverable #{0}. The change is in the history below.", target.Id]);
        return RedirectToPage("/Deliverables/Details", new { id });
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } deliverable)
        {
            return NotFound();
        }

        if ((Problem = NoteProblem()) is not null)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var by = User.Identity!.Name!;
        var now = time.GetUtcNow().UtcDateTime;
        if (EarlierId is not { } earlierId || !deliverable.StopContinuing(earlierId, by, now, Note))
        {
            // Already removed (by another editor, or a second click): nothing to do, and nothing to hide.
            TempData.SetStatusMessage(EarlierId is null ? text["Nothing was unlinked."] : text["It no longer continued deliverable #{0}: nothing changed.", EarlierId]);
            return RedirectToPage("/Deliverables/Details", new { id });
        }

        db.Audit(now, by, AuditActions.DeliverableUpdated, $"Deliverable #{id}", $"No longer continues #{earlierId}");
        await db.SaveChangesAsync(ct);
        TempData.SetStatusMessage(text["Unlinked: it no longer continues deliverable #{0}. The change is in the history below.", earlierId]);
        return RedirectToPage("/Deliverables/Details", new { id });
    }

    private string? NoteProblem() => FormText.Text(FormText.Of(HttpContext.RequestServices), "The note for the history", Note, StatusChange.NoteMaxLength, TextKind.Markdown);

    private async Task<Deliverable?> LoadAsync(int id, CancellationToken ct)
    {
        Id = id;
        var deliverable = await db.Deliverables
            .Include(d => d.Continues).ThenInclude(c => c.Earlier)
            .Include(d => d.Areas)
            .Include(d => d.Outcome).ThenInclude(o => o.Meeting).ThenInclude(m => m.Partnership)
            .FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deliverable is null)
        {
            return null;
        }

        var meeting = deliverable.Outcome.Meeting;
        Title = deliverable.Title;
        var scope = await PartnershipScope.OfAsync(HttpContext);
        Council = Display.CouncilWithPlace(scope.NameBeside(meeting.Partnership.Name), meeting.Place);
        CouncilHtml = ContentHtml.CouncilWithPlace(scope.NameBeside(meeting.Partnership.Name), meeting.Place);
        Continues = deliverable.Continues.OrderBy(c => c.EarlierId).ToList();
        Choices = await proposer.EarlierAsync(meeting.PartnershipId,
            new CouncilOrder(meeting.Id, meeting.Place.Ordinal, meeting.Place.Date, meeting.Place.Year), ct);
        var partnership = meeting.Partnership;
        Suggestions = LinkProposer.Suggest(deliverable.Title, deliverable.Areas.Select(a => a.Slug),
                Choices.Where(c => Continues.All(l => l.EarlierId != c.Id)).ToList(), [partnership.Name, partnership.Partner], SuggestionCount);
        return deliverable;
    }
}
