namespace DigitalPartnership.Core.Domain;

/// <summary>One key outcome of a meeting ("Digital Identity and Trust Services: …").</summary>
public sealed class Outcome
{
    public const int TitleMaxLength = 500;
    public const int SummaryMaxLength = 8000;

    private readonly List<Deliverable> _deliverables = [];
    private readonly List<Area> _areas = [];

    private Outcome() { }

    internal Outcome(Meeting meeting, string slug, string title, string summary, int position, IEnumerable<Area> areas)
    {
        Meeting = meeting;
        Slug = slug;
        Title = title;
        Summary = summary;
        Position = position;
        _areas.AddRange(areas);
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public Meeting Meeting { get; private set; } = null!;
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";

    /// <summary>Order within the meeting text, from 1.</summary>
    public int Position { get; private set; }

    /// <summary>Optimistic concurrency token: every accepted edit increments it.</summary>
    [System.ComponentModel.DataAnnotations.ConcurrencyCheck]
    public int Version { get; private set; }

    public IReadOnlyList<Deliverable> Deliverables => _deliverables;

    /// <summary>An editor's correction of the title or summary.</summary>
    public void Edit(string title, string summary)
    {
        Title = title.Trim();
        Summary = summary.Trim();
        Version++;
    }
    public IReadOnlyList<Area> Areas => _areas;

    public Deliverable AddDeliverable(string title, DeliverableStatus status, string? sourceSentence, IEnumerable<Area> areas,
        DateTime nowUtc, string addedBy, string historyNote)
    {
        var deliverable = new Deliverable(this, _deliverables.Count + 1, title, status, sourceSentence, areas, nowUtc, addedBy, historyNote);
        _deliverables.Add(deliverable);
        return deliverable;
    }
}
