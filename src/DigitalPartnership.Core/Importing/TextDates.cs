using System.Globalization;
using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>Finds calendar dates as press texts write them: "3 July 2023", "July 3, 2023", "July 3 (Mon.), 2023", "2023-07-03".</summary>
internal static partial class TextDates
{
    public static DateOnly? FindFirst(string text)
    {
        foreach (Match match in DatePattern().Matches(text))
        {
            if (TryRead(match, out var date))
            {
                return date;
            }
        }

        return null;
    }

    public static int? FindYear(string text)
    {
        var match = YearPattern().Match(text);
        return match.Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
    }

    private static bool TryRead(Match match, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if (match.Groups["iso"].Success)
        {
            year = int.Parse(match.Groups["iy"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(match.Groups["im"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            var monthName = match.Groups["m1"].Success ? match.Groups["m1"].Value : match.Groups["m2"].Value;
            var dayText = match.Groups["d1"].Success ? match.Groups["d1"].Value : match.Groups["d2"].Value;
            var yearText = match.Groups["y1"].Success ? match.Groups["y1"].Value : match.Groups["y2"].Value;
            month = MonthNumber(monthName);
            day = int.Parse(dayText, CultureInfo.InvariantCulture);
            year = int.Parse(yearText, CultureInfo.InvariantCulture);
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false; // "February 30" is not a date; never invent one
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

    [GeneratedRegex(
        @"(?<iso>(?<iy>(?:19|20)\d{2})-(?<im>\d{2})-(?<id>\d{2}))"
        + @"|(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m1>" + Month + @")\s*,?\s+(?<y1>(?:19|20)\d{2})"
        + @"|(?<m2>" + Month + @")\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?(?:\s*\([^)]{1,12}\))?\s*,?\s+(?<y2>(?:19|20)\d{2})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex YearPattern();
}
