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
    IReadOnlyList<SourceSection> Sections)
{
    /// <summary>How each meeting fact was found (the sentence or heading it came from) and what is uncertain about it.</summary>
    public MeetingFacts Facts { get; init; } = MeetingFacts.Unread;

    /// <summary>The lettered or numbered sections that group the outcomes ("A. Digital Infrastructure…"), in text order.</summary>
    public IReadOnlyList<StatementSection> StatementSections { get; init; } = [];

    /// <summary>
    /// The text had no list and no titled items: each outcome is a paragraph that reports a result, so an editor should
    /// check the outcomes before importing.
    /// </summary>
    public bool HasNoList { get; init; }
}

/// <summary>"EU–Japan Digital Partnership", with the partner named on its own.</summary>
public sealed record PartnershipName(string Name, string Partner)
{
    /// <summary>Both parties as countries or unions ("United States", "European Union"), in the order the text names them.</summary>
    public IReadOnlyList<string> Parties { get; init; } = [];
}

public sealed record ParsedOutcome(string Title, string Summary, IReadOnlyList<AreaDefinition> Areas, IReadOnlyList<ParsedDeliverable> Deliverables)
{
    /// <summary>The lettered or numbered section of the text the outcome stands in; null when the text has none.</summary>
    public StatementSection? Section { get; init; }

    /// <summary>Where the title came from (a heading, a bold phrase, a sentence) and whether it had to be made or shortened.</summary>
    public Found<string> TitleFound { get; init; } = Found<string>.Missing("not read");
}

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

    /// <summary>A heading that groups outcomes or parts of the text ("II. Key Outcomes", "A. Connectivity").</summary>
    Heading,
}

/// <summary>One block of the source text as Markdown, its role, and for an outcome its index in <see cref="CouncilText.Outcomes"/>.</summary>
public sealed record SourceSection(string Markdown, SectionRole Role, int? OutcomeIndex = null);

/// <summary>A section of the text that groups outcomes: its label as printed ("A", "III", "2") and its heading.</summary>
public sealed record StatementSection(string? Label, string Heading)
{
    /// <summary>"A. Digital Infrastructure and Connectivity", or the heading alone when it has no label.</summary>
    public string Display => Label is null ? Heading : $"{Label}. {Heading}";
}

/// <summary>
/// A fact read from the text, the sentence or heading it was read from, and why it is uncertain (null when it is not):
/// the import preview marks every fact that has a doubt.
/// </summary>
public sealed record Found<T>(T? Value, string? Source, string? Doubt)
{
    public bool IsUncertain => Doubt is not null;

    public static Found<T> Missing(string doubt) => new(default, null, doubt);
}

/// <summary>A meeting day, or the first and last day of a meeting held over several ("4 and 5 April 2024").</summary>
public sealed record DateRange(DateOnly Start, DateOnly? End = null)
{
    public DateOnly Last => End ?? Start;

    /// <summary>"4–5 April 2024", or the one day.</summary>
    public string Describe() => MeetingDays.Describe(Start, Last);
}

/// <summary>The facts of the meeting a text reports, each with how it was found.</summary>
public sealed record MeetingFacts(
    Found<PartnershipName> Partnership,
    Found<int?> Ordinal,
    Found<string> Place,
    Found<DateRange> Date,
    Found<MeetingPlace> NextMeeting)
{
    public static MeetingFacts Unread { get; } = new(
        Found<PartnershipName>.Missing("not read"), Found<int?>.Missing("not read"), Found<string>.Missing("not read"),
        Found<DateRange>.Missing("not read"), Found<MeetingPlace>.Missing("not read"));

    /// <summary>The next meeting's time and place in the text's own words ("mid-2023 in Europe"), or null.</summary>
    public string? NextMeetingAsStated { get; init; }
}

/// <summary>The text cannot be imported; the message says why in one line.</summary>
public sealed class CouncilTextException(string message) : Exception(message);
