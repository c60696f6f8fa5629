using System.Text.RegularExpressions;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Web.Pages.Admin;

/// <summary>
/// The audit log in words: each stable action name of <see cref="AuditActions"/> (kept as stored, for filters and
/// exports that must not change meaning) with the name of its kind for the filter, and the sentence a person reads
/// ("Updated deliverable #12", "Locked account ana@example.org"). The one place the portal words its audit events.
/// </summary>
public static partial class AuditEvents
{
    /// <summary>The kinds of event, in the order the filter lists them: action name and what a person calls it.</summary>
    public static IReadOnlyList<(string Action, string Name)> Kinds { get; } =
    [
        (AuditActions.SignInSucceeded, "Signed in"),
        (AuditActions.SignInFailed, "Sign-in refused"),
        (AuditActions.SignedOutEverywhere, "Signed out everywhere"),
        (AuditActions.DeliverableUpdated, "Deliverable updated"),
        (AuditActions.DeliverableCreated, "Deliverable added"),
        (AuditActions.DeliverablesBulkUpdated, "Deliverables updated together"),
        (AuditActions.OutcomeUpdated, "Outcome corrected"),
        (AuditActions.MeetingCorrected, "Council corrected"),
        (AuditActions.CouncilTextImported, "Council text imported"),
        (AuditActions.AccountCreated, "Account created"),
        (AuditActions.AccountRolesChanged, "Roles changed"),
        (AuditActions.AccountLocked, "Account locked"),
        (AuditActions.AccountUnlocked, "Account unlocked"),
    ];

    public static bool IsKnown(string action) => Kinds.Any(kind => kind.Action == action);

    /// <summary>What happened, as a sentence: the kind of event with what it was done to, taken from the subject.</summary>
    public static string Describe(string action, string subject)
    {
        var account = Prefixed(subject, "Account: ");
        var deliverable = DeliverableNumber().Match(subject) is { Success: true } m ? m.Groups["number"].Value : null;
        return action switch
        {
            AuditActions.SignInSucceeded => "Signed in",
            AuditActions.SignInFailed => "Sign-in refused",
            AuditActions.SignedOutEverywhere => "Signed out everywhere",
            AuditActions.DeliverableUpdated => deliverable is null ? "Updated a deliverable" : $"Updated deliverable #{deliverable}",
            AuditActions.DeliverableCreated => deliverable is null ? "Added a deliverable" : $"Added deliverable #{deliverable}",
            AuditActions.DeliverablesBulkUpdated => $"Updated {subject} together",
            AuditActions.OutcomeUpdated => "Corrected an outcome",
            AuditActions.MeetingCorrected => "Corrected a Council's date, place or ordinal",
            AuditActions.CouncilTextImported => "Imported a Council text",
            AuditActions.AccountCreated => $"Created account {account}",
            AuditActions.AccountRolesChanged => $"Changed the roles of {account}",
            AuditActions.AccountLocked => $"Locked account {account}",
            AuditActions.AccountUnlocked => $"Unlocked account {account}",
            _ => action, // an action this version has no words for yet is shown as stored, never hidden
        };
    }

    /// <summary>The deliverable an event is about ("Deliverable #12: …" → 12), to link to it.</summary>
    public static int? DeliverableId(string subject) =>
        DeliverableNumber().Match(subject) is { Success: true } m && int.TryParse(m.Groups["number"].Value, out var id) ? id : null;

    private static string Prefixed(string subject, string prefix) =>
        subject.StartsWith(prefix, StringComparison.Ordinal) ? subject[prefix.Length..] : subject;

    [GeneratedRegex(@"^Deliverable #(?<number>\d{1,9})\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DeliverableNumber();
}
