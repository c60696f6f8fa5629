namespace DigitalPartnership.Core.Domain;

/// <summary>One key outcome of a meeting ("Digital Identity and Trust Services: …").</summary>
public sealed class Outcome
{
    public const int TitleMaxLength = 500;
    public const int SummaryMaxLength = 8000;
    public const int SectionMaxLength = 300;

    private readonly List<Deliverable> _deliverables = [];
    private readonly List<Area> _areas = [];
    private readonly List<JournalEntry> _journal = [];

    private Outcome() { }

    internal Outcome(Meeting meeting, string slug, string title, string summary, int position, IEnumerable<Area> areas, string? section = null)
    {
        section = string.IsNullOrWhiteSpace(section) ? null : section.Trim();
        Meeting = meeting;
        Section = TextRules.Require("The section heading", section, SectionMaxLength, TextKind.SingleLine);
        Slug = slug;
        (Title, Summary) = Checked(title, summary);
        Position = position;
        _areas.AddRange(areas);
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public Meeting Meeting { get; private set; } = null!;
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";

    /// <summary>The title in Japanese, when an editor has given one; Japanese readers see it instead of <see cref="Title"/>.</summary>
    public string? TitleJapanese { get; private set; }

    /// <summary>The summary in Japanese (Markdown), when an editor has written one.</summary>
    public string? SummaryJapanese { get; private set; }

    /// <summary>
    /// The section of the meeting text that groups this outcome with others ("A. Digital Infrastructure and
    /// Connectivity"), as printed; null when the text has no sections.
    /// </summary>
    public string? Section { get; private set; }

    /// <summary>Order within the meeting text, from 1.</summary>
    public int Position { get; private set; }

    /// <summary>Optimistic concurrency token: every accepted edit increments it.</summary>
    [System.ComponentModel.DataAnnotations.ConcurrencyCheck]
    public int Version { get; private set; }

    public IReadOnlyList<Deliverable> Deliverables => _deliverables;

    /// <summary>Every accepted correction, field by field; append-only.</summary>
    public IReadOnlyList<JournalEntry> Journal => _journal;

    /// <summary>
    /// An editor's correction of the title or summary, and of their Japanese (<paramref name="japanese"/> null keeps it),
    /// journalled field by field with the editor's reason.
    /// </summary>
    public JournalEntry? Edit(string title, string summary, string editedBy, DateTime nowUtc, string? note = null, JapaneseVersion? japanese = null)
    {
        (title, summary) = Checked(title, summary);
        japanese = japanese?.Checked();
        var before = Snapshot();
        Title = title;
        Summary = summary;
        if (japanese is not null)
        {
            (TitleJapanese, SummaryJapanese) = (japanese.Title, japanese.Summary);
        }

        Version++;
        var details = JournalFields.Between(before, Snapshot());
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (details.Count == 0 && note is null)
        {
            return null;
        }

        var entry = JournalEntry.For(this, nowUtc, editedBy, note);
        entry.Add(details);
        _journal.Add(entry);
        return entry;
    }

    /// <summary>A title (one line, required) and a summary (Markdown) within their limits, trimmed; throws otherwise.</summary>
    private static (string Title, string Summary) Checked(string title, string summary)
    {
        TextRules.Require("The title", title, TitleMaxLength, TextKind.SingleLine, required: true);
        TextRules.Require("The summary", summary, SummaryMaxLength, TextKind.Markdown);
        return (title.Trim(), summary.Trim());
    }

    private IReadOnlyList<(string Field, string? Value)> Snapshot() =>
    [
        (JournalFields.Title, Title),
        (JournalFields.Summary, Summary),
        (JournalFields.TitleJapanese, TitleJapanese),
        (JournalFields.SummaryJapanese, SummaryJapanese),
        (JournalFields.Areas, _areas.Count == 0 ? null : string.Join("; ", _areas.Select(a => a.Name).Order(StringComparer.Ordinal))),
    ];
    public IReadOnlyList<Area> Areas => _areas;

    public Deliverable AddDeliverable(string title, DeliverableStatus status, string? sourceSentence, IEnumerable<Area> areas,
        DateTime nowUtc, string addedBy, string historyNote)
    {
        var deliverable = new Deliverable(this, _deliverables.Count + 1, title, status, sourceSentence, areas, nowUtc, addedBy, historyNote);
        _deliverables.Add(deliverable);
        return deliverable;
    }
}
