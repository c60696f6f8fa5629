namespace DigitalPartnership.Core.Domain;

/// <summary>What a journal entry is about: exactly one of a deliverable, an outcome or a Council meeting.</summary>
public enum JournalSubject
{
    Deliverable = 0,
    Outcome = 1,
    Meeting = 2,
}

/// <summary>
/// One accepted save, append-only: who, when (UTC), why, and one <see cref="JournalDetail"/> per field it changed. The
/// typed status timeline (<see cref="StatusChange"/>) stays beside it for reports; the journal keeps everything else.
/// </summary>
public sealed class JournalEntry
{
    public const int NoteMaxLength = StatusChange.NoteMaxLength;

    /// <summary>Who saved: a person's e-mail address or a tool's name, as Identity limits a user name.</summary>
    public const int ByMaxLength = 256;

    private readonly List<JournalDetail> _details = [];

    private JournalEntry() { }

    private JournalEntry(DateTime atUtc, string by, string? note)
    {
        AtUtc = atUtc;
        By = by;
        Note = note;
    }

    internal static JournalEntry For(Deliverable deliverable, DateTime atUtc, string by, string? note) =>
        new(atUtc, by, note) { Subject = JournalSubject.Deliverable, Deliverable = deliverable };

    internal static JournalEntry For(Outcome outcome, DateTime atUtc, string by, string? note) =>
        new(atUtc, by, note) { Subject = JournalSubject.Outcome, Outcome = outcome };

    internal static JournalEntry For(Meeting meeting, DateTime atUtc, string by, string? note) =>
        new(atUtc, by, note) { Subject = JournalSubject.Meeting, Meeting = meeting };

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string By { get; private set; } = "";

    /// <summary>The editor's reason for the save (Markdown), when given.</summary>
    public string? Note { get; private set; }

    public JournalSubject Subject { get; private set; }
    public int? DeliverableId { get; private set; }
    public Deliverable? Deliverable { get; private set; }
    public int? OutcomeId { get; private set; }
    public Outcome? Outcome { get; private set; }
    public int? MeetingId { get; private set; }
    public Meeting? Meeting { get; private set; }

    /// <summary>The status timeline row written in the same save, when the save moved the status or progress.</summary>
    public long? StatusChangeId { get; private set; }
    public StatusChange? StatusChange { get; internal set; }

    public IReadOnlyList<JournalDetail> Details => _details;

    internal void Add(IEnumerable<JournalDetail> details) => _details.AddRange(details);

    /// <summary>For the entry of a save still being built (a creation completed before it is stored).</summary>
    internal void ReplaceDetails(IEnumerable<JournalDetail> details)
    {
        _details.Clear();
        _details.AddRange(details);
    }
}

/// <summary>One changed field of a journal entry: its name and its value before and after, as text.</summary>
public sealed class JournalDetail
{
    public const int FieldMaxLength = 64;

    private JournalDetail() { }

    internal JournalDetail(string field, string? oldValue, string? newValue)
    {
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    public long Id { get; private set; }
    public long JournalEntryId { get; private set; }

    /// <summary>A stable name from <see cref="JournalFields"/>.</summary>
    public string Field { get; private set; } = "";
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
}
