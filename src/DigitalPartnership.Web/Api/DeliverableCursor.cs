using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Web.Api;

/// <summary>
/// Where a page of deliverables ended: the last row's sort key and id. The next page starts after it (keyset paging),
/// so it costs an index seek however deep it is, and a row added or changed meanwhile neither repeats nor skips a row
/// that stayed put. Clients get it as an opaque string; only this class reads it.
/// </summary>
public sealed record DeliverableCursor(DeliverableSort Sort, string? Key, int Id)
{
    public const string Parameter = "cursor";

    public static DeliverableCursor After(DeliverableSort sort, DeliverableSummaryModel last) => new(sort, sort switch
    {
        DeliverableSort.Title => last.Title,
        DeliverableSort.Status => ((int)last.Status).ToString(CultureInfo.InvariantCulture),
        DeliverableSort.Target => last.TargetDate?.ToString("O", CultureInfo.InvariantCulture),
        DeliverableSort.Updated => last.UpdatedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
        _ => null,
    }, last.Id);

    public string Write() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Wire(Sort.ToString(), Key, Id)));

    /// <summary>The cursor, or null with the problem added to <paramref name="errors"/>: unreadable, or made for another sort.</summary>
    public static DeliverableCursor? Read(string text, DeliverableSort sort, IDictionary<string, string[]> errors)
    {
        DeliverableCursor? cursor = null;
        try
        {
            var wire = text.Length <= 2000 ? JsonSerializer.Deserialize<Wire>(Base64Url.DecodeFromChars(text)) : null;
            if (wire is not null && Enum.TryParse<DeliverableSort>(wire.S, out var made))
            {
                cursor = new DeliverableCursor(made, wire.K, wire.I);
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }

        if (cursor is null || !cursor.HasValidKey())
        {
            errors[Parameter] = ["This is not a cursor the portal made: pass the \"next\" of the previous page as it is."];
            return null;
        }

        if (cursor.Sort != sort)
        {
            errors[Parameter] = ["This cursor belongs to a list in another order: keep the sort of the page it came from."];
            return null;
        }

        return cursor;
    }

    /// <summary>The deliverables that come after this cursor in its sort (<see cref="DeliverableQueries.SortBy"/>'s order).</summary>
    public IQueryable<Deliverable> Following(IQueryable<Deliverable> query)
    {
        var id = Id;
        switch (Sort)
        {
            case DeliverableSort.Title:
                var title = Key!;
                return query.Where(d => string.Compare(d.Title, title) > 0 || (d.Title == title && d.Id > id));
            case DeliverableSort.Status:
                var status = (DeliverableStatus)int.Parse(Key!, CultureInfo.InvariantCulture);
                return query.Where(d => d.Status > status || (d.Status == status && d.Id > id));
            case DeliverableSort.Target when Key is null:
                // Rows without a target date come last: after one of them, only more of them.
                return query.Where(d => d.TargetDate == null && d.Id > id);
            case DeliverableSort.Target:
                var target = DateOnly.ParseExact(Key, "O", CultureInfo.InvariantCulture);
                return query.Where(d => d.TargetDate == null || d.TargetDate > target || (d.TargetDate == target && d.Id > id));
            case DeliverableSort.Updated:
                // Newest first.
                var updated = new DateTime(long.Parse(Key!, CultureInfo.InvariantCulture), DateTimeKind.Utc);
                return query.Where(d => d.UpdatedAtUtc < updated || (d.UpdatedAtUtc == updated && d.Id < id));
            default:
                return query.Where(d => d.Id > id);
        }
    }

    private bool HasValidKey() => Sort switch
    {
        DeliverableSort.Title => Key is not null,
        DeliverableSort.Status => int.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && Enum.IsDefined((DeliverableStatus)s),
        DeliverableSort.Target => Key is null || DateOnly.TryParseExact(Key, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        DeliverableSort.Updated => long.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks,
        _ => Key is null,
    };

    private sealed record Wire(string S, string? K, int I);
}
