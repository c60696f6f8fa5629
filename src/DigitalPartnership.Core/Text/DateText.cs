using System.Globalization;

namespace DigitalPartnership.Core.Text;

/// <summary>
/// Dates as people type them into the portal's forms and addresses: <c>yyyy-mm-dd</c>, a day that exists, from 2000
/// to 2100. Outside that range a date is a typing mistake (9999-12-31), and arithmetic on it would overflow.
/// </summary>
public static class DateText
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool TryRead(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date >= Earliest && date <= Latest;

    /// <summary>The sentence for a date that cannot be read, starting with what it is (<paramref name="label"/>).</summary>
    public static string Problem(string label, string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? $"{label}: \"{text}\" is outside the dates the portal works with ({Earliest.Year} to {Latest.Year})."
            : $"{label}: \"{text}\" is not a date that exists; write it as 2025-05-01.";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
