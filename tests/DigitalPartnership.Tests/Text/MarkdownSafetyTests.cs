using System.Net;
using AngleSharp.Dom;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Text;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Text;

/// <summary>Hostile Markdown in notes and summaries: no live script, event handler or unsafe link, in any spelling.</summary>
public sealed class MarkdownSafetyTests
{
    public static TheoryData<string> HostileInputs => new(Hostile);

    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![img](javascript:alert(1))",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](https://example.org){onclick=alert(1)}",
        "*hello*{onmouseover=alert(1)}",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "[x](https://example.org \"title\" onclick=alert(1))",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[x]( javascript:alert(1) )",
    ];

    private static readonly MarkdownRenderer Renderer = new();

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Rendering_leaves_no_script_handler_or_unsafe_link(string markdown)
    {
        var html = Renderer.ToHtml(markdown);
        var document = await Html.ParseAsync($"<body>{html}</body>");

        AssertSafe(document.Body!);
    }

    [Fact]
    public void Ordinary_Markdown_still_renders()
    {
        var html = Renderer.ToHtml("**Signed** on 3 July — see [the text](https://example.org/moc.pdf).\n\n- one\n- two");

        Assert.Contains("<strong>Signed</strong>", html);
        Assert.Contains("href=\"https://example.org/moc.pdf\"", html);
        Assert.Contains("rel=\"noopener noreferrer\"", html);
        Assert.Contains("<li>two</li>", html);
    }

    [Fact]
    public async Task Hostile_notes_saved_by_an_editor_are_harmless_on_every_page_that_shows_them()
    {
        await using var factory = new PortalFactory();
        var editor = await factory.CreateClientAsync(PortalRoles.Editor);
        var id = await factory.DeliverableIdAsync();
        var form = await PortalFactory.FormAsync(editor, $"/deliverables/{id}/edit");
        form["Input.Notes"] = string.Join("\n\n", Hostile);
        form["Input.ChangeNote"] = string.Join("\n\n", Hostile);
        using var saved = await editor.PostAsync($"/deliverables/{id}/edit", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        foreach (var url in new[] { $"/deliverables/{id}", $"/deliverables/{id}/edit" })
        {
            var page = await editor.GetDocumentAsync(url);
            AssertSafe(page.QuerySelector("main")!);
        }
    }

    private static void AssertSafe(IElement root)
    {
        Assert.Empty(root.QuerySelectorAll("script, iframe, object, embed, svg, style"));
        foreach (var element in root.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event attribute {attribute.Name} on <{element.LocalName}>");
                Assert.NotEqual("style", attribute.Name);
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    Assert.False(
                        value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase),
                        $"unsafe {attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>");
                }
            }
        }
    }
}
