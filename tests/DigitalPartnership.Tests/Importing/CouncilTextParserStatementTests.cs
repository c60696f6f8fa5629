using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Importing;

/// <summary>
/// Long joint statements as web mirrors publish them: parts and lettered sections, titled items, bold titles split
/// across lines, earlier meetings named inside the text, annexes that repeat the topics. The texts are our own.
/// </summary>
public sealed class CouncilTextParserStatementTests
{
    private readonly CouncilText _lettered = TestFiles.Parse(TestFiles.CouncilText("lettered-sections-split-bold.md"));
    private readonly CouncilText _numbered = TestFiles.Parse(TestFiles.CouncilText("numbered-restart-annexes.md"));

    [Fact]
    public void Reads_each_titled_item_of_the_lettered_sections_as_one_outcome_with_its_whole_title()
    {
        Assert.Equal(
            [
                ("A", "Artificial Intelligence"),
                ("A", "Quantum"),
                ("B", "Joint Projects with Chile and Peru"),
                ("B", "Secure Subsea Cables for the Arctic and Pacific Routes"),
                ("C", "Economic Coercion"),
                ("C", "Trade and Labour Dialogue"),
                ("D", "Talent for Growth"),
            ],
            _lettered.Outcomes.Select(o => (o.Section?.Label, o.Title)));
    }

    [Fact]
    public void Keeps_the_sections_as_groupings_of_outcomes_with_their_headings()
    {
        Assert.Equal(
            [
                "A. Advancing Leadership on Critical and Emerging Technologies",
                "B. Connectivity and Digital Infrastructure",
                "C. Trade, Labour and Economic Security",
                "D. Talent for Growth",
            ],
            _lettered.StatementSections.Select(s => s.Display));
        Assert.Same(_lettered.StatementSections[1], _lettered.Outcomes[2].Section);
    }

    [Fact]
    public void Splits_an_item_title_printed_inside_the_section_heading_and_says_so()
    {
        var ai = _lettered.Outcomes[0];
        Assert.Equal("Artificial Intelligence", ai.Title);
        Assert.NotNull(ai.TitleFound.Doubt);
        Assert.Contains("Technologies Artificial Intelligence", ai.TitleFound.Source);
        Assert.Null(_lettered.Outcomes[1].TitleFound.Doubt);
    }

    [Fact]
    public void Reads_the_list_items_of_an_item_as_its_deliverables_and_keeps_wrapped_items_whole()
    {
        Assert.Equal(
            [
                "Canada and the European Union launched three expert groups, on:",
                "AI terminology and taxonomy",
                "Standards and tools for trustworthy AI",
                "Monitoring emerging AI risks",
                "The groups have published a first list of 40 shared AI terms",
            ],
            _lettered.Outcomes[0].Deliverables.Select(d => d.Title));
        var peru = _lettered.Outcomes[2].Deliverables[2];
        Assert.Equal(DeliverableStatus.Completed, peru.Status);
        Assert.Contains("digital divide and trusted networks", peru.Title); // "<s>s</s>" was struck out by its author
    }

    [Fact]
    public void Takes_place_and_date_range_from_the_sentence_about_this_meeting_not_the_earlier_one()
    {
        Assert.Equal(new MeetingPlace(3, "Ottawa", "Canada", new DateOnly(2025, 6, 4), 2025), _lettered.Meeting);
        Assert.Equal(new DateRange(new DateOnly(2025, 6, 4), new DateOnly(2025, 6, 5)), _lettered.Facts.Date.Value);
        Assert.StartsWith("The third ministerial meeting", _lettered.Facts.Date.Source);
        Assert.Null(_lettered.Facts.Date.Doubt);
    }

    [Fact]
    public void Names_the_partnership_as_the_text_does_with_parties_read_from_its_acronym()
    {
        Assert.Equal("Canada-EU Critical Technologies Dialogue", _lettered.Partnership?.Name);
        Assert.Equal("Canada", _lettered.Partnership?.Partner);
        Assert.Equal(["Canada", "European Union"], _lettered.Partnership?.Parties);
        Assert.Contains("Canada-EU CTD", _lettered.Facts.Partnership.Doubt);
    }

    [Fact]
    public void Reads_a_next_meeting_given_only_as_a_season_and_a_region_without_inventing_a_country()
    {
        Assert.Equal(new MeetingPlace(4, null, null, null, 2026), _lettered.NextMeeting);
        Assert.Equal("in mid-2026 in Europe", _lettered.Facts.NextMeetingAsStated);
        Assert.Contains("Europe", _lettered.Facts.NextMeeting.Doubt);
    }

    [Fact]
    public void Shows_headings_as_headings_and_strips_presentational_markup_from_the_source()
    {
        var headings = _lettered.Sections.Where(s => s.Role == SectionRole.Heading).Select(s => s.Markdown).ToList();
        Assert.Contains("**II. Key Outcomes of the Third CTD Ministerial**", headings);
        Assert.DoesNotContain(_lettered.Sections, s => s.Markdown.Contains("<u>") || s.Markdown.Contains("<!--") || s.Markdown.Contains("<sup>"));
        Assert.Equal(7, _lettered.Sections.Count(s => s.Role == SectionRole.Outcome));
        Assert.Equal(SectionRole.NextMeeting, _lettered.Sections.Single(s => s.Markdown.Contains("meet again")).Role);
    }

    [Fact]
    public void Reads_only_the_outcomes_part_not_the_statement_the_future_work_or_the_annexes()
    {
        Assert.Equal(
            ["Tidal energy", "Fisheries data", "Ice charting", "Port cybersecurity", "Satellite ground stations", "Marine apprenticeships"],
            _numbered.Outcomes.Select(o => o.Title));
        Assert.All(_numbered.Outcomes, o => Assert.Equal(new StatementSection("2", "Results agreed in Charlottetown"), o.Section));
        Assert.DoesNotContain(_numbered.Outcomes, o => o.Summary.Contains("as follows"));
    }

    [Fact]
    public void Reads_an_inaugural_meeting_in_a_city_whose_country_the_text_never_names()
    {
        Assert.Equal("EU-Canada Maritime Technology Council", _numbered.Partnership?.Name);
        Assert.Equal(new MeetingPlace(1, "Charlottetown", null, new DateOnly(2026, 3, 18), 2026), _numbered.Meeting);
        Assert.Equal("no country named", _numbered.Facts.Place.Doubt);
        Assert.Null(_numbered.NextMeeting); // "before the Council meets again" announces nothing
        Assert.NotNull(_numbered.Facts.NextMeeting.Doubt);
    }

    [Fact]
    public void Dry_run_json_shows_sections_date_range_doubts_and_the_no_list_flag()
    {
        using var json = System.Text.Json.JsonDocument.Parse(CouncilTextJson.Write(_lettered));
        var root = json.RootElement;
        Assert.Equal("2025-06-05", root.GetProperty("meeting").GetProperty("endDate").GetString());
        Assert.False(root.GetProperty("hasNoList").GetBoolean());
        Assert.Equal(4, root.GetProperty("sections").GetArrayLength());
        var first = root.GetProperty("outcomes")[0];
        Assert.Equal("A", first.GetProperty("section").GetProperty("label").GetString());
        Assert.Contains("split", first.GetProperty("titleFound").GetProperty("doubt").GetString());
        var found = root.GetProperty("found");
        Assert.StartsWith("The third ministerial meeting", found.GetProperty("date").GetProperty("source").GetString());
        Assert.Equal("2025-06-04", found.GetProperty("date").GetProperty("value").GetProperty("start").GetString());
        Assert.Contains("Europe", found.GetProperty("nextMeeting").GetProperty("doubt").GetString());
        Assert.Equal("in mid-2026 in Europe", root.GetProperty("nextMeetingAsStated").GetString());
    }
}
