using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DigitalPartnership.Web.TagHelpers;

/// <summary>
/// <c>&lt;nav-link asp-page="/Outcomes/Index"&gt;</c>: a link of the main navigation, made by routing from a page name. It
/// says <c>aria-current="page"</c> on that very page, and <c>aria-current="true"</c> on the other pages of its folder
/// (an outcome's page is in the Outcomes section); the root page's link is current only on itself.
/// </summary>
[HtmlTargetElement("nav-link")]
public sealed class NavLinkTagHelper(IUrlHelperFactory urls) : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("asp-page")]
    public string Page { get; set; } = "/Index";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = ViewContext.RouteData.Values["page"] as string ?? "";
        var isPage = string.Equals(current, Page, StringComparison.OrdinalIgnoreCase);
        var folderEnd = Page.LastIndexOf('/');
        var inSection = !isPage && folderEnd > 0
            && current.StartsWith(Page[..(folderEnd + 1)], StringComparison.OrdinalIgnoreCase);

        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("href", urls.GetUrlHelper(ViewContext).Page(Page));
        output.Attributes.SetAttribute("class", isPage || inSection ? "nav-link active" : "nav-link");
        if (isPage || inSection)
        {
            output.Attributes.SetAttribute("aria-current", isPage ? "page" : "true");
        }
    }
}
