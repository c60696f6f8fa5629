using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Deliverables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DigitalPartnership.Web.Api;

/// <summary>Deliverables: the list with its filters, one deliverable, its history, and an editor's update.</summary>
public static class DeliverableEndpoints
{
    /// <summary>A body larger than this is refused unread: the longest notes, links and title together fit many times over.</summary>
    private const int MaxBody = 256 * 1024;

    private static readonly string[] PatchMediaTypes = ["application/merge-patch+json", ApiJson.MediaType];

    public static void Map(RouteGroupBuilder api)
    {
        var deliverables = api.MapGroup("/deliverables").WithTags("Deliverables");
        deliverables.MapGet("/", ListAsync).WithName("ListDeliverables")
            .WithSummary("Deliverables, filtered and sorted like the list page, a page at a time")
            .WithDescription("Takes the list's own filters (q, area, status, meeting) and sorts. Pages are chained by cursor: pass a page's "
                + "\"next\" as ?cursor= with the same filters and sort; a page past the end is empty.")
            .WithResponseExample(ApiExamples.DeliverablePage)
            .ProducesValidationProblem();
        deliverables.MapGet("/{id:int}", GetAsync).WithName("GetDeliverable")
            .WithSummary("One deliverable, with its version as its ETag")
            .WithResponseExample(ApiExamples.Deliverable)
            .ProducesProblem(StatusCodes.Status404NotFound);
        deliverables.MapGet("/{id:int}/history", HistoryAsync).WithName("GetDeliverableHistory")
            .WithSummary("A deliverable's history, the latest first")
            .WithDescription($"Append-only: who changed the status, progress or notes, when, and why. At most {HistoryLimit} rows.")
            .WithResponseExample(ApiExamples.History)
            .ProducesProblem(StatusCodes.Status404NotFound);
        deliverables.MapPatch("/{id:int}", PatchAsync).WithName("UpdateDeliverable")
            .RequireAuthorization(ApiPolicies.Edit)
            .WithRequestBody<DeliverablePatch, RouteHandlerBuilder>(PatchMediaTypes)
            .WithSummary("Update a deliverable (Editor or Admin, with a token that is not read-only)")
            .WithDescription("Send the version you read as If-Match: \"<version>\" (the ETag of GET). Fields left out keep their value; null clears "
                + "one. The edit form's rules apply, and a change of status, progress or notes (or a changeNote) adds a history row. "
                + "412 when someone saved in between, with the current deliverable under \"current\"; 428 without If-Match; "
                + "400 naming each field that cannot be used, unknown fields included.")
            .WithRequestExample(ApiExamples.Patch)
            .WithResponseExample(ApiExamples.Deliverable)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private const int HistoryLimit = 1000;

    private static async Task<Results<ApiJsonResult<DeliverablePageModel>, ValidationProblem>> ListAsync(
        [Description("Words to search for, as in the list's search box.")] string? q,
        [Description("An area's slug, e.g. submarine-cables.")] string? area,
        [Description("A status: not-started, in-progress, at-risk, delayed, completed, discontinued.")] string? status,
        [Description("A meeting's id.")] string? meeting,
        [Description("updated, target, status or title; left out, the order of the Council texts.")] string? sort,
        [Description("The \"next\" of the previous page.")] string? cursor,
        [Description("Rows per page, 1–200; the portal's page size when left out.")] string? limit,
        PortalDbContext db, IOptions<PortalOptions> options, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = await ApiQuery.FilterAsync(db, q, area, status, meeting, errors, ct);
        var order = ApiQuery.Sort(sort, errors);
        var size = ApiQuery.Limit(limit, options.Value.PageSize, errors);
        var after = string.IsNullOrEmpty(cursor) ? null : DeliverableCursor.Read(cursor, order, errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }

        var matching = db.Matching(filter);
        var total = await matching.CountAsync(ct);
        var rows = await (after?.Following(matching) ?? matching).SortBy(order).Take(size + 1)
            .Select(d => new DeliverableSummaryModel(d.Id, d.Title, d.Status, d.Progress, d.TargetDate, d.UpdatedAtUtc,
                d.OutcomeId, d.Outcome.Slug, d.Outcome.MeetingId, Array.Empty<string>(), d.Version, d.TitleJapanese))
            .ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var areas = await AreaRefs.ForDeliverablesAsync(db, page.Select(r => r.Id).ToList(), ct);
        var next = rows.Count > size ? DeliverableCursor.After(order, page[^1]).Write() : null;
        return ApiResults.Json(new DeliverablePageModel(page.Select(r => r with { Areas = areas[r.Id].Select(a => a.Slug).ToList() }).ToList(), total, next));
    }

    private static async Task<Results<ApiJsonResult<DeliverableModel>, ProblemHttpResult>> GetAsync(int id, PortalDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } deliverable
            ? ApiResults.Json(deliverable, DeliverableVersion.ETag(deliverable.Version))
            : ApiResults.NotFound($"deliverable {id}");

    private static async Task<Results<ApiJsonResult<ItemList<HistoryEntryModel>>, ProblemHttpResult>> HistoryAsync(int id, PortalDbContext db,
        CancellationToken ct)
    {
        if (!await db.Deliverables.AnyAsync(d => d.Id == id, ct))
        {
            return ApiResults.NotFound($"deliverable {id}");
        }

        var history = await db.StatusChanges.AsNoTracking().Where(h => h.DeliverableId == id)
            .OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id).Take(HistoryLimit)
            .Select(h => new HistoryEntryModel(h.Id, h.ChangedAtUtc, h.ChangedBy, h.FromStatus, h.ToStatus, h.Progress, h.Note))
            .ToListAsync(ct);
        return ApiResults.Json(new ItemList<HistoryEntryModel>(history));
    }

    private static async Task<IResult> PatchAsync(int id, HttpContext context, PortalDbContext db, TimeProvider time, CancellationToken ct)
    {
        var request = context.Request;
        if (!request.Headers.ContainsKey(HeaderNames.IfMatch))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is needed.",
                detail: "Send the version you read as If-Match: \"<version>\" (the ETag of GET /api/v1/deliverables/{id}), so no one's change is overwritten unseen.");
        }

        if (!DeliverableVersion.TryRead(request.Headers.IfMatch, out var version))
        {
            return ApiResults.Invalid("If-Match", "If-Match names one version as the ETag gave it, e.g. \"7\"; \"*\" is not taken, so nothing is changed blind.");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !PatchMediaTypes.Any(m => mediaType.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON.",
                detail: $"Send Content-Type: {PatchMediaTypes[0]} (or {PatchMediaTypes[1]}).");
        }

        var (patch, bodyProblem) = await ReadPatchAsync(request, ct);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var deliverable = await db.Deliverables.Include(d => d.EvidenceLinks).Include(d => d.Areas).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deliverable is null)
        {
            return ApiResults.NotFound($"deliverable {id}");
        }

        if (deliverable.Version != version)
        {
            return await StaleAsync(context, db, id, version, ct);
        }

        var errors = new Dictionary<string, string[]>();
        var form = patch!.Over(DeliverableForm.From(deliverable), errors);
        if (form is null)
        {
            return ApiResults.Invalid(errors);
        }

        var state = new ModelStateDictionary();
        if (form.Read(await FormAreas.LoadAsync(db, ct), state, "Patch") is not { } read)
        {
            return ApiResults.Invalid(DeliverablePatch.ProblemsOf(state));
        }

        var (update, areas) = read;

        // As on the edit page: the version the client read is what the UPDATE checks, so a save in between is caught.
        db.Entry(deliverable).Property(d => d.Version).OriginalValue = version;
        var by = context.User.Identity!.Name!;
        var now = time.GetUtcNow().UtcDateTime;
        var before = deliverable.Status;
        deliverable.Update(update, by, now, areas);
        db.Audit(now, by, AuditActions.DeliverableUpdated, $"Deliverable #{id}: {deliverable.Title}",
            string.Join("; ", new[] { before == deliverable.Status ? null : $"{before.DisplayName()} → {deliverable.Status.DisplayName()}", "through the API" }
                .OfType<string>()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await StaleAsync(context, db, id, version, ct);
        }

        var saved = (await LoadAsync(db, id, ct))!;
        return ApiResults.Json(saved, DeliverableVersion.ETag(saved.Version));
    }

    /// <summary>The body as a patch; or a 400 naming the field that is unknown or of the wrong type, or 413.</summary>
    private static async Task<(DeliverablePatch? Patch, IResult? Problem)> ReadPatchAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return (null, ApiResults.Invalid("body", "The body is not JSON: send one object with the fields to change."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiResults.Invalid("body", "The body is one JSON object with the fields to change."));
            }

            var unknown = document.RootElement.EnumerateObject().Select(p => p.Name).Where(name => !DeliverablePatch.FieldNames.Contains(name)).ToList();
            if (unknown.Count > 0)
            {
                return (null, ApiResults.Invalid(unknown.Distinct().ToDictionary(name => name,
                    _ => new[] { $"There is no such field. A patch may hold: {string.Join(", ", DeliverablePatch.FieldNames)}." })));
            }

            try
            {
                return (document.RootElement.Deserialize<DeliverablePatch>(ApiJson.Options), null);
            }
            catch (JsonException e)
            {
                return (null, ApiResults.Invalid(FieldOf(e.Path), "This value is not of the field's type (see the API reference)."));
            }
        }
    }

    /// <summary>"$.evidenceLinks[0].url" → "evidenceLinks[0].url".</summary>
    private static string FieldOf(string? path) => path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The body is too large.", detail: $"A patch is at most {MaxBody / 1024} KB.");

    /// <summary>412: someone saved since the client read <paramref name="version"/>; the deliverable as it is now comes with the answer.</summary>
    private static async Task<IResult> StaleAsync(HttpContext context, PortalDbContext db, int id, int version, CancellationToken ct)
    {
        if (await LoadAsync(db, id, ct) is not { } current)
        {
            return ApiResults.NotFound($"deliverable {id}");
        }

        context.Response.Headers.ETag = DeliverableVersion.ETag(current.Version);
        return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The deliverable changed since you read it.",
            detail: $"You sent version {version}; it is at version {current.Version} now. Nothing was changed: look at \"current\", "
                + $"apply your change to it, and send it with If-Match: {DeliverableVersion.ETag(current.Version)}.",
            extensions: new Dictionary<string, object?> { ["current"] = current });
    }

    private static async Task<DeliverableModel?> LoadAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var deliverable = await db.Deliverables.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DeliverableModel(d.Id, d.Title, d.Status, d.Progress, d.EuLead, d.PartnerLead, d.TargetDate, d.Notes, d.SourceSentence,
                d.EvidenceLinks.OrderBy(e => e.Id).Select(e => new EvidenceLinkModel(e.Url, e.Title)).ToList(), Array.Empty<string>(),
                d.OutcomeId, d.Outcome.Slug, d.CreatedAtUtc, d.UpdatedAtUtc, d.Version, d.TitleJapanese, d.SummaryJapanese))
            .FirstOrDefaultAsync(ct);
        return deliverable is null
            ? null
            : deliverable with { Areas = (await AreaRefs.ForDeliverablesAsync(db, [id], ct))[id].Select(a => a.Slug).ToList() };
    }
}

/// <summary>A deliverable's version as an ETag (<c>"7"</c>): what GET gives and PATCH takes back in If-Match.</summary>
public static class DeliverableVersion
{
    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>One strong tag naming a version; a list, a weak tag or "*" is refused.</summary>
    public static bool TryRead(Microsoft.Extensions.Primitives.StringValues ifMatch, out int version)
    {
        version = 0;
        return EntityTagHeaderValue.TryParseList(ifMatch, out var tags) && tags.Count == 1
            && tags[0] is { IsWeak: false } tag && !tag.Equals(EntityTagHeaderValue.Any)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
