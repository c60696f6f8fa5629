using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Api;

/// <summary>What the deliverables hang from: partnerships, their Council meetings, the outcomes agreed there, and the areas.</summary>
public static class CatalogueEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/partnerships", PartnershipsAsync).WithName("ListPartnerships").WithTags("Partnerships")
            .WithSummary("Every partnership").WithResponseExample(ApiExamples.Partnerships);
        api.MapGet("/partnerships/{slug}", PartnershipAsync).WithName("GetPartnership").WithTags("Partnerships")
            .WithSummary("One partnership").WithResponseExample(ApiExamples.Partnerships.Items[0]).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/meetings", MeetingsAsync).WithName("ListMeetings").WithTags("Meetings")
            .WithSummary("Every Council meeting imported, the latest first").WithResponseExample(ApiExamples.Meetings);
        api.MapGet("/meetings/{id:int}", MeetingAsync).WithName("GetMeeting").WithTags("Meetings")
            .WithSummary("One Council meeting").WithResponseExample(ApiExamples.Meetings.Items[0]).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/outcomes", OutcomesAsync).WithName("ListOutcomes").WithTags("Outcomes")
            .WithSummary("Every key outcome, by meeting and in the order of its text").WithResponseExample(ApiExamples.Outcomes);
        api.MapGet("/outcomes/{slug}", OutcomeAsync).WithName("GetOutcome").WithTags("Outcomes")
            .WithSummary("One key outcome").WithResponseExample(ApiExamples.Outcomes.Items[0]).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/areas", AreasAsync).WithName("ListAreas").WithTags("Areas")
            .WithSummary("The areas of cooperation, in the taxonomy's order, with their deliverables by status").WithResponseExample(ApiExamples.Areas);
        api.MapGet("/areas/{slug}", AreaAsync).WithName("GetArea").WithTags("Areas")
            .WithSummary("One area of cooperation").WithResponseExample(ApiExamples.Areas.Items[0]).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<ApiJsonResult<ItemList<PartnershipModel>>> PartnershipsAsync(PortalDbContext db, CancellationToken ct) =>
        ApiResults.Json(new ItemList<PartnershipModel>(await Partnerships(db.Partnerships).ToListAsync(ct)));

    private static async Task<Results<ApiJsonResult<PartnershipModel>, ProblemHttpResult>> PartnershipAsync(string slug, PortalDbContext db,
        CancellationToken ct) =>
        await Partnerships(db.Partnerships.Where(p => p.Slug == slug)).FirstOrDefaultAsync(ct) is { } partnership
            ? ApiResults.Json(partnership)
            : ApiResults.NotFound($"partnership \"{slug}\"");

    /// <summary>Filter before this projection: EF cannot translate a filter on the record it projects into.</summary>
    private static IQueryable<PartnershipModel> Partnerships(IQueryable<Partnership> partnerships) =>
        partnerships.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new PartnershipModel(p.Id, p.Slug, p.Name, p.Partner));

    private static async Task<ApiJsonResult<ItemList<MeetingModel>>> MeetingsAsync(PortalDbContext db, CancellationToken ct) =>
        ApiResults.Json(new ItemList<MeetingModel>(await MeetingsOf(db.Meetings.AsNoTracking(), ct)));

    private static async Task<Results<ApiJsonResult<MeetingModel>, ProblemHttpResult>> MeetingAsync(int id, PortalDbContext db, CancellationToken ct) =>
        (await MeetingsOf(db.Meetings.AsNoTracking().Where(m => m.Id == id), ct)) is [var meeting]
            ? ApiResults.Json(meeting)
            : ApiResults.NotFound($"meeting {id}");

    private static async Task<IReadOnlyList<MeetingModel>> MeetingsOf(IQueryable<Meeting> meetings, CancellationToken ct) =>
        (await meetings.OrderByDescending(m => m.Place.Ordinal).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Partnership.Slug, m.Place, m.Title, Outcomes = m.Outcomes.Count })
            .ToListAsync(ct))
        .Select(m => new MeetingModel(m.Id, m.Slug, m.Place.Ordinal, m.Place.ShortName, m.Title, m.Place.City, m.Place.Country, m.Place.Date,
            m.Place.Year, m.Outcomes))
        .ToList();

    private static async Task<ApiJsonResult<ItemList<OutcomeModel>>> OutcomesAsync(PortalDbContext db, CancellationToken ct) =>
        ApiResults.Json(new ItemList<OutcomeModel>(await OutcomesOf(db, db.Outcomes.AsNoTracking(), ct)));

    private static async Task<Results<ApiJsonResult<OutcomeModel>, ProblemHttpResult>> OutcomeAsync(string slug, PortalDbContext db,
        CancellationToken ct) =>
        (await OutcomesOf(db, db.Outcomes.AsNoTracking().Where(o => o.Slug == slug), ct)) is [var outcome]
            ? ApiResults.Json(outcome)
            : ApiResults.NotFound($"outcome \"{slug}\"");

    private static async Task<IReadOnlyList<OutcomeModel>> OutcomesOf(PortalDbContext db, IQueryable<Outcome> outcomes, CancellationToken ct)
    {
        var rows = await outcomes.OrderBy(o => o.MeetingId).ThenBy(o => o.Position).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Slug, o.Title, o.Summary, o.Position, o.MeetingId, o.TitleJapanese, o.SummaryJapanese })
            .ToListAsync(ct);
        var ids = rows.Select(o => o.Id).ToList();
        var areas = await AreaRefs.ForOutcomesAsync(db, ids, ct);
        var counts = await StatusCounts.ByOutcomeAsync(db, ids, ct);
        return rows.Select(o => new OutcomeModel(o.Id, o.Slug, o.Title, o.Summary, o.Position, o.MeetingId,
                areas[o.Id].Select(a => a.Slug).ToList(), StatusCountsModel.From(new StatusTally(counts[o.Id])), o.TitleJapanese, o.SummaryJapanese))
            .ToList();
    }

    private static async Task<ApiJsonResult<ItemList<AreaModel>>> AreasAsync(PortalDbContext db, CancellationToken ct) =>
        ApiResults.Json(new ItemList<AreaModel>(await AreasOf(db, db.Areas.AsNoTracking(), ct)));

    private static async Task<Results<ApiJsonResult<AreaModel>, ProblemHttpResult>> AreaAsync(string slug, PortalDbContext db, CancellationToken ct) =>
        (await AreasOf(db, db.Areas.AsNoTracking().Where(a => a.Slug == slug), ct)) is [var area]
            ? ApiResults.Json(area)
            : ApiResults.NotFound($"area \"{slug}\"");

    private static async Task<IReadOnlyList<AreaModel>> AreasOf(PortalDbContext db, IQueryable<Area> areas, CancellationToken ct)
    {
        var rows = await areas.OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Slug, a.Name, a.Description, Aliases = a.Aliases.OrderBy(x => x.Text).Select(x => x.Text).ToList() })
            .ToListAsync(ct);
        var counts = rows.Count == 1
            ? new Dictionary<int, StatusTally> { [rows[0].Id] = await StatusCounts.OfAsync(db.Matching(new DeliverableFilter(AreaId: rows[0].Id)), ct) }
            : await StatusCounts.ByAreaAsync(db, ct);
        return rows.Select(a => new AreaModel(a.Slug, a.Name, a.Description, a.Aliases,
                StatusCountsModel.From(counts.TryGetValue(a.Id, out var tally) ? tally : new StatusTally([]))))
            .ToList();
    }
}
