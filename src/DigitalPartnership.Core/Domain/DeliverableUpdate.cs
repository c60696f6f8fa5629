namespace DigitalPartnership.Core.Domain;

/// <summary>
/// What an editor sets on a deliverable in one save. <see cref="Title"/> null keeps the title; <see cref="Japanese"/>
/// null keeps the Japanese title and summary (a save that does not show them, such as a bulk update, leaves them be).
/// </summary>
public sealed record DeliverableUpdate(
    DeliverableStatus Status,
    int? Progress,
    string? EuLead,
    string? PartnerLead,
    DateOnly? TargetDate,
    string? Notes,
    string? ChangeNote,
    IReadOnlyList<EvidenceLinkInput> EvidenceLinks,
    string? Title = null,
    JapaneseVersion? Japanese = null);

/// <summary>An evidence link as typed: an http(s) address and an optional title.</summary>
public sealed record EvidenceLinkInput(string Url, string? Title);
