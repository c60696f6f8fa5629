using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Importing;

/// <summary>The second EU–Japan Council text, read field by field.</summary>
public sealed class CouncilTextParserSeedTests
{
    private readonly CouncilText _text = TestFiles.Parse(TestFiles.SeedText);

    [Fact]
    public void Names_the_partnership_and_the_meeting_without_inventing_a_date()
    {
        Assert.Equal("EU–Japan Digital Partnership", _text.Partnership?.Name);
        Assert.Equal("Japan", _text.Partnership?.Partner);
        Assert.Equal(new MeetingPlace(2, "Brussels", null, null, null), _text.Meeting);
        Assert.Equal("EU and Japan Deepen Digital Cooperation in Second Digital Partnership Council Meeting", _text.Title);
    }

    [Fact]
    public void Finds_the_five_key_outcomes_with_their_exact_titles()
    {
        Assert.Equal(
            [
                "Strengthened Cooperation on Core Technologies",
                "Digital Identity and Trust Services",
                "Semiconductors and 6G",
                "Cybersecurity and AI Governance",
                "Submarine Cables and Online Platforms",
            ],
            _text.Outcomes.Select(o => o.Title));
        Assert.Equal(
            "A Memorandum of Cooperation was signed to facilitate data flow and boost e-commerce opportunities through a shared understanding of digital identity initiatives.",
            _text.Outcomes[1].Summary);
    }

    [Fact]
    public void Proposes_a_status_for_each_deliverable_from_its_verb()
    {
        var deliverables = _text.Outcomes.SelectMany(o => o.Deliverables).Select(d => (d.Title, d.Status)).ToList();
        Assert.Equal(
            [
                ("The partners agreed to further collaborate on AI, 5G, 6G, semiconductors, high-performance computing, and quantum technologies", DeliverableStatus.NotStarted),
                ("A Memorandum of Cooperation was signed to facilitate data flow and boost e-commerce opportunities through a shared understanding of digital identity initiatives", DeliverableStatus.Completed),
                ("A team of experts will be established to develop a research program on semiconductors", DeliverableStatus.NotStarted),
                ("Collaborative research projects have been launched for 6G, with a focus on global standardization", DeliverableStatus.InProgress),
                ("Cooperation on cybersecurity standards and addressing the skills gap, as well as supporting the G7 AI initiatives, were highlighted", DeliverableStatus.NotStarted),
                ("Both sides agreed to enhance cooperation on secure submarine cable infrastructure and explore information sharing on online platform regulations", DeliverableStatus.NotStarted),
            ],
            deliverables);
    }

    [Fact]
    public void Keeps_the_whole_source_sentence_as_provenance_of_each_part_of_a_split_sentence()
    {
        var semiconductors = _text.Outcomes[2];
        Assert.Equal(2, semiconductors.Deliverables.Count);
        Assert.All(semiconductors.Deliverables, d => Assert.Equal(semiconductors.Summary, d.Source));
        Assert.Equal(["Semiconductors"], semiconductors.Deliverables[0].Areas.Select(a => a.Name));
        Assert.Contains("6G and Beyond 5G", semiconductors.Deliverables[1].Areas.Select(a => a.Name));
    }

    [Fact]
    public void Links_each_outcome_to_the_areas_it_names_in_any_spelling()
    {
        Assert.Equal(
            ["Artificial intelligence", "5G", "6G and Beyond 5G", "Semiconductors", "High-performance computing", "Quantum technology"],
            _text.Outcomes[0].Areas.Select(a => a.Name));
        Assert.Equal(["Submarine cables", "Online platforms"], _text.Outcomes[4].Areas.Select(a => a.Name));
        Assert.Contains("Digital identity (eID) and trust services", _text.Areas.Select(a => a.Name));
        Assert.Contains("High-performance computing", _text.Areas.Select(a => a.Name));
    }

    [Fact]
    public void Reads_the_next_meeting_as_Tokyo_Japan_2025()
    {
        Assert.Equal(new MeetingPlace(3, "Tokyo", "Japan", null, 2025), _text.NextMeeting);
        Assert.Equal("Tokyo, Japan, 2025", _text.NextMeeting!.Describe());
    }

    [Fact]
    public void Says_that_the_next_meetings_ordinal_was_counted_not_read()
    {
        // "The next meeting … will be held in Tokyo, Japan, in 2025" never says "third": the preview marks it.
        Assert.Equal("which meeting it is not stated: counted as the one after this", _text.Facts.NextMeeting.Doubt);
        Assert.Null(_text.Facts.Ordinal.Doubt);
    }

    [Fact]
    public void Yields_nothing_from_the_closing_advertisement()
    {
        var ignored = _text.Sections.Where(s => s.Role == SectionRole.Ignored).Select(s => s.Markdown).ToList();
        // The advertisement and its "learn more" line form one paragraph; the tag line closes the text.
        Assert.Equal(2, ignored.Count);
        Assert.StartsWith("In this context, INSTAR", ignored[0], StringComparison.Ordinal);
        Assert.Contains("If you want to learn more", ignored[0], StringComparison.Ordinal);
        Assert.Equal("EU and Japan Digital Cooperation", ignored[1]);
        Assert.DoesNotContain(_text.Outcomes, o => o.Summary.Contains("INSTAR", StringComparison.Ordinal));
    }

    [Fact]
    public void Dry_run_json_has_the_documented_shape()
    {
        using var json = System.Text.Json.JsonDocument.Parse(CouncilTextJson.Write(_text));
        var root = json.RootElement;
        Assert.Equal("EU–Japan Digital Partnership", root.GetProperty("partnership").GetString());
        Assert.Equal(2, root.GetProperty("meeting").GetProperty("ordinal").GetInt32());
        Assert.Equal("Brussels", root.GetProperty("meeting").GetProperty("city").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("meeting").GetProperty("date").ValueKind);
        Assert.Equal(5, root.GetProperty("outcomes").GetArrayLength());
        var deliverable = root.GetProperty("outcomes")[1].GetProperty("deliverables")[0];
        Assert.Equal("Completed", deliverable.GetProperty("status").GetString());
        Assert.StartsWith("A Memorandum of Cooperation was signed", deliverable.GetProperty("source").GetString());
        var next = root.GetProperty("nextMeeting");
        Assert.Equal(("Tokyo", "Japan", 2025, 3),
            (next.GetProperty("city").GetString(), next.GetProperty("country").GetString(), next.GetProperty("year").GetInt32(), next.GetProperty("ordinal").GetInt32()));
    }
}
