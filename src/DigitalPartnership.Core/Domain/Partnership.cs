namespace DigitalPartnership.Core.Domain;

/// <summary>One Digital Partnership between the EU and a partner country, e.g. "EU–Japan Digital Partnership".</summary>
public sealed class Partnership
{
    private Partnership() { }

    public Partnership(string name, string partner)
    {
        Name = name;
        Partner = partner;
        Slug = Text.Slugs.From(name);
    }

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The other side than the EU ("Japan"), used for labels such as "Japan-side lead".</summary>
    public string Partner { get; private set; } = "";

    public List<Meeting> Meetings { get; private set; } = [];
    public List<Milestone> Milestones { get; private set; } = [];
}
