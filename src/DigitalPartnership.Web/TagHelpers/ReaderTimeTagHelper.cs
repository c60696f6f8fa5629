using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DigitalPartnership.Web.TagHelpers;

/// <summary>
/// <c>&lt;time utc="…" /&gt;</c>: a moment written in the reader's time zone (<see cref="ReaderTimeZone"/>), with the
/// UTC time on hover (<c>title</c>) and in <c>datetime</c> for machines. <c>date-only</c> writes the reader's day alone.
/// </summary>
[HtmlTargetElement("time", Attributes = UtcAttribute)]
public sealed class ReaderTimeTagHelper : TagHelper
{
    private const string UtcAttribute = "utc";

    [HtmlAttributeName(UtcAttribute)]
    public DateTime Utc { get; set; }

    [HtmlAttributeName("date-only")]
    public bool DateOnly { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var zone = ReaderTimeZone.Of(ViewContext.HttpContext.User);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", Display.IsoUtc(Utc));
        output.Attributes.SetAttribute("title", Display.Utc(Utc));
        output.Content.SetContent(DateOnly ? Display.Day(Utc, zone) : Display.Time(Utc, zone));
    }
}
