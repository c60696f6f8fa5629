using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Writes what a text yields as the one JSON object the import command's <c>--dry-run --json</c> prints: the facts,
/// the sections and outcomes, and under <c>found</c> where each fact came from and what is doubtful about it.
/// </summary>
public static class CouncilTextJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "EU–Japan", Japanese text: readable, not \u escapes
    };

    public static string Write(CouncilText text) => JsonSerializer.Serialize(new
    {
        title = text.Title,
        partnership = text.Partnership?.Name,
        parties = text.Partnership?.Parties,
        meeting = Place(text.Meeting, text.Facts.Date.Value?.End),
        areas = text.Areas.Select(a => a.Name),
        hasNoList = text.HasNoList,
        sections = text.StatementSections.Select(Section),
        outcomes = text.Outcomes.Select(o => new
        {
            title = o.Title,
            section = o.Section is null ? null : Section(o.Section),
            titleFound = new { source = o.TitleFound.Source, doubt = o.TitleFound.Doubt },
            summary = o.Summary,
            areas = o.Areas.Select(a => a.Name),
            deliverables = o.Deliverables.Select(d => new { title = d.Title, status = d.Status.DisplayName(), source = d.Source }),
        }),
        nextMeeting = text.NextMeeting is null ? null : Place(text.NextMeeting, null),
        nextMeetingAsStated = text.Facts.NextMeetingAsStated,
        found = new
        {
            partnership = Found(text.Facts.Partnership, p => p?.Name),
            ordinal = Found(text.Facts.Ordinal, o => o),
            place = Found(text.Facts.Place, p => p),
            date = Found(text.Facts.Date, d => d is null ? null : new { start = Day(d.Start), end = d.End is { } end ? Day(end) : null }),
            nextMeeting = Found(text.Facts.NextMeeting, m => m?.Describe()),
        },
    }, Options);

    private static object Section(StatementSection section) => new { label = section.Label, heading = section.Heading };

    private static object Found<T>(Found<T> found, Func<T?, object?> value) =>
        new { value = value(found.Value), source = found.Source, doubt = found.Doubt };

    private static object Place(MeetingPlace place, DateOnly? endDate) => new
    {
        ordinal = place.Ordinal,
        city = place.City,
        country = place.Country,
        date = place.Date is { } date ? Day(date) : null,
        endDate = endDate is { } end ? Day(end) : null,
        year = place.Year,
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
