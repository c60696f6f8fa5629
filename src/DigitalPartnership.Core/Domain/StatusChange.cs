namespace DigitalPartnership.Core.Domain;

/// <summary>One append-only history row: who moved a deliverable from which status to which, when (UTC) and why.</summary>
public sealed class StatusChange
{
    public const int NoteMaxLength = 4000;

    private StatusChange() { }

    internal StatusChange(Deliverable deliverable, DateTime changedAtUtc, string changedBy, DeliverableStatus? from,
        DeliverableStatus to, int? progress, string? note)
    {
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
    public int? Progress { get; private set; }
    public string? Note { get; private set; }
}
