using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;

namespace DigitalPartnership.Tests.Domain;

/// <summary>
/// The entities on their own, without a store: when a save writes a history row and a journal entry, and what they
/// refuse whatever a form or the importer let through.
/// </summary>
public sealed class DeliverableRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Now.AddHours(1);

    private static Deliverable NewDeliverable()
    {
        var partnership = new Partnership("EU–Japan Digital Partnership", "Japan");
        var meeting = new Meeting(partnership, "2nd EU–Japan Digital Partnership Council", new MeetingPlace(2, "Brussels", "Belgium", null, 2024),
            "council.md", "text", "hash", Now);
        var outcome = meeting.AddOutcome("semiconductors", "Semiconductors", "Research on chips.", []);
        return outcome.AddDeliverable("Joint research on chip design", DeliverableStatus.NotStarted, "Both sides will research chip design.", [],
            Now, "importer", "Imported.");
    }

    /// <summary>What the edit form sends for <paramref name="d"/> as it stands.</summary>
    private static DeliverableUpdate Unchanged(Deliverable d) =>
        new(d.Status, d.Progress, d.EuLead, d.PartnerLead, d.TargetDate, d.Notes, ChangeNote: null,
            d.EvidenceLinks.Select(e => new EvidenceLinkInput(e.Url, e.Title)).ToList());

    [Fact]
    public void A_save_that_changes_nothing_writes_no_history_row_no_journal_entry_and_no_new_version_of_the_content()
    {
        var d = NewDeliverable();

        var row = d.Update(Unchanged(d), "editor", Later);

        Assert.Null(row);
        Assert.Single(d.History); // only the creation
        Assert.Single(d.Journal);
    }

    [Fact]
    public void A_change_of_status_progress_or_notes_writes_one_history_row_and_one_journal_entry_with_each_changed_field()
    {
        var d = NewDeliverable();

        var row = d.Update(Unchanged(d) with { Status = DeliverableStatus.InProgress, Progress = 40, Notes = "Kick-off held." }, "editor", Later);

        Assert.NotNull(row);
        Assert.Equal(2, d.History.Count);
        Assert.Equal("Not started → In progress; Progress set to 40%", new HistoryChange(row.FromStatus, row.ToStatus, row.FromProgress, row.Progress).Text);
        var entry = d.Journal[^1];
        Assert.Same(row, entry.StatusChange);
        Assert.Equal([JournalFields.Status, JournalFields.Progress, JournalFields.Notes], entry.Details.Select(x => x.Field));
        Assert.Equal("editor", entry.By);
        Assert.Equal(Later, entry.AtUtc);
    }

    [Fact]
    public void A_change_of_leads_or_dates_alone_is_journalled_but_adds_no_status_row()
    {
        var d = NewDeliverable();

        var row = d.Update(Unchanged(d) with { EuLead = "DG CONNECT", TargetDate = new DateOnly(2027, 6, 30) }, "editor", Later);

        Assert.Null(row);
        Assert.Single(d.History);
        Assert.Equal([JournalFields.EuLead, JournalFields.TargetDate], d.Journal[^1].Details.Select(x => x.Field));
        Assert.Equal((null, "DG CONNECT"), (d.Journal[^1].Details[0].OldValue, d.Journal[^1].Details[0].NewValue));
    }

    [Fact]
    public void A_change_note_alone_is_recorded_in_both_because_the_editor_explained_the_save()
    {
        var d = NewDeliverable();

        var row = d.Update(Unchanged(d) with { ChangeNote = "Checked with METI: nothing moved." }, "editor", Later);

        Assert.NotNull(row);
        Assert.Equal("Checked with METI: nothing moved.", row.Note);
        Assert.Equal("Checked with METI: nothing moved.", d.Journal[^1].Note);
        Assert.Empty(d.Journal[^1].Details);
    }

    [Fact]
    public void Setting_the_status_it_already_has_writes_nothing_without_a_note_and_a_row_that_says_so_with_one()
    {
        var d = NewDeliverable();
        var version = d.Version;

        Assert.Null(d.ChangeStatus(DeliverableStatus.NotStarted, null, note: "  ", "editor", Later));
        Assert.Equal(version, d.Version);
        Assert.Single(d.History);

        var row = d.ChangeStatus(DeliverableStatus.NotStarted, null, "Confirmed at the working group.", "editor", Later);

        Assert.NotNull(row);
        Assert.Equal("Not started, status and progress unchanged", new HistoryChange(row.FromStatus, row.ToStatus, row.FromProgress, row.Progress).Text);
        Assert.Equal("Confirmed at the working group.", row.Note);
    }

    public static TheoryData<string, Func<Deliverable, DeliverableUpdate>> RefusedUpdates => new()
    {
        { "The title can be at most", d => Unchanged(d) with { Title = new string('x', Deliverable.TitleMaxLength + 1) } },
        { "The title contains invisible control characters", d => Unchanged(d) with { Title = "First line\nsecond line" } },
        { "The title is required", d => Unchanged(d) with { Title = "   " } },
        { "The EU-side lead can be at most", d => Unchanged(d) with { EuLead = new string('x', Deliverable.LeadMaxLength + 1) } },
        { "The partner-side lead contains invisible control characters", d => Unchanged(d) with { PartnerLead = "METI\u202Eevil" } },
        { "The notes can be at most", d => Unchanged(d) with { Notes = new string('x', Deliverable.NotesMaxLength + 1) } },
        { "only http:// and https:// addresses", d => Unchanged(d) with { EvidenceLinks = [new EvidenceLinkInput("javascript:alert(1)", null)] } },
        { "the address can be at most", d => Unchanged(d) with { EvidenceLinks = [new EvidenceLinkInput("https://example.org/" + new string('x', EvidenceLink.UrlMaxLength), null)] } },
        { "Progress is a percentage from 0 to 100", d => Unchanged(d) with { Progress = 101 } },
    };

    [Theory]
    [MemberData(nameof(RefusedUpdates))]
    public void The_entity_refuses_in_words_what_the_form_should_have_caught_and_changes_nothing(string why, Func<Deliverable, DeliverableUpdate> update)
    {
        var d = NewDeliverable();
        var (title, version) = (d.Title, d.Version);

        var refusal = Assert.ThrowsAny<ArgumentException>(() => d.Update(update(d) with { Status = DeliverableStatus.Completed }, "editor", Later));

        Assert.StartsWith(why, refusal.Message.TrimStart());
        Assert.Equal((title, version, DeliverableStatus.NotStarted), (d.Title, d.Version, d.Status));
        Assert.Single(d.History);
        Assert.Single(d.Journal);
    }

    [Fact]
    public void Outcomes_meetings_and_places_refuse_what_their_forms_refuse()
    {
        var partnership = new Partnership("EU–Japan Digital Partnership", "Japan");
        Assert.ThrowsAny<ArgumentException>(() => new MeetingPlace(0, "Tokyo", null, null, 2025).Checked());
        Assert.ThrowsAny<ArgumentException>(() => new MeetingPlace(3, "Tokyo\u0007", null, null, 2025).Checked());
        Assert.ThrowsAny<ArgumentException>(() => new MeetingPlace(3, new string('x', MeetingPlace.CityMaxLength + 1), null, null, 2025).Checked());
        Assert.ThrowsAny<ArgumentException>(() => new Meeting(partnership, "", new MeetingPlace(3, "Tokyo", null, null, 2025), "a.md", "t", "h", Now));

        var meeting = new Meeting(partnership, "3rd Council", new MeetingPlace(3, "Tokyo", "Japan", null, 2025), "a.md", "t", "h", Now);
        Assert.ThrowsAny<ArgumentException>(() => meeting.AddOutcome("x", "", "Summary", []));
        var outcome = meeting.AddOutcome("data", "Data", "Summary", []);
        Assert.ThrowsAny<ArgumentException>(() => outcome.Edit(new string('x', Outcome.TitleMaxLength + 1), "Summary", "editor", Later));
        Assert.Equal("Data", outcome.Title);
        Assert.ThrowsAny<ArgumentException>(() => outcome.AddDeliverable("", DeliverableStatus.NotStarted, null, [], Now, "importer", "Imported."));
        Assert.Empty(outcome.Deliverables);
    }

    [Fact]
    public void The_importer_refuses_in_words_what_the_entities_would_refuse_before_anything_is_stored()
    {
        var long_ = new string('x', Outcome.SummaryMaxLength + 1);
        var text = new CouncilText("3rd Council", new PartnershipName("EU–Japan Digital Partnership", "Japan"), new MeetingPlace(3, "Tokyo", "Japan", null, 2025),
            [], [new ParsedOutcome("Data", "Fine.", [], []), new ParsedOutcome("Semiconductors", long_, [], [])], null, []);

        var refusal = Assert.Throws<CouncilTextException>(() => CouncilImporter.Check(text));

        Assert.Equal($"outcome 2's summary can be at most {Outcome.SummaryMaxLength:N0} characters long ({long_.Length:N0} now)", refusal.Message);
        var fitting = text with { Outcomes = [text.Outcomes[0]] };
        Assert.Same(fitting, CouncilImporter.Check(fitting));
    }
}
