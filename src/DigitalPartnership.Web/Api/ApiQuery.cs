using System.Globalization;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Web.Pages.Shared;

namespace DigitalPartnership.Web.Api;

/// <summary>
/// The list's query parameters read by the pages' own reader (<see cref="FilterReader"/>), one parameter at a time, so
/// each problem is reported under the parameter it is about — the same rules and the same words as the pages.
/// </summary>
public static class ApiQuery
{
    public const int MaxLimit = 200;

    /// <summary>The list's sorts by the names its addresses use ("updated", "target", "status", "title"); none is the Council texts' order.</summary>
    public static IReadOnlyList<(DeliverableSort Sort, string Key)> Sorts { get; } =
        Pages.Deliverables.IndexModel.SortChoices.Where(c => c.Key.Length > 0).Select(c => (c.Sort, c.Key)).ToList();

    public static async Task<DeliverableFilter> FilterAsync(PortalDbContext db, string? q, string? area, string? status, string? meeting,
        IDictionary<string, string[]> errors, CancellationToken ct) =>
        new(
            (await ReadOneAsync("q", q, errors, db, r => r.ReadAsync(q, null, null, null, ct))).Query,
            (await ReadOneAsync("area", area, errors, db, r => r.ReadAsync(null, area, null, null, ct))).AreaId,
            (await ReadOneAsync("status", status, errors, db, r => r.ReadAsync(null, null, status, null, ct))).Status,
            (await ReadOneAsync("meeting", meeting, errors, db, r => r.ReadAsync(null, null, null, meeting, ct))).MeetingId);

    public static DeliverableSort Sort(string? sort, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(sort))
        {
            return DeliverableSort.Source;
        }

        var choice = Sorts.FirstOrDefault(s => string.Equals(s.Key, sort, StringComparison.OrdinalIgnoreCase));
        if (choice.Key is null)
        {
            errors["sort"] = [$"\"{sort}\" is not a way to sort: use {string.Join(", ", Sorts.Select(s => s.Key))}, or leave it out for the Council texts' order."];
        }

        return choice.Key is null ? DeliverableSort.Source : choice.Sort;
    }

    public static int Limit(string? limit, int defaultLimit, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return defaultLimit;
        }

        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxLimit)
        {
            return value;
        }

        errors["limit"] = [$"The limit is a whole number from 1 to {MaxLimit}."];
        return defaultLimit;
    }

    private static async Task<DeliverableFilter> ReadOneAsync(string parameter, string? value, IDictionary<string, string[]> errors,
        PortalDbContext db, Func<FilterReader, Task<DeliverableFilter>> read)
    {
        if (string.IsNullOrEmpty(value))
        {
            return DeliverableFilter.None;
        }

        var reader = new FilterReader(db);
        var filter = await read(reader);
        if (reader.Problems.Count > 0)
        {
            errors[parameter] = [.. reader.Problems];
        }

        return filter;
    }
}
