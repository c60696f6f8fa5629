namespace DigitalPartnership.Core.Domain;

/// <summary>One Digital Partnership between the EU and a partner country, e.g. "EU–Japan Digital Partnership".</summary>
public sealed class Partnership
{
    public const int SlugMaxLength = 100;
    public const int NameMaxLength = 200;
    public const int PartnerMaxLength = 100;

    private Partnership() { }

    public Partnership(string name, string partner)
    {
        Name = TextRules.Require("The name", name, NameMaxLength, TextKind.SingleLine, required: true)!;
        Partner = TextRules.Require("The partner", partner, PartnerMaxLength, TextKind.SingleLine, required: true)!;
        Slug = TextRules.Require("The slug", Text.Slugs.From(name), SlugMaxLength, TextKind.SingleLine, required: true)!;
    }

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The other side than the EU ("Japan"), used for labels such as "Japan-side lead".</summary>
    public string Partner { get; private set; } = "";

    public List<Meeting> Meetings { get; private set; } = [];
    public List<Milestone> Milestones { get; private set; } = [];
}
