namespace DigitalPartnership.Core.Domain;

/// <summary>
/// One append-only history row: who moved a deliverable from which status and progress to which, when (UTC) and why.
/// </summary>
public sealed class StatusChange
{
    public const int NoteMaxLength = 4000;

    private StatusChange() { }

    internal StatusChange(Deliverable deliverable, DateTime changedAtUtc, string changedBy, DeliverableStatus? from,
        DeliverableStatus to, int? progress, string? note, int? fromProgress = null)
    {
        FromProgress = fromProgress;
        Deliverable = deliverable;
        ChangedAtUtc = changedAtUtc;
        ChangedBy = changedBy;
        FromStatus = from;
        ToStatus = to;
        Progress = progress;
        Note = note;
    }

    public long Id { get; private set; }
    public int DeliverableId { get; private set; }
    public Deliverable Deliverable { get; private set; } = null!;
    public DateTime ChangedAtUtc { get; private set; }
    public string ChangedBy { get; private set; } = "";

    /// <summary>Null on the first row, when the deliverable came into being.</summary>
    public DeliverableStatus? FromStatus { get; private set; }
    public DeliverableStatus ToStatus { get; private set; }
    /// <summary>The progress after the change.</summary>
    public int? Progress { get; private set; }

    /// <summary>
    /// The progress before the change, so a change of progress alone reads "Progress 10% → 40%". Null on the first row,
    /// and where no progress was set.
    /// </summary>
    public int? FromProgress { get; private set; }
    public string? Note { get; private set; }
}
