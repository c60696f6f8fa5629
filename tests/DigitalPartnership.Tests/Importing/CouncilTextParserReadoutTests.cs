using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Importing;

/// <summary>Readouts in prose and fact sheets titled by area: no numbered list, often no date. The texts are our own.</summary>
public sealed class CouncilTextParserReadoutTests
{
    private readonly CouncilText _readout = TestFiles.Parse(TestFiles.CouncilText("prose-readout-outside-capital.txt"));
    private readonly CouncilText _factSheet = TestFiles.Parse(TestFiles.CouncilText("titled-areas-today.md"));

    [Fact]
    public void A_readout_without_a_list_yields_one_outcome_per_paragraph_that_reports_a_result_and_says_it_had_no_list()
    {
        Assert.True(_readout.HasNoList);
        Assert.Equal(
            [
                "The co-chairs also hosted a stakeholder roundtable on grid interconnection",
                "The co-chairs welcomed that the U.S.-EU Memorandum was signed, on Offshore Wind on the margins of the meeting",
            ],
            _readout.Outcomes.Select(o => o.Title));
        Assert.All(_readout.Outcomes, o => Assert.NotNull(o.TitleFound.Doubt));
        Assert.Equal(
            [DeliverableStatus.Completed, DeliverableStatus.Completed, DeliverableStatus.NotStarted],
            _readout.Outcomes.SelectMany(o => o.Deliverables).Select(d => d.Status));
        Assert.Equal("The two sides will publish a joint offshore wind outlook in 2026.", _readout.Outcomes[1].Deliverables[1].Source);
    }

    [Fact]
    public void A_readout_places_a_meeting_held_outside_a_capital_near_it_and_flags_it()
    {
        Assert.Equal("U.S.-EU Energy Council", _readout.Partnership?.Name);
        Assert.Equal(["United States", "European Union"], _readout.Partnership?.Parties);
        Assert.Equal(new MeetingPlace(3, "near Washington, D.C.", null, new DateOnly(2025, 3, 6), 2025), _readout.Meeting);
        Assert.Equal("the text places the meeting only \"outside Washington, D.C.\"", _readout.Facts.Place.Doubt);
    }

    [Fact]
    public void A_meeting_in_Washington_DC_is_in_the_United_States_though_the_text_does_not_say_so_and_is_flagged()
    {
        var readout = File.ReadAllText(TestFiles.CouncilText("prose-readout-outside-capital.txt"));
        var text = new CouncilTextParser(TestFiles.Taxonomy).Parse(readout.Replace("meeting outside Washington", "meeting in Washington"));

        Assert.Equal(("Washington, D.C.", "United States"), (text.Meeting.City, text.Meeting.Country));
        Assert.Equal("country taken from \"Washington, D.C.\"; the text names none", text.Facts.Place.Doubt);
    }

    [Fact]
    public void A_readout_announces_the_next_meeting_as_a_country_and_a_season()
    {
        Assert.Equal(new MeetingPlace(4, null, "Belgium", null, 2026), _readout.NextMeeting);
        Assert.Equal("in Belgium in the spring of 2026", _readout.Facts.NextMeetingAsStated);
        Assert.Null(_readout.Facts.NextMeeting.Doubt);
        Assert.Equal(SectionRole.NextMeeting, _readout.Sections[^1].Role);
    }

    [Fact]
    public void A_fact_sheet_titled_by_area_yields_an_outcome_per_area_and_a_deliverable_per_bullet()
    {
        Assert.Equal(["Data Governance", "Artificial Intelligence and Standards", "Semiconductors"], _factSheet.Outcomes.Select(o => o.Title));
        Assert.Equal([2, 3, 1], _factSheet.Outcomes.Select(o => o.Deliverables.Count));
        Assert.Equal(DeliverableStatus.Completed, _factSheet.Outcomes[0].Deliverables[1].Status);
        Assert.Equal("Exploring joint research on AI safety evaluations", _factSheet.Outcomes[1].Deliverables[1].Title);
        // The closing paragraph is the statement's, not the last area's.
        Assert.DoesNotContain(_factSheet.Outcomes[2].Deliverables, d => d.Source.Contains("student exchanges"));
        Assert.False(_factSheet.HasNoList);
    }

    [Fact]
    public void A_fact_sheet_that_says_only_today_gets_no_date_and_its_earlier_meeting_is_not_this_one()
    {
        Assert.Equal("Japan-Singapore Digital Economy Dialogue", _factSheet.Partnership?.Name);
        Assert.Equal(new MeetingPlace(2, "Singapore", "Singapore", null, null), _factSheet.Meeting); // a city-state is its own country
        Assert.Equal("Singapore", _factSheet.Meeting.Location); // said once
        Assert.Null(_factSheet.Facts.Place.Doubt); // a city-state needs no country: nothing for the editor to check
        Assert.Null(_factSheet.Facts.Date.Value);
        Assert.Contains("Today", _factSheet.Facts.Date.Doubt);
        Assert.Equal(new MeetingPlace(3, null, "Japan", null, 2026), _factSheet.NextMeeting);
    }
}
