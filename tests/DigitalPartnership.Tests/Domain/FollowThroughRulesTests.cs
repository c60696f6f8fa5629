using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Core.Text;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Domain;

/// <summary>Follow-through without a store: which Councils come first, how alike two commitments read, and what a link journals.</summary>
public sealed class FollowThroughRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2, null, null, 3, null, null, true)]         // by ordinal
    [InlineData(3, null, null, 2, null, null, false)]
    [InlineData(null, "2024-04-30", null, null, "2025-05-12", null, true)] // by date when one is not numbered
    [InlineData(null, null, 2026, null, null, 2025, false)]  // by year
    public void A_Council_is_earlier_by_ordinal_then_date_then_year(int? ordinalA, string? dateA, int? yearA, int? ordinalB, string? dateB, int? yearB,
        bool earlier)
    {
        var a = new CouncilOrder(1, ordinalA, dateA is null ? null : DateOnly.Parse(dateA), yearA);
        var b = new CouncilOrder(2, ordinalB, dateB is null ? null : DateOnly.Parse(dateB), yearB);

        Assert.Equal(earlier, FollowThroughRules.IsEarlier(a, b));
    }

    [Fact]
    public void A_Council_being_imported_with_nothing_to_order_it_by_comes_after_every_stored_one()
    {
        Assert.True(FollowThroughRules.IsEarlier(new CouncilOrder(5, null, null, null), new CouncilOrder(0, null, null, null)));
        Assert.False(FollowThroughRules.IsEarlier(new CouncilOrder(0, null, null, null), new CouncilOrder(5, null, null, null)));
    }

    [Fact]
    public void Content_words_meet_across_spellings_and_plurals_and_leave_out_what_every_commitment_says()
    {
        var a = ContentWords.Of("The partners agreed to further cooperate on global standardisation of submarine cables");
        var b = ContentWords.Of("Secure submarine cable routes and global standardization");

        Assert.Equal(["cable", "global", "standardization", "submarine"], a.Where(b.Contains).Order());
        Assert.DoesNotContain("partner", a);
        Assert.DoesNotContain("cooperate", a);
    }

    [Fact]
    public void The_third_Councils_reports_are_proposed_against_the_second_Councils_commitments_they_continue_and_the_new_one_against_none()
    {
        var text = TestFiles.Parse(TestFiles.CouncilText("eu-japan-third-council-tokyo.md"));
        var taxonomy = TestFiles.Taxonomy.Areas.ToDictionary(a => a.Slug);
        AreaRef Area(string slug) => new(slug, taxonomy[slug].Name);
        IReadOnlyList<EarlierDeliverable> second =
        [
            new(1, "The partners agreed to further collaborate on AI, 5G, 6G, semiconductors, high-performance computing, and quantum technologies",
                "2nd Council, Brussels", DeliverableStatus.NotStarted, [Area("semiconductors"), Area("6g")]),
            new(3, "A team of experts will be established to develop a research program on semiconductors", "2nd Council, Brussels",
                DeliverableStatus.NotStarted, [Area("semiconductors")]),
            new(4, "Collaborative research projects have been launched for 6G, with a focus on global standardization", "2nd Council, Brussels",
                DeliverableStatus.InProgress, [Area("6g"), Area("standardisation")]),
        ];

        var proposals = LinkProposer.Propose(text, second);

        var best = proposals.GroupBy(p => (p.Outcome, p.Deliverable)).ToDictionary(g => g.Key, g => g.First());
        Assert.Equal(3, best[(1, 1)].Earlier.Id); // the expert team on semiconductors
        Assert.Contains("expert", best[(1, 1)].SharedWords);
        Assert.Equal(["Semiconductors"], best[(1, 1)].SharedAreas);
        Assert.Equal(4, best[(2, 1)].Earlier.Id); // 6G research and standardisation
        Assert.DoesNotContain((4, 1), best.Keys); // digital public services: new at this Council
        Assert.All(proposals, p => Assert.InRange(p.Score, LinkProposer.Threshold, 1));
        Assert.Matches(@"^Proposed at import, score \d+%: shared words .+; same areas .+\.$", best[(1, 1)].Basis);
    }

    [Fact]
    public void One_shared_word_in_the_same_area_is_not_enough_to_propose_a_link()
    {
        var text = TestFiles.Parse(TestFiles.CouncilText("eu-japan-third-council-tokyo.md"));
        IReadOnlyList<EarlierDeliverable> earlier =
        [
            new(9, "Semiconductors terminology and taxonomy", "2nd Council, Brussels", DeliverableStatus.NotStarted,
                [new AreaRef("semiconductors", "Semiconductors")]),
        ];

        Assert.Empty(LinkProposer.Propose(text, earlier)); // "semiconductor" alone, though both are filed under Semiconductors
    }

    [Fact]
    public void Linking_and_unlinking_each_write_one_journal_entry_with_the_earlier_deliverable_named()
    {
        var (earlier, later) = TwoCouncils();

        later.Continue(earlier, "Linked by hand.", "editor", Now.AddHours(1), note: "Same expert team.");
        later.StopContinuing(earlier.Id, "editor", Now.AddHours(2), "Linked by mistake.");

        var linked = later.Journal[^2];
        Assert.Equal("Same expert team.", linked.Note);
        var detail = Assert.Single(linked.Details);
        Assert.Equal((JournalFields.Continues, (string?)null, "#0 Expert team on chips"), (detail.Field, detail.OldValue, detail.NewValue));
        var unlinked = later.Journal[^1];
        Assert.Equal(("#0 Expert team on chips", (string?)null), (unlinked.Details.Single().OldValue, unlinked.Details.Single().NewValue));
        Assert.Empty(later.Continues);
    }

    [Fact]
    public void A_deliverable_cannot_continue_itself_or_the_same_deliverable_twice()
    {
        var (earlier, later) = TwoCouncils();
        later.Continue(earlier, "Linked by hand.", "editor", Now);

        Assert.Throws<ArgumentException>(() => later.Continue(later, "Linked by hand.", "editor", Now));
        Assert.Throws<ArgumentException>(() => later.Continue(earlier, "Linked by hand.", "editor", Now));
        Assert.Throws<ArgumentException>(() => later.Continue(earlier, "", "editor", Now)); // a link says why
        Assert.Single(later.Continues);
        Assert.False(later.StopContinuing(999, "editor", Now, null));
    }

    private static (Deliverable Earlier, Deliverable Later) TwoCouncils()
    {
        var partnership = new Partnership("EU–Japan Digital Partnership", "Japan");
        Deliverable At(int ordinal, string title)
        {
            var meeting = new Meeting(partnership, $"Council {ordinal}", new MeetingPlace(ordinal, "Tokyo", "Japan", null, 2023 + ordinal),
                "council.md", "text", $"hash{ordinal}", Now);
            return meeting.AddOutcome($"chips-{ordinal}", "Chips", "Chips.", [])
                .AddDeliverable(title, DeliverableStatus.NotStarted, null, [], Now, "importer", "Imported.");
        }

        return (At(2, "Expert team on chips"), At(3, "The expert team on chips reported"));
    }
}
