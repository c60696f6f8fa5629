namespace DigitalPartnership.Core.Domain;

public enum MilestoneKind
{
    /// <summary>The next Council meeting as announced by a Council text.</summary>
    NextCouncil = 0,
}

/// <summary>A dated point to work towards, such as the next Council ("Tokyo, Japan, 2025").</summary>
public sealed class Milestone
{
    public const int TitleMaxLength = 300;

    private Milestone() { }

    public const int AsStatedMaxLength = 200;

    /// <param name="asStated">The time and place in the announcing text's own words ("mid-2026 in Europe"), or null.</param>
    public Milestone(Partnership partnership, Meeting announcedAt, MilestoneKind kind, string title, MeetingPlace place, string? asStated = null)
    {
        asStated = string.IsNullOrWhiteSpace(asStated) ? null : asStated.Trim();
        AsStated = TextRules.Require("The announcement's wording", asStated, AsStatedMaxLength, TextKind.SingleLine);
        Partnership = partnership;
        AnnouncedAt = announcedAt;
        Kind = kind;
        Title = TextRules.Require("The title", title, TitleMaxLength, TextKind.SingleLine, required: true)!;
        Place = place.Checked() with { Year = place.Year ?? place.Date?.Year };
    }

    public int Id { get; private set; }
    public int PartnershipId { get; private set; }
    public Partnership Partnership { get; private set; } = null!;

    /// <summary>The meeting whose text announced this milestone.</summary>
    public int? AnnouncedAtId { get; private set; }
    public Meeting? AnnouncedAt { get; private set; }

    public MilestoneKind Kind { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Which Council, where and when, as announced (a complex type, as on <see cref="Meeting"/>).</summary>
    public MeetingPlace Place { get; private set; } = new(null, null, null, null, null);

    /// <summary>
    /// When and where, in the words of the text that announced it ("in mid-2026 in Europe"): what a reader checks the
    /// structured <see cref="Place"/> against, and all there is when the text names only a region or a season.
    /// </summary>
    public string? AsStated { get; private set; }

    /// <summary>A correction, made through the announcing meeting (<see cref="Meeting.Correct"/>), which journals it.</summary>
    internal void Correct(MeetingPlace place)
    {
        Place = place with { Year = place.Date?.Year ?? place.Year };
        if (Kind == MilestoneKind.NextCouncil)
        {
            Title = $"Next Council: {Place.Describe()}"; // as the importer names it
        }
    }

}
