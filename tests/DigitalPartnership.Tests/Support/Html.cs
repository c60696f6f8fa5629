using AngleSharp;
using AngleSharp.Dom;

namespace DigitalPartnership.Tests.Support;

/// <summary>Fetches a page and parses it with AngleSharp, so tests read the page as a browser would.</summary>
public static class Html
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {url} answered {(int)response.StatusCode}, expected {expectedStatus}");
        return await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(body).Address("http://localhost" + url));
    }

    public static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";

    public static IReadOnlyList<string> Texts(this IDocument document, string selector) =>
        document.QuerySelectorAll(selector).Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
}
