namespace DigitalPartnership.Core.Domain;

/// <summary>
/// One line of the audit log: who did what to what, when (UTC). Written in the same save as the change it records,
/// so the log and the data cannot disagree; the portal offers no way to edit or delete it.
/// </summary>
public sealed class AuditEntry
{
    public const int DetailsMaxLength = 4000;

    private AuditEntry() { }

    public AuditEntry(DateTime atUtc, string actor, string action, string subject, string? details)
    {
        AtUtc = atUtc;
        Actor = Truncate(actor, 256);
        Action = action;
        Subject = Truncate(subject, 300);
        Details = details is null ? null : Truncate(details, DetailsMaxLength);
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string Actor { get; private set; } = "";

    /// <summary>What happened, as a stable dotted name: <c>deliverable.updated</c>, <c>account.locked</c>…</summary>
    public string Action { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string? Details { get; private set; }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string DeliverableUpdated = "deliverable.updated";
    public const string DeliverableCreated = "deliverable.created";
    public const string DeliverablesBulkUpdated = "deliverables.bulk-updated";
    public const string OutcomeUpdated = "outcome.updated";
    public const string MeetingCorrected = "meeting.corrected";
    public const string CouncilTextImported = "council-text.imported";
    public const string AccountCreated = "account.created";
    public const string AccountRolesChanged = "account.roles-changed";
    public const string AccountLocked = "account.locked";
    public const string AccountUnlocked = "account.unlocked";
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignedOutEverywhere = "sign-in.ended-everywhere";
}
