using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Importing;

/// <summary>Writes what a text yields as the one JSON object the import command's <c>--dry-run --json</c> prints.</summary>
public static class CouncilTextJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "EU–Japan", Japanese text: readable, not \u escapes
    };

    public static string Write(CouncilText text) => JsonSerializer.Serialize(new
    {
        partnership = text.Partnership?.Name,
        meeting = Place(text.Meeting),
        areas = text.Areas.Select(a => a.Name),
        outcomes = text.Outcomes.Select(o => new
        {
            title = o.Title,
            summary = o.Summary,
            areas = o.Areas.Select(a => a.Name),
            deliverables = o.Deliverables.Select(d => new { title = d.Title, status = d.Status.DisplayName(), source = d.Source }),
        }),
        nextMeeting = text.NextMeeting is null ? null : Place(text.NextMeeting),
    }, Options);

    private static object Place(MeetingPlace place) => new
    {
        ordinal = place.Ordinal,
        city = place.City,
        country = place.Country,
        date = place.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        year = place.Year,
    };
}
