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

    /// <summary>Only http and https addresses are evidence: no script, file or data link is ever stored or made clickable.</summary>
    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public int Id { get; private set; }
    public int DeliverableId { get; private set; }
    public string Url { get; private set; } = "";
    public string? Title { get; private set; }
}
