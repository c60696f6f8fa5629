namespace DigitalPartnership.Core.Domain;

/// <summary>A Council meeting, with the verbatim text it was imported from.</summary>
public sealed class Meeting
{
    private readonly List<Outcome> _outcomes = [];

    private Meeting() { }

    public Meeting(Partnership partnership, string title, MeetingPlace place, string sourceFileName, string sourceText,
        string sourceHash, DateTime importedAtUtc)
    {
        Partnership = partnership;
        Title = title;
        Place = place with { Year = place.Year ?? place.Date?.Year };
        SourceFileName = sourceFileName;
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

    public string SourceFileName { get; private set; } = "";
    public string SourceText { get; private set; } = "";

    /// <summary>SHA-256 of the text, so importing the same text twice is recognised and changes nothing.</summary>
    public string SourceHash { get; private set; } = "";
    public DateTime ImportedAtUtc { get; private set; }

    public IReadOnlyList<Outcome> Outcomes => _outcomes;


    public Outcome AddOutcome(string slug, string title, string summary, IEnumerable<Area> areas)
    {
        var outcome = new Outcome(this, slug, title, summary, _outcomes.Count + 1, areas);
        _outcomes.Add(outcome);
        return outcome;
    }
}
