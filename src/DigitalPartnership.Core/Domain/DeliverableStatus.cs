namespace DigitalPartnership.Core.Domain;

/// <summary>Where a deliverable stands. Values are stored, so they are fixed; their order is the workflow order.</summary>
public enum DeliverableStatus
{
    NotStarted = 0,
    InProgress = 1,
    AtRisk = 2,
    Delayed = 3,
    Completed = 4,
    Discontinued = 5,
}

public static class DeliverableStatusText
{
    public static IReadOnlyList<DeliverableStatus> All { get; } = Enum.GetValues<DeliverableStatus>();

    /// <summary>
    /// The statuses in which a deliverable is finished with, one way or the other: it can no longer be overdue. Queries
    /// ask <c>!Closed.Contains(d.Status)</c>, which the database reads as <c>NOT IN (…)</c>.
    /// </summary>
    public static readonly DeliverableStatus[] Closed = [DeliverableStatus.Completed, DeliverableStatus.Discontinued];

    /// <summary>The words people read and type: "Not started", "In progress"…</summary>
    public static string DisplayName(this DeliverableStatus status) => status switch
    {
        DeliverableStatus.NotStarted => "Not started",
        DeliverableStatus.InProgress => "In progress",
        DeliverableStatus.AtRisk => "At risk",
        DeliverableStatus.Delayed => "Delayed",
        DeliverableStatus.Completed => "Completed",
        DeliverableStatus.Discontinued => "Discontinued",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// The status's colour, the one place it is defined: the pages get it as a CSS variable (<c>--status-in-progress</c>)
    /// and the PDF briefing draws with it, so a status looks the same on screen, on paper and in a chart.
    /// Each is dark enough for its text on white and on the page's tint (at least 4.5:1, WCAG AA), and so at least 3:1
    /// as a bar segment beside white; status is never shown by colour alone (a word and a shape go with it).
    /// </summary>
    public static string Colour(this DeliverableStatus status) => status switch
    {
        DeliverableStatus.NotStarted => "#6c757d",
        DeliverableStatus.InProgress => "#0b63ce",
        DeliverableStatus.AtRisk => "#8a5d00", // was #b58100: 3.4:1 on white
        DeliverableStatus.Delayed => "#b0420b", // was #d0500f: 4.3:1 on white
        DeliverableStatus.Completed => "#1a7f45",
        DeliverableStatus.Discontinued => "#3d3d3d",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The lowercase token used in addresses: <c>/deliverables?status=in-progress</c>.</summary>
    public static string Slug(this DeliverableStatus status) => status.DisplayName().ToLowerInvariant().Replace(' ', '-');

    /// <summary>Accepts the slug, the display name or the enum name, in any case.</summary>
    public static bool TryParse(string? value, out DeliverableStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var key = value.Trim().Replace('-', ' ').Replace('_', ' ');
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.DisplayName(), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), key.Replace(" ", ""), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }
}
