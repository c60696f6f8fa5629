using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Importing;

/// <summary>Everything one Council text yields, before anything is stored.</summary>
public sealed record CouncilText(
    string Title,
    PartnershipName? Partnership,
    MeetingPlace Meeting,
    IReadOnlyList<AreaDefinition> Areas,
    IReadOnlyList<ParsedOutcome> Outcomes,
    MeetingPlace? NextMeeting,
    IReadOnlyList<SourceSection> Sections);

/// <summary>"EU–Japan Digital Partnership", with the partner named on its own.</summary>
public sealed record PartnershipName(string Name, string Partner);

public sealed record ParsedOutcome(string Title, string Summary, IReadOnlyList<AreaDefinition> Areas, IReadOnlyList<ParsedDeliverable> Deliverables);

/// <summary>One commitment: its wording, the status its verb proposes and the sentence it came from.</summary>
public sealed record ParsedDeliverable(string Title, DeliverableStatus Status, string Source, IReadOnlyList<AreaDefinition> Areas);

/// <summary>What a part of the source text is, so the meeting page can show what was taken from each part.</summary>
public enum SectionRole
{
    Headline,
    Introduction,
    Outcome,
    NextMeeting,
    Context,

    /// <summary>Not part of the meeting (a closing advertisement, a tag line): yields nothing.</summary>
    Ignored,
}

/// <summary>One block of the source text as Markdown, its role, and for an outcome its index in <see cref="CouncilText.Outcomes"/>.</summary>
public sealed record SourceSection(string Markdown, SectionRole Role, int? OutcomeIndex = null);

/// <summary>The text cannot be imported; the message says why in one line.</summary>
public sealed class CouncilTextException(string message) : Exception(message);
