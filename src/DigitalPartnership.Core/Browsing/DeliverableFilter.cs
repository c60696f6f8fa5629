using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Browsing;

public enum DeliverableSort
{
    /// <summary>The order of the Council texts: meeting, outcome, deliverable.</summary>
    Source,
    Title,
    Status,
    Target,
    Updated,
}

/// <summary>
/// The filters a reader can put on deliverables (<c>q</c>, <c>area</c>, <c>status</c>, <c>meeting</c>) and the
/// partnership they read in: one record, so the list, the dashboard, the timeline and the reports all mean the same
/// thing by them.
/// </summary>
public sealed record DeliverableFilter(
    string? Query = null,
    int? AreaId = null,
    DeliverableStatus? Status = null,
    int? MeetingId = null)
{
    public static DeliverableFilter None { get; } = new();

    /// <summary>
    /// Only the deliverables of this partnership's Councils; null for every partnership. The chosen partnership (the
    /// header's switcher, <c>partnership=</c> in the address) arrives here, so every list and count is scoped the same way.
    /// </summary>
    public int? PartnershipId { get; init; }

    /// <summary>
    /// <see cref="Query"/> read against the areas' names (the filter reader sets it); when null, the query's words are
    /// searched as text only.
    /// </summary>
    public SearchText? Search { get; init; }
}
