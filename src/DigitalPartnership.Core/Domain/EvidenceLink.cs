namespace DigitalPartnership.Core.Domain;

/// <summary>A link that shows a deliverable's progress (a signed text, a press release, a project page).</summary>
public sealed class EvidenceLink
{
    public const int UrlMaxLength = 2000;
    public const int TitleMaxLength = 300;

    private EvidenceLink() { }

    public EvidenceLink(string url, string? title)
    {
        Check(url, title);
        Url = url;
        Title = title;
    }

    /// <summary>Null when <paramref name="url"/> and <paramref name="title"/> make a link that may be stored, else why not.</summary>
    public static string? Problem(string url, string? title)
    {
        if (!IsWebAddress(url))
        {
            return "only http:// and https:// addresses are accepted as evidence (address first, then an optional title).";
        }

        return TextRules.Problem("the address", url, UrlMaxLength, TextKind.SingleLine)
            ?? TextRules.Problem("the link title", title, TitleMaxLength, TextKind.SingleLine);
    }

    /// <summary>The entity's own refusal of what <see cref="Problem"/> finds.</summary>
    public static void Check(string url, string? title)
    {
        if (Problem(url, title) is { } problem)
        {
            throw new ArgumentException(problem, nameof(url));
        }
    }

    /// <summary>Only http and https addresses are evidence: no script, file or data link is ever stored or made clickable.</summary>
    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public int Id { get; private set; }
    public int DeliverableId { get; private set; }
    public string Url { get; private set; } = "";
    public string? Title { get; private set; }
}
