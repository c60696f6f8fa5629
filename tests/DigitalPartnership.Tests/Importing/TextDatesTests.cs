using DigitalPartnership.Core.Importing;

namespace DigitalPartnership.Tests.Importing;

/// <summary>Meeting dates as statements write them, single days and ranges.</summary>
public sealed class TextDatesTests
{
    [Theory]
    [InlineData("took place in Leuven, Belgium, on 4 and 5 April 2024.", "2024-04-04", "2024-04-05")]
    [InlineData("held its second meeting in Paris, France on May 15-16, 2022.", "2022-05-15", "2022-05-16")]
    [InlineData("met on 30 September – 1 October 2024 in Tokyo.", "2024-09-30", "2024-10-01")]
    [InlineData("met on September 30 – October 1, 2024.", "2024-09-30", "2024-10-01")]
    [InlineData("On Tuesday, January 30, 2024, the Council met.", "2024-01-30", null)]
    [InlineData("met on 31 May 2023.", "2023-05-31", null)]
    public void Reads_a_meeting_day_or_the_first_and_last_day_of_a_range(string text, string start, string? end)
    {
        var range = TextDates.FindFirstRange(text);

        Assert.Equal(DateOnly.Parse(start), range?.Start);
        Assert.Equal(end is null ? null : DateOnly.Parse(end), range?.End);
    }

    [Fact]
    public void Keeps_only_the_first_day_when_the_end_of_a_range_is_not_after_it() =>
        Assert.Equal(new DateRange(new DateOnly(2024, 4, 5)), TextDates.FindFirstRange("on 5 and 4 April 2024"));

    [Fact]
    public void Does_not_take_a_span_of_years_for_a_date() =>
        Assert.Null(TextDates.FindFirstRange("Kenya's 2022-2032 National Digital Masterplan"));
}
