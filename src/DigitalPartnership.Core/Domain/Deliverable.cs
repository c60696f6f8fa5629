using System.ComponentModel.DataAnnotations;

namespace DigitalPartnership.Core.Domain;

/// <summary>A concrete commitment inside an outcome, with its status and the sentence it was extracted from.</summary>
public sealed class Deliverable
{
    public const int TitleMaxLength = 1000;
    public const int LeadMaxLength = 200;
    public const int NotesMaxLength = 20000;
    public const int SourceSentenceMaxLength = 4000;

    private readonly List<StatusChange> _history = [];
    private readonly List<EvidenceLink> _evidenceLinks = [];
    private readonly List<Area> _areas = [];
    private readonly List<JournalEntry> _journal = [];
    private readonly List<Continuation> _continues = [];

    /// <summary>The entry the constructor wrote, which <see cref="CompleteCreation"/> adds to: creating is one save.</summary>
    private JournalEntry? _creation;

    private Deliverable() { }

    internal Deliverable(Outcome outcome, int position, string title, DeliverableStatus status, string? sourceSentence,
        IEnumerable<Area> areas, DateTime nowUtc, string addedBy, string historyNote)
    {
        Outcome = outcome;
        Position = position;
        Title = TextRules.Require("The title", title, TitleMaxLength, TextKind.SingleLine, required: true)!.Trim();
        Status = status;
        SourceSentence = TextRules.Require("The source sentence", sourceSentence, SourceSentenceMaxLength, TextKind.MultiLine);
        TextRules.Require("The note for the history", historyNote, StatusChange.NoteMaxLength, TextKind.Markdown);
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        _areas.AddRange(areas);
        // The first history row records where the status came from, so history always explains the current state.
        var created = new StatusChange(this, nowUtc, addedBy, from: null, to: status, progress: null, historyNote);
        _history.Add(created);
        _creation = AppendJournal([], addedBy, nowUtc, historyNote, created, always: true);
    }

    public int Id { get; private set; }
    public int OutcomeId { get; private set; }
    public Outcome Outcome { get; private set; } = null!;

    /// <summary>Order within the outcome, from 1.</summary>
    public int Position { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The title in Japanese, when an editor has given one; Japanese readers see it instead of <see cref="Title"/>.</summary>
    public string? TitleJapanese { get; private set; }

    /// <summary>A summary in Japanese for Japanese readers, when an editor has written one (Markdown).</summary>
    public string? SummaryJapanese { get; private set; }

    public DeliverableStatus Status { get; private set; }

    /// <summary>Optional progress in percent, 0–100.</summary>
    public int? Progress { get; private set; }

    public string? EuLead { get; private set; }

    /// <summary>The lead on the partner's side (Japan for the EU–Japan partnership).</summary>
    public string? PartnerLead { get; private set; }

    public DateOnly? TargetDate { get; private set; }

    /// <summary>Markdown.</summary>
    public string? Notes { get; private set; }

    /// <summary>Provenance: the exact sentence of the Council text this deliverable was extracted from.</summary>
    public string? SourceSentence { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Optimistic concurrency token: every accepted save increments it.</summary>
    [ConcurrencyCheck]
    public int Version { get; private set; }

    public IReadOnlyList<StatusChange> History => _history;

    /// <summary>Every accepted save, field by field; append-only.</summary>
    public IReadOnlyList<JournalEntry> Journal => _journal;

    /// <summary>
    /// Moves the deliverable to <paramref name="status"/> and appends one history row; history is never edited in place.
    /// Setting the status and progress it already has writes nothing, unless <paramref name="note"/> says why (an
    /// editor confirming a status in a bulk update): then the row records the note. Returns the row, or null.
    /// </summary>
    public StatusChange? ChangeStatus(DeliverableStatus status, int? progress, string? note, string changedBy, DateTime nowUtc)
    {
        CheckProgress(progress);
        note = Blank(TextRules.Require("The note", note, StatusChange.NoteMaxLength, TextKind.Markdown));
        if (status == Status && progress == Progress && note is null)
        {
            // A "change" to what already holds, with nothing to say, is not an event: no row, no new version.
            return null;
        }

        var before = Snapshot();
        var change = new StatusChange(this, nowUtc, changedBy, Status, status, progress, note, fromProgress: Progress);
        _history.Add(change);
        Status = status;
        Progress = progress;
        Touch(nowUtc);
        AppendJournal(before, changedBy, nowUtc, note, change, always: true);
        return change;
    }

    /// <summary>Sets who leads each side and by when.</summary>
    public void SetResponsibility(string? euLead, string? partnerLead, DateOnly? targetDate, string changedBy, DateTime nowUtc)
    {
        TextRules.Require("The EU-side lead", euLead, LeadMaxLength, TextKind.SingleLine);
        TextRules.Require("The partner-side lead", partnerLead, LeadMaxLength, TextKind.SingleLine);
        var before = Snapshot();
        EuLead = Blank(euLead);
        PartnerLead = Blank(partnerLead);
        TargetDate = targetDate;
        Touch(nowUtc);
        AppendJournal(before, changedBy, nowUtc, note: null, statusChange: null, always: false);
    }

    /// <summary>
    /// An editor's save. Appends one status-timeline row when the status, the progress or the notes change, or when the
    /// editor explains the save, and one journal entry with a detail per changed field (areas included when
    /// <paramref name="areas"/> is given). Returns the timeline row, or null.
    /// </summary>
    public StatusChange? Update(DeliverableUpdate update, string changedBy, DateTime nowUtc, IEnumerable<Area>? areas = null) =>
        Update(update, areas, changedBy, nowUtc, appendHistory: true);

    /// <summary>Fills in the details of a deliverable just added: its creation row and journal entry already are its history.</summary>
    public void CompleteCreation(DeliverableUpdate update, string changedBy, DateTime nowUtc) => Update(update, areas: null, changedBy, nowUtc, appendHistory: false);

    private StatusChange? Update(DeliverableUpdate update, IEnumerable<Area>? areas, string changedBy, DateTime nowUtc, bool appendHistory)
    {
        Check(update);
        var before = Snapshot();
        var notes = Blank(update.Notes);
        var changeNote = Blank(update.ChangeNote);
        var recordable = appendHistory && (update.Status != Status || update.Progress != Progress || notes != Notes || changeNote is not null);
        StatusChange? change = null;
        if (recordable)
        {
            change = new StatusChange(this, nowUtc, changedBy, Status, update.Status, update.Progress, changeNote, fromProgress: Progress);
            _history.Add(change);
        }

        Status = update.Status;
        Progress = update.Progress;
        Notes = notes;
        EuLead = Blank(update.EuLead);
        PartnerLead = Blank(update.PartnerLead);
        TargetDate = update.TargetDate;
        if (update.Title is { Length: > 0 } title)
        {
            Title = title.Trim();
        }

        if (update.Japanese?.Checked() is { } japanese)
        {
            (TitleJapanese, SummaryJapanese) = (japanese.Title, japanese.Summary);
        }

        _evidenceLinks.RemoveAll(existing => !update.EvidenceLinks.Any(link => link.Url == existing.Url && link.Title == existing.Title));
        foreach (var link in update.EvidenceLinks.Where(link => !_evidenceLinks.Any(e => e.Url == link.Url && e.Title == link.Title)))
        {
            _evidenceLinks.Add(new EvidenceLink(link.Url, link.Title));
        }

        if (areas is not null)
        {
            SetAreas(areas);
        }

        Touch(nowUtc);
        if (appendHistory)
        {
            AppendJournal(before, changedBy, nowUtc, changeNote, change, always: false);
        }
        else if (_creation is not null)
        {
            // Still the save that creates the deliverable: its fields join the creation entry.
            _creation.ReplaceDetails(JournalFields.Between([], Snapshot()));
        }

        return change;
    }

    /// <summary>Replaces the areas this deliverable is filed under (an editor's correction of what the importer found).</summary>
    private void SetAreas(IEnumerable<Area> areas)
    {
        var wanted = areas.DistinctBy(a => a.Id).ToList();
        _areas.RemoveAll(area => wanted.All(w => w.Id != area.Id));
        _areas.AddRange(wanted.Where(w => _areas.All(area => area.Id != w.Id)));
    }

    /// <summary>
    /// Appends one journal entry with a detail per field that differs from <paramref name="before"/>; nothing when no
    /// field changed, unless the save is one that is always recorded (a creation, a status change) or carries a note.
    /// </summary>
    private JournalEntry? AppendJournal(IReadOnlyList<(string Field, string? Value)> before, string by, DateTime nowUtc, string? note,
        StatusChange? statusChange, bool always)
    {
        var details = JournalFields.Between(before, Snapshot());
        if (details.Count == 0 && note is null && !always)
        {
            return null;
        }

        var entry = JournalEntry.For(this, nowUtc, by, note);
        entry.StatusChange = statusChange;
        entry.Add(details);
        _journal.Add(entry);
        return entry;
    }

    /// <summary>Every field the journal follows, as text.</summary>
    private IReadOnlyList<(string Field, string? Value)> Snapshot() =>
    [
        (JournalFields.Status, JournalFields.Text(Status)),
        (JournalFields.Progress, JournalFields.Text(Progress)),
        (JournalFields.Title, Title),
        (JournalFields.TitleJapanese, TitleJapanese),
        (JournalFields.SummaryJapanese, SummaryJapanese),
        (JournalFields.Notes, Notes),
        (JournalFields.EuLead, EuLead),
        (JournalFields.PartnerLead, PartnerLead),
        (JournalFields.TargetDate, JournalFields.Text(TargetDate)),
        (JournalFields.Areas, _areas.Count == 0 ? null : string.Join("; ", _areas.Select(a => a.Name).Order(StringComparer.Ordinal))),
        (JournalFields.EvidenceLinks, _evidenceLinks.Count == 0 ? null
            : string.Join("\n", _evidenceLinks.Select(e => e.Title is null ? e.Url : $"{e.Title} <{e.Url}>"))),
        (JournalFields.Continues, _continues.Count == 0 ? null
            : string.Join("\n", _continues.Select(c => c.Earlier is { } earlier ? $"#{earlier.Id} {earlier.Title}" : $"#{c.EarlierId}"))),
    ];

    /// <summary>
    /// Records that this deliverable continues <paramref name="earlier"/>, made at an earlier Council of the same
    /// partnership (the caller checks that with <see cref="FollowThroughRules"/>): one journal entry. Linking twice,
    /// or to itself, is refused.
    /// </summary>
    public Continuation Continue(Deliverable earlier, string basis, string linkedBy, DateTime nowUtc, string? note = null)
    {
        if (ReferenceEquals(earlier, this) || (earlier.Id != 0 && earlier.Id == Id))
        {
            throw new ArgumentException("A deliverable cannot continue itself.", nameof(earlier));
        }

        if (_continues.Any(c => ReferenceEquals(c.Earlier, earlier) || (earlier.Id != 0 && c.EarlierId == earlier.Id)))
        {
            throw new ArgumentException($"It already continues deliverable #{earlier.Id}.", nameof(earlier));
        }

        note = Blank(TextRules.Require("The note for the history", note, StatusChange.NoteMaxLength, TextKind.Markdown));
        var before = Snapshot();
        var continuation = new Continuation(this, earlier, basis, linkedBy, nowUtc);
        _continues.Add(continuation);
        AppendJournal(before, linkedBy, nowUtc, note, statusChange: null, always: true);
        return continuation;
    }

    /// <summary>Removes the link to an earlier deliverable, journalled with who, when and why; false when there was none.</summary>
    public bool StopContinuing(int earlierId, string changedBy, DateTime nowUtc, string? note)
    {
        note = Blank(TextRules.Require("The note for the history", note, StatusChange.NoteMaxLength, TextKind.Markdown));
        var link = _continues.FirstOrDefault(c => c.EarlierId == earlierId);
        if (link is null)
        {
            return false;
        }

        var before = Snapshot();
        _continues.Remove(link);
        AppendJournal(before, changedBy, nowUtc, note, statusChange: null, always: true);
        return true;
    }

    /// <summary>Refuses, before anything changes, an update that breaks a rule the form should have explained.</summary>
    private static void Check(DeliverableUpdate update)
    {
        CheckProgress(update.Progress);
        if (update.Title is not null)
        {
            TextRules.Require("The title", update.Title, TitleMaxLength, TextKind.SingleLine, required: true);
        }

        TextRules.Require("The EU-side lead", update.EuLead, LeadMaxLength, TextKind.SingleLine);
        TextRules.Require("The partner-side lead", update.PartnerLead, LeadMaxLength, TextKind.SingleLine);
        TextRules.Require("The notes", update.Notes, NotesMaxLength, TextKind.Markdown);
        TextRules.Require("The note for the history", update.ChangeNote, StatusChange.NoteMaxLength, TextKind.Markdown);
        update.Japanese?.Checked();
        foreach (var link in update.EvidenceLinks)
        {
            EvidenceLink.Check(link.Url, link.Title);
        }
    }

    private static void CheckProgress(int? progress)
    {
        if (progress is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(progress), progress, "Progress is a percentage from 0 to 100.");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }
    public IReadOnlyList<EvidenceLink> EvidenceLinks => _evidenceLinks;
    public IReadOnlyList<Area> Areas => _areas;

    /// <summary>The earlier Councils' deliverables this one continues (loaded when asked for).</summary>
    public IReadOnlyList<Continuation> Continues => _continues;
}
