using System.Globalization;

namespace DigitalPartnership.Core.Domain;

/// <summary>What a text says of a Council meeting: which one, where and when. Any part may be unknown.</summary>
public sealed record MeetingPlace(int? Ordinal, string? City, string? Country, DateOnly? Date, int? Year)
{
    public const int CityMaxLength = 100;
    public const int CountryMaxLength = 100;

    /// <summary>Throws when a part breaks a rule the meeting form explains in words (an ordinal of 0, a city on two lines).</summary>
    public MeetingPlace Checked()
    {
        if (Ordinal is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Ordinal), Ordinal, "A Council's number starts at 1.");
        }

        TextRules.Require("The city", City, CityMaxLength, TextKind.SingleLine);
        TextRules.Require("The country", Country, CountryMaxLength, TextKind.SingleLine);
        return this;
    }

    /// <summary>"Tokyo, Japan", "Brussels", "Singapore", or null when the text names no place.</summary>
    public string? Location => (City, Country) switch
    {
        (null, null) => null,
        (not null, null) => City,
        (null, not null) => Country,
        _ when City == Country => City, // a city-state: "Singapore", not "Singapore, Singapore"
        _ => $"{City}, {Country}",
    };

    /// <summary>"3 July 2023", "2025", or null.</summary>
    public string? When => Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? Year?.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Tokyo, Japan, 2025" — the way the Council texts themselves put it.</summary>
    public string Describe() => string.Join(", ", new[] { Location, When }.Where(part => part is not null));

    public static string OrdinalWord(int ordinal) => ordinal switch
    {
        _ when ordinal % 100 is 11 or 12 or 13 => $"{ordinal}th",
        _ when ordinal % 10 == 1 => $"{ordinal}st",
        _ when ordinal % 10 == 2 => $"{ordinal}nd",
        _ when ordinal % 10 == 3 => $"{ordinal}rd",
        _ => $"{ordinal}th",
    };

    /// <summary>"2nd Council", or "Council" when the text did not say which.</summary>
    public string CouncilName => Ordinal is { } n ? $"{OrdinalWord(n)} Council" : "Council";

    /// <summary>"2nd Council, Brussels": how lists, filters and reports name a meeting.</summary>
    public string ShortName => (City ?? Country) is { } where ? $"{CouncilName}, {where}" : CouncilName;

    public static string ShortNameOf(int? ordinal, string? city, string? country) => new MeetingPlace(ordinal, city, country, null, null).ShortName;
}
