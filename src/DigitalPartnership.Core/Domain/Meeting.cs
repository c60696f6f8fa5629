namespace DigitalPartnership.Core.Domain;

/// <summary>A Council meeting, with the verbatim text it was imported from.</summary>
public sealed class Meeting
{
    public const int TitleMaxLength = 500;
    public const int SourceFileNameMaxLength = 260;

    private readonly List<Outcome> _outcomes = [];
    private readonly List<JournalEntry> _journal = [];

    private Meeting() { }

    public Meeting(Partnership partnership, string title, MeetingPlace place, string sourceFileName, string sourceText,
        string sourceHash, DateTime importedAtUtc, DateOnly? endDate = null)
    {
        Partnership = partnership;
        Title = TextRules.Require("The title", title, TitleMaxLength, TextKind.SingleLine, required: true)!;
        Place = place.Checked() with { Year = place.Year ?? place.Date?.Year };
        EndDate = LastDayAfter(Place.Date, endDate);
        SourceFileName = TextRules.Require("The name of the source", sourceFileName, SourceFileNameMaxLength, TextKind.SingleLine, required: true)!;
        SourceText = sourceText;
        SourceHash = sourceHash;
        ImportedAtUtc = importedAtUtc;
    }

    public int Id { get; private set; }
    public int PartnershipId { get; private set; }
    public Partnership Partnership { get; private set; } = null!;
    public string Title { get; private set; } = "";

    /// <summary>Which Council, where and when (mapped as a complex type: the columns Ordinal, City, Country, Date, Year).</summary>
    public MeetingPlace Place { get; private set; } = new(null, null, null, null, null);

    /// <summary>
    /// The last day of a Council held over several days ("4 and 5 June 2025"); null for a one-day Council or when the
    /// text gives no date. Always after <see cref="MeetingPlace.Date"/>, which is the first day.
    /// </summary>
    public DateOnly? EndDate { get; private set; }

    public string SourceFileName { get; private set; } = "";
    public string SourceText { get; private set; } = "";

    /// <summary>SHA-256 of the text, so importing the same text twice is recognised and changes nothing.</summary>
    public string SourceHash { get; private set; } = "";
    public DateTime ImportedAtUtc { get; private set; }

    public IReadOnlyList<Outcome> Outcomes => _outcomes;

    /// <summary>Every correction of this Council's facts (and of the next Council it announced), with the reason.</summary>
    public IReadOnlyList<JournalEntry> Journal => _journal;

    /// <summary>Optimistic concurrency token: every accepted correction increments it.</summary>
    [System.ComponentModel.DataAnnotations.ConcurrencyCheck]
    public int Version { get; private set; }

    /// <summary>
    /// An editor's correction of which Council this was, where and when, and of the next Council it announced
    /// (<paramref name="next"/>, when it announced one). One journal entry carries every changed value and the reason;
    /// nothing is written when nothing changed.
    /// </summary>
    public JournalEntry? Correct(MeetingPlace place, Milestone? nextCouncil, MeetingPlace? next, string reason, string correctedBy, DateTime nowUtc)
    {
        place.Checked();
        next?.Checked();
        var before = Snapshot(nextCouncil);
        // A range starts on the first day: a corrected first day leaves the text's last day unproven, so it goes too.
        if (place.Date != Place.Date)
        {
            EndDate = null;
        }

        Place = place with { Year = place.Date?.Year ?? place.Year };
        if (nextCouncil is not null && next is not null)
        {
            nextCouncil.Correct(next);
        }

        var details = JournalFields.Between(before, Snapshot(nextCouncil));
        if (details.Count == 0)
        {
            return null;
        }

        Version++;
        var entry = JournalEntry.For(this, nowUtc, correctedBy, reason.Trim());
        entry.Add(details);
        _journal.Add(entry);
        return entry;
    }

    private static DateOnly? LastDayAfter(DateOnly? first, DateOnly? last) =>
        first is { } start && last is { } end && end > start ? end : null;

    private IReadOnlyList<(string Field, string? Value)> Snapshot(Milestone? next)
    {
        var fields = new List<(string Field, string? Value)>
        {
            (JournalFields.Ordinal, JournalFields.Text(Place.Ordinal)),
            (JournalFields.City, Place.City),
            (JournalFields.Country, Place.Country),
            (JournalFields.Date, JournalFields.Text(Place.Date)),
            (JournalFields.EndDate, JournalFields.Text(EndDate)),
            (JournalFields.Year, JournalFields.Text(Place.Year)),
        };
        if (next is not null)
        {
            fields.Add((JournalFields.NextOrdinal, JournalFields.Text(next.Place.Ordinal)));
            fields.Add((JournalFields.NextCity, next.Place.City));
            fields.Add((JournalFields.NextCountry, next.Place.Country));
            fields.Add((JournalFields.NextDate, JournalFields.Text(next.Place.Date)));
            fields.Add((JournalFields.NextYear, JournalFields.Text(next.Place.Year)));
        }

        return fields;
    }

    /// <param name="section">The section of the text that groups the outcome ("A. Digital Infrastructure…"), or null.</param>
    public Outcome AddOutcome(string slug, string title, string summary, IEnumerable<Area> areas, string? section = null)
    {
        var outcome = new Outcome(this, slug, title, summary, _outcomes.Count + 1, areas, section);
        _outcomes.Add(outcome);
        return outcome;
    }
}
