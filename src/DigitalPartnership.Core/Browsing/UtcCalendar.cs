namespace DigitalPartnership.Core.Browsing;

/// <summary>The portal's days are UTC days: "today" for due dates, countdowns and report dates alike.</summary>
public static class UtcCalendar
{
    public static DateOnly UtcToday(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
