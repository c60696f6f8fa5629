using System.Text.RegularExpressions;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Proposes a deliverable's first status from the verb of its sentence: "was signed" → Completed,
/// "have been launched" → In progress, "will be established" / "agreed to" → Not started. Editors correct it.
/// </summary>
public static class StatusProposal
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    // Every pattern is a short alternation over one sentence; the timeout is a backstop, never the plan.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // Order breaks ties between rules that match at the same place ("have been launched" before "have been …ed").
    private static readonly (Regex Verb, DeliverableStatus Status)[] Rules =
    [
        (new(@"\b(?:has|have|had) been\s+(?:\w+ly\s+)?(?:launched|initiated|started|kicked off|set in motion)\b", Options, Timeout), DeliverableStatus.InProgress),
        (new(@"\b(?:was|were|has been|have been)\s+(?:\w+ly\s+)?(?:signed|concluded|adopted|completed|finali[sz]ed|published|established|set up|delivered|achieved|endorsed|approved|issued|reached|held|opened|put in place)\b", Options, Timeout), DeliverableStatus.Completed),
        (new(@"\b(?:was|were)\s+(?:\w+ly\s+)?(?:launched|initiated|started|kicked off)\b", Options, Timeout), DeliverableStatus.InProgress),
        (new(@"\b(?:is|are)\s+(?:under\s?way|ongoing|progressing|being\s+\w+ed)\b", Options, Timeout), DeliverableStatus.InProgress),
        (new(@"\b(?:continues?|continued|continuing|keep|keeps) (?:to|working)\b", Options, Timeout), DeliverableStatus.InProgress),
        // "We have issued a roadmap", "have completed a mechanism": a result the text reports as done.
        (new(@"\b(?:has|have)\s+(?:\w+ly\s+)?(?!(?:launched|initiated|started|begun|been)\b)(?:\w+ed|made|built|taken|held|undertaken|set up)\b", Options, Timeout), DeliverableStatus.Completed),
        (new(@"\b(?:signed|concluded|adopted|endorsed|approved|finali[sz]ed)\b", Options, Timeout), DeliverableStatus.Completed),
        (new(@"\b(?:hosted|held|organi[sz]ed|released|issued|published|convened|established|completed)\b", Options, Timeout), DeliverableStatus.Completed),
        (new(@"\bwelcomed?\s+the\s+(?:signing|conclusion|adoption|publication)\b", Options, Timeout), DeliverableStatus.Completed),
        (new(@"\b(?:launched|initiated|started|began|kicked off)\b", Options, Timeout), DeliverableStatus.InProgress),
        (new(@"\b(?:will|shall)\b", Options, Timeout), DeliverableStatus.NotStarted),
        (new(@"\bagreed\b", Options, Timeout), DeliverableStatus.NotStarted),
        (new(@"\b(?:plans?|planned|intends?|aims?|decided|committed|commits?|pledged|undertook) to\b", Options, Timeout), DeliverableStatus.NotStarted),
        (new(@"\bto be\s+\w+ed\b", Options, Timeout), DeliverableStatus.NotStarted),
        (new(@"\bexplor(?:e|es|ing)\b", Options, Timeout), DeliverableStatus.NotStarted),
    ];

    /// <summary>The status the first commitment verb in <paramref name="clause"/> implies; Not started when none does.</summary>
    public static DeliverableStatus For(string clause) => FindVerb(clause)?.Status ?? DeliverableStatus.NotStarted;

    /// <summary>True when the clause carries a commitment verb of its own (so it can stand as a deliverable).</summary>
    public static bool HasCommitmentVerb(string clause) => FindVerb(clause) is not null;

    /// <summary>Where the first commitment verb of <paramref name="clause"/> stands, or null.</summary>
    internal static int? FirstVerbIndex(string clause) => FindVerb(clause)?.Index;

    private static (int Index, DeliverableStatus Status)? FindVerb(string clause)
    {
        (int Index, DeliverableStatus Status)? earliest = null;
        foreach (var (verb, status) in Rules)
        {
            var match = verb.Match(clause);
            if (match.Success && (earliest is null || match.Index < earliest.Value.Index))
            {
                earliest = (match.Index, status); // the main verb comes first; later verbs describe its purpose
            }
        }

        return earliest;
    }
}
