using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DigitalPartnership.Web.TagHelpers;

/// <summary><c>&lt;status-badge status="…" /&gt;</c>: a status as colour and words, never colour alone.</summary>
[HtmlTargetElement("status-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusBadgeTagHelper : TagHelper
{
    public DeliverableStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"status status-{Status.Slug()}");
        output.Content.SetHtmlContent($"<span class=\"status-dot\" aria-hidden=\"true\"></span>{Status.DisplayName()}");
    }
}

/// <summary><c>&lt;nav-link href="/outcomes"&gt;</c>: a navigation link that marks itself current for its section.</summary>
[HtmlTargetElement("nav-link")]
public sealed class NavLinkTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
    public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; } = null!;

    public string Href { get; set; } = "/";

    public bool Exact { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var path = ViewContext.HttpContext.Request.Path.Value ?? "/";
        var current = Exact ? path == Href : path.StartsWith(Href, StringComparison.OrdinalIgnoreCase);
        output.TagName = "a";
        output.Attributes.SetAttribute("href", Href);
        output.Attributes.SetAttribute("class", current ? "nav-link active" : "nav-link");
        if (current)
        {
            output.Attributes.SetAttribute("aria-current", "page");
        }
    }
}
