namespace DigitalPartnership.Core.Domain;

/// <summary>A link that shows a deliverable's progress (a signed text, a press release, a project page).</summary>
public sealed class EvidenceLink
{
    private EvidenceLink() { }

    public EvidenceLink(string url, string? title)
    {
        Url = url;
        Title = title;
    }

    public int Id { get; private set; }
    public int DeliverableId { get; private set; }
    public string Url { get; private set; } = "";
    public string? Title { get; private set; }
}
