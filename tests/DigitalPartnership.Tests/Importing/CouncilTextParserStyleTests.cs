using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Importing;

/// <summary>Texts in the other styles the same parser must read: nothing is wired to one text.</summary>
public sealed class CouncilTextParserStyleTests
{
    [Fact]
    public void Reads_a_Japanese_side_release_with_numbered_points_and_a_US_style_date()
    {
        var text = TestFiles.Parse(TestFiles.CouncilText("japan-eu-numbered-us-date.txt"));

        Assert.Equal("EU–Japan Digital Partnership", text.Partnership?.Name);
        Assert.Equal(new MeetingPlace(1, "Tokyo", "Japan", new DateOnly(2023, 7, 3), 2023), text.Meeting);
        Assert.Equal(["Semiconductors", "Data", "Quantum"], text.Outcomes.Select(o => o.Title));
        Assert.Equal(
            [DeliverableStatus.NotStarted, DeliverableStatus.InProgress, DeliverableStatus.Completed, DeliverableStatus.NotStarted],
            text.Outcomes.SelectMany(o => o.Deliverables).Select(d => d.Status));
        Assert.Equal("A joint call for research will be prepared", text.Outcomes[2].Deliverables[1].Title);
        Assert.Equal(new MeetingPlace(2, "Brussels", "Belgium", new DateOnly(2024, 4, 30), 2024), text.NextMeeting);
    }

    [Fact]
    public void Reads_Markdown_bullets_with_emphasis_and_no_next_meeting()
    {
        var text = TestFiles.Parse(TestFiles.CouncilText("markdown-bullets-no-next-meeting.md"));

        Assert.Equal("EU-Korea Digital Partnership Council", text.Title);
        Assert.Equal("EU–Korea Digital Partnership", text.Partnership?.Name);
        Assert.Equal(new MeetingPlace(1, "Seoul", "Korea", new DateOnly(2022, 11, 30), 2022), text.Meeting);
        Assert.Equal(["Semiconductors", "5G and 6G", "Digital skills"], text.Outcomes.Select(o => o.Title));
        Assert.Equal(
            [DeliverableStatus.NotStarted, DeliverableStatus.InProgress, DeliverableStatus.InProgress],
            text.Outcomes.SelectMany(o => o.Deliverables).Select(d => d.Status));
        Assert.Null(text.NextMeeting);
    }

    [Fact]
    public void Ignores_a_trailing_advertisement_even_without_a_next_meeting_sentence()
    {
        var text = TestFiles.Parse(TestFiles.CouncilText("trailing-advertisement.txt"));

        Assert.Equal(["Digital Trade", "Cybersecurity"], text.Outcomes.Select(o => o.Title));
        Assert.Equal(new MeetingPlace(1, "Singapore", "Singapore", null, null), text.Meeting);
        // The advertisement names digital identity; the meeting did not.
        Assert.Equal(["Digital trade and e-commerce", "Cybersecurity"], text.Areas.Select(a => a.Name));
        Assert.Equal(2, text.Sections.Count(s => s.Role == SectionRole.Ignored));
        Assert.Null(text.NextMeeting);
    }

    [Fact]
    public void Rejects_a_text_without_key_outcomes_with_a_clear_reason()
    {
        var error = Assert.Throws<CouncilTextException>(() => TestFiles.Parse(TestFiles.CouncilText("no-outcomes.txt")));
        Assert.Contains("no key outcomes", error.Message);
    }

    [Fact]
    public void Rejects_an_empty_text()
    {
        var error = Assert.Throws<CouncilTextException>(() => new CouncilTextParser(TestFiles.Taxonomy).Parse("  \n "));
        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData("A Memorandum was signed.", DeliverableStatus.Completed)]
    [InlineData("Projects have been launched.", DeliverableStatus.InProgress)]
    [InlineData("A team of experts will be established.", DeliverableStatus.NotStarted)]
    [InlineData("The partners agreed to cooperate.", DeliverableStatus.NotStarted)]
    [InlineData("A letter of intent will be signed.", DeliverableStatus.NotStarted)]
    [InlineData("Work on interoperability is under way.", DeliverableStatus.InProgress)]
    [InlineData("Progress was highlighted.", DeliverableStatus.NotStarted)]
    public void Proposes_status_from_the_first_commitment_verb(string sentence, DeliverableStatus expected) =>
        Assert.Equal(expected, StatusProposal.For(sentence));

    [Theory]
    [InlineData("held on 3 July 2023 in Tokyo", 2023, 7, 3)]
    [InlineData("held on July 3 (Mon.), 2023", 2023, 7, 3)]
    [InlineData("held on July 3, 2023", 2023, 7, 3)]
    [InlineData("held on 2024-04-30", 2024, 4, 30)]
    public void Reads_dates_as_press_texts_write_them(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), TextDates.FindFirst(text));

    [Fact]
    public void Does_not_invent_a_date_that_does_not_exist() =>
        Assert.Null(TextDates.FindFirst("held on February 30, 2024"));
}
