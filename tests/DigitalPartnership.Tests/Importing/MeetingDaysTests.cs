using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Tests.Importing;

/// <summary>A Council's days as pages write them: one day, or a range that names month and year once.</summary>
public sealed class MeetingDaysTests
{
    [Theory]
    [InlineData("2025-06-04", "2025-06-05", "4–5 June 2025")]
    [InlineData("2025-06-30", "2025-07-01", "30 June – 1 July 2025")]
    [InlineData("2024-12-31", "2025-01-01", "31 December 2024 – 1 January 2025")]
    [InlineData("2023-07-03", "2023-07-03", "3 July 2023")]
    public void Writes_a_range_with_what_its_days_share_said_once(string first, string last, string expected) =>
        Assert.Equal(expected, MeetingDays.Describe(DateOnly.Parse(first), DateOnly.Parse(last)));

    [Fact]
    public void A_council_without_a_range_is_written_as_its_day_or_year()
    {
        Assert.Equal("3 July 2023", MeetingDays.Describe(new MeetingPlace(1, null, null, new DateOnly(2023, 7, 3), 2023), null));
        Assert.Equal("2025", MeetingDays.Describe(new MeetingPlace(1, null, null, null, 2025), new DateOnly(2025, 6, 5)));
    }
}
