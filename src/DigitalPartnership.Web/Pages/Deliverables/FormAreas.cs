using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>
/// The taxonomy as the deliverable form needs it, read once per request: the areas a save links (tracked by the
/// context) and the same areas as the form's choices.
/// </summary>
public sealed class FormAreas
{
    private FormAreas(IReadOnlyList<Area> areas)
    {
        Tracked = areas;
        Choices = areas.Select(a => new AreaRef(a.Slug, a.Name)).ToList();
    }

    public static FormAreas None { get; } = new([]);

    public IReadOnlyList<Area> Tracked { get; }

    public IReadOnlyList<AreaRef> Choices { get; }

    public static async Task<FormAreas> LoadAsync(PortalDbContext db, CancellationToken ct) =>
        new(await db.Areas.OrderBy(a => a.Position).ToListAsync(ct));
}
