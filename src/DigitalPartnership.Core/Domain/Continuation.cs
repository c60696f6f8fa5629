namespace DigitalPartnership.Core.Domain;

/// <summary>
/// Follow-through from one Council to the next: a deliverable of a later Council continues (reports on, carries on)
/// a deliverable of an earlier Council of the same partnership. Proposed at import and accepted by an editor, or
/// added later; removing one is journalled on the later deliverable, so the record of it stays.
/// </summary>
public sealed class Continuation
{
    public const int BasisMaxLength = 600;

    private Continuation() { }

    internal Continuation(Deliverable deliverable, Deliverable earlier, string basis, string linkedBy, DateTime linkedAtUtc)
    {
        Deliverable = deliverable;
        Earlier = earlier;
        Basis = TextRules.Require("The reason for the link", basis, BasisMaxLength, TextKind.SingleLine, required: true)!;
        LinkedBy = linkedBy;
        LinkedAtUtc = linkedAtUtc;
    }

    public int Id { get; private set; }

    /// <summary>The later deliverable, which continues <see cref="Earlier"/>.</summary>
    public int DeliverableId { get; private set; }
    public Deliverable Deliverable { get; private set; } = null!;

    public int EarlierId { get; private set; }
    public Deliverable Earlier { get; private set; } = null!;

    /// <summary>Why the two were linked, in words: the proposal's score and what it rests on, or "Linked by an editor".</summary>
    public string Basis { get; private set; } = "";

    public string LinkedBy { get; private set; } = "";
    public DateTime LinkedAtUtc { get; private set; }
}
