using System.Globalization;
using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Finds calendar dates as press texts write them: "3 July 2023", "July 3, 2023", "July 3 (Mon.), 2023", "2023-07-03",
/// and the ranges of meetings held over several days: "4 and 5 April 2024", "May 15-16, 2022",
/// "30 September – 1 October 2024".
/// </summary>
internal static partial class TextDates
{
    public static DateOnly? FindFirst(string text) => FindFirstRange(text)?.Start;

    /// <summary>The first date or date range in <paramref name="text"/>; a range keeps its first and last day.</summary>
    public static DateRange? FindFirstRange(string text)
    {
        foreach (Match match in DatePattern().Matches(text))
        {
            if (TryRead(match, out var range))
            {
                return range;
            }
        }

        return null;
    }

    /// <summary>The text with its dates taken out: what a dateline says besides the date.</summary>
    public static string WithoutDates(string text) => DatePattern().Replace(text, " ");

    public static int? FindYear(string text)
    {
        var match = YearPattern().Match(text);
        return match.Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
    }

    private static bool TryRead(Match match, out DateRange range)
    {
        range = null!;
        if (match.Groups["iy"].Success)
        {
            if (!TryDate(Number(match, "iy"), Number(match, "im"), Number(match, "id"), out var iso))
            {
                return false;
            }

            range = new DateRange(iso);
            return true;
        }

        var year = Number(match, "year");
        var (m1, m2) = (match.Groups["m1"], match.Groups["m2"]);
        var startMonth = MonthNumber((m1.Success ? m1 : m2).Value);
        var endMonth = MonthNumber((m2.Success ? m2 : m1).Value);
        var startDay = Number(match, "d1");
        if (!TryDate(year, startMonth, startDay, out var start))
        {
            return false; // "February 30" is not a date; never invent one
        }

        if (!match.Groups["d2"].Success)
        {
            range = new DateRange(start);
            return true;
        }

        if (!TryDate(year, endMonth, Number(match, "d2"), out var end) || end <= start)
        {
            range = new DateRange(start);
            return true;
        }

        range = new DateRange(start, end);
        return true;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int MonthNumber(string name)
    {
        var key = name.TrimEnd('.')[..3];
        return Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames,
            m => m.Length > 0 && string.Equals(m, key, StringComparison.OrdinalIgnoreCase)) + 1;
    }

    private const string Month =
        "(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember)?)?\\.?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";

    private const string Day = @"\d{1,2}(?:st|nd|rd|th)?";

    // Between the days of a range: "-", "–", "to", "and"; "(Mon.)" may follow a day.
    private const string Through = @"\s*(?:-|–|—|to|and|&)\s*";

    private const string Weekday = @"(?:\s*\([^)]{1,12}\))?";

    // Day first: "4 April 2024", "4 and 5 April 2024", "30 September – 1 October 2024".
    // Month first: "April 4, 2024", "May 15-16, 2022", "September 30 – October 1, 2024".
    // The month of a range's end is m2; m1 is the start's month when the range spans two months.
    [GeneratedRegex(
        @"(?<![\d-])(?<iy>(?:19|20)\d{2})-(?<im>\d{2})-(?<id>\d{2})(?![\d-])"
        + @"|(?<!\d)(?<d1>\d{1,2})(?:st|nd|rd|th)?" + Weekday + @"(?:\s+(?<m1>" + Month + @"))?(?:" + Through + @"(?<d2>\d{1,2})(?:st|nd|rd|th)?" + Weekday + @")?\s+(?:of\s+)?(?<m2>" + Month + @")\s*,?\s+(?<year>(?:19|20)\d{2})\b"
        + @"|\b(?<m1>" + Month + @")\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?" + Weekday + @"(?:" + Through + @"(?:(?<m2>" + Month + @")\s+)?(?<d2>\d{1,2})(?:st|nd|rd|th)?" + Weekday + @")?\s*,?\s+(?<year>(?:19|20)\d{2})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?<year>(?:19|20)\d{2})\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearPattern();
}
