using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Browsing;

/// <summary>"In 3 months", "later this year", "was expected in 2025": how far away a Council is, saying no more than the text did.</summary>
public static class CouncilCountdown
{
    public static string Describe(MeetingPlace next, DateOnly today)
    {
        if (next.Date is { } date)
        {
            var days = date.DayNumber - today.DayNumber;
            return days switch
            {
                0 => "today",
                1 => "tomorrow",
                > 1 and <= 60 => $"in {days} days",
                > 60 => $"in about {Math.Round(days / 30.4)} months",
                -1 => "was due yesterday; no record of it has been imported yet",
                _ => $"was due {-days} days ago; no record of it has been imported yet",
            };
        }

        if (next.Year is { } year)
        {
            var years = year - today.Year;
            return years switch
            {
                0 => "later this year (date not yet announced)",
                1 => "next year (date not yet announced)",
                > 1 => $"in {years} years (date not yet announced)",
                _ => $"was expected in {year}; no record of it has been imported yet",
            };
        }

        return "date not yet announced";
    }

    /// <summary>True when the Council should have taken place already, by what the text said.</summary>
    public static bool IsOverdue(MeetingPlace next, DateOnly today) =>
        next.Date is { } date ? date < today : next.Year is { } year && year < today.Year;
}
