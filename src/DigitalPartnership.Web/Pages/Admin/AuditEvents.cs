using System.Globalization;
using System.Text.RegularExpressions;
using DigitalPartnership.Core.Domain;
using Microsoft.Extensions.Localization;

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
    /// <param name="words">The reader's language (the page's <c>AuditModel</c> texts); without it, English as stored exports write it.</param>
    public static string Describe(string action, string subject, IStringLocalizer? words = null)
    {
        string W(string format, params object[] arguments) => words is null
            ? string.Format(CultureInfo.CurrentCulture, format, arguments)
            : words[format, arguments].Value;

        var account = Prefixed(subject, "Account: ");
        var deliverable = DeliverableNumber().Match(subject) is { Success: true } m ? m.Groups["number"].Value : null;
        return action switch
        {
            AuditActions.SignInSucceeded => W("Signed in"),
            AuditActions.SignInFailed => W("Sign-in refused"),
            AuditActions.SignedOutEverywhere => W("Signed out everywhere"),
            AuditActions.DeliverableUpdated => deliverable is null ? W("Updated a deliverable") : W("Updated deliverable #{0}", deliverable),
            AuditActions.DeliverableCreated => deliverable is null ? W("Added a deliverable") : W("Added deliverable #{0}", deliverable),
            AuditActions.DeliverablesBulkUpdated => W("Updated {0} together", subject),
            AuditActions.OutcomeUpdated => W("Corrected an outcome"),
            AuditActions.MeetingCorrected => W("Corrected a Council's date, place or ordinal"),
            AuditActions.CouncilTextImported => W("Imported a Council text"),
            AuditActions.AccountCreated => W("Created account {0}", account),
            AuditActions.AccountRolesChanged => W("Changed the roles of {0}", account),
            AuditActions.AccountLocked => W("Locked account {0}", account),
            AuditActions.AccountUnlocked => W("Unlocked account {0}", account),
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
