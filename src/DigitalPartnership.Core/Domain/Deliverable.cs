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

    private Deliverable() { }

    internal Deliverable(Outcome outcome, int position, string title, DeliverableStatus status, string? sourceSentence,
        IEnumerable<Area> areas, DateTime nowUtc, string addedBy, string historyNote)
    {
        Outcome = outcome;
        Position = position;
        Title = title;
        Status = status;
        SourceSentence = sourceSentence;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        _areas.AddRange(areas);
        // The first history row records where the status came from, so history always explains the current state.
        _history.Add(new StatusChange(this, nowUtc, addedBy, from: null, to: status, progress: null, historyNote));
    }

    public int Id { get; private set; }
    public int OutcomeId { get; private set; }
    public Outcome Outcome { get; private set; } = null!;

    /// <summary>Order within the outcome, from 1.</summary>
    public int Position { get; private set; }

    public string Title { get; private set; } = "";
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

    /// <summary>
    /// Moves the deliverable to <paramref name="status"/> and appends one history row; history is never edited in place.
    /// </summary>
    public StatusChange ChangeStatus(DeliverableStatus status, int? progress, string? note, string changedBy, DateTime nowUtc)
    {
        if (progress is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(progress), progress, "Progress is a percentage from 0 to 100.");
        }

        var change = new StatusChange(this, nowUtc, changedBy, Status, status, progress, note, fromProgress: Progress);
        _history.Add(change);
        Status = status;
        Progress = progress;
        Touch(nowUtc);
        return change;
    }

    /// <summary>Sets who leads each side and by when.</summary>
    public void SetResponsibility(string? euLead, string? partnerLead, DateOnly? targetDate, DateTime nowUtc)
    {
        EuLead = Blank(euLead);
        PartnerLead = Blank(partnerLead);
        TargetDate = targetDate;
        Touch(nowUtc);
    }

    /// <summary>
    /// An editor's save. Appends one history row when the status, the progress or the notes change, or when the editor
    /// explains the save; leads, target date and evidence change without one. Returns the row, or null.
    /// </summary>
    public StatusChange? Update(DeliverableUpdate update, string changedBy, DateTime nowUtc) => Update(update, changedBy, nowUtc, appendHistory: true);

    /// <summary>Fills in the details of a deliverable just added, whose creation row already is its history.</summary>
    public void CompleteCreation(DeliverableUpdate update, string changedBy, DateTime nowUtc) => Update(update, changedBy, nowUtc, appendHistory: false);

    private StatusChange? Update(DeliverableUpdate update, string changedBy, DateTime nowUtc, bool appendHistory)
    {
        if (update.Progress is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(update), update.Progress, "Progress is a percentage from 0 to 100.");
        }

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

        _evidenceLinks.RemoveAll(existing => !update.EvidenceLinks.Any(link => link.Url == existing.Url && link.Title == existing.Title));
        foreach (var link in update.EvidenceLinks.Where(link => !_evidenceLinks.Any(e => e.Url == link.Url && e.Title == link.Title)))
        {
            _evidenceLinks.Add(new EvidenceLink(link.Url, link.Title));
        }

        Touch(nowUtc);
        return change;
    }

    /// <summary>Replaces the areas this deliverable is filed under (an editor's correction of what the importer found).</summary>
    public void SetAreas(IEnumerable<Area> areas)
    {
        var wanted = areas.DistinctBy(a => a.Id).ToList();
        _areas.RemoveAll(area => wanted.All(w => w.Id != area.Id));
        _areas.AddRange(wanted.Where(w => _areas.All(area => area.Id != w.Id)));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }
    public IReadOnlyList<EvidenceLink> EvidenceLinks => _evidenceLinks;
    public IReadOnlyList<Area> Areas => _areas;
}
