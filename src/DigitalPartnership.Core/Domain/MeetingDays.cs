using System.Globalization;

namespace DigitalPartnership.Core.Domain;

/// <summary>A Council's days as a reader writes them: "3 July 2023", "4–5 June 2025", "30 June – 1 July 2025".</summary>
public static class MeetingDays
{
    /// <summary>The range when the Council lasted several days, else <see cref="MeetingPlace.When"/> (a day, a year or null).</summary>
    public static string? Describe(MeetingPlace place, DateOnly? lastDay) =>
        place.Date is { } first && lastDay is { } last && last > first ? Describe(first, last) : place.When;

    /// <summary>One day, or a range that names the month and year once when the days share them.</summary>
    public static string Describe(DateOnly first, DateOnly last)
    {
        if (last <= first)
        {
            return Day(first, "d MMMM yyyy");
        }

        if (first.Year == last.Year && first.Month == last.Month)
        {
            return $"{Day(first, "%d")}–{Day(last, "d MMMM yyyy")}";
        }

        // A dash between words is spaced, as between "June" and "1"; between bare numbers it is not.
        return first.Year == last.Year
            ? $"{Day(first, "d MMMM")} – {Day(last, "d MMMM yyyy")}"
            : $"{Day(first, "d MMMM yyyy")} – {Day(last, "d MMMM yyyy")}";
    }

    private static string Day(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);
}
