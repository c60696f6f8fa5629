namespace DigitalPartnership.Core.Domain;

/// <summary>
/// What one history row changed, as a reader says it: "In progress → At risk", "Progress 10% → 40%" (never
/// "At risk → At risk" for a change of progress alone), both, or "Created as Not started".
/// </summary>
public sealed record HistoryChange(DeliverableStatus? FromStatus, DeliverableStatus ToStatus, int? FromProgress, int? ToProgress)
{
    /// <summary>The row that records the deliverable coming into being.</summary>
    public bool IsCreation => FromStatus is null;

    public bool StatusChanged => FromStatus is { } from && from != ToStatus;

    public bool ProgressChanged => !IsCreation && FromProgress != ToProgress;

    /// <summary>"Progress 10% → 40%", "Progress set to 40%", "Progress cleared (was 40%)"; null when progress did not move.</summary>
    public string? ProgressText => !ProgressChanged ? null : (FromProgress, ToProgress) switch
    {
        (null, { } to) => $"Progress set to {to}%",
        ({ } from, null) => $"Progress cleared (was {from}%)",
        var (from, to) => $"Progress {from}% → {to}%",
    };

    /// <summary>The whole change in one line, for places that show it as plain text.</summary>
    public string Text
    {
        get
        {
            if (IsCreation)
            {
                return $"Created as {ToStatus.DisplayName()}";
            }

            var parts = new List<string>(2);
            if (StatusChanged)
            {
                parts.Add($"{FromStatus!.Value.DisplayName()} → {ToStatus.DisplayName()}");
            }

            if (ProgressText is { } progress)
            {
                parts.Add(progress);
            }

            return parts.Count == 0 ? $"{ToStatus.DisplayName()}, status and progress unchanged" : string.Join("; ", parts);
        }
    }
}
