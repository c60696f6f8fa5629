using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.TagHelpers;

/// <summary><c>&lt;status-badge status="…" /&gt;</c>: a status as colour, shape and words, never colour alone.</summary>
[HtmlTargetElement("status-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusBadgeTagHelper(IStringLocalizer<PortalText> words) : TagHelper
{
    public DeliverableStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"status status-{Status.Slug()}");
        output.Content.SetHtmlContent(StatusIcon.Html(Status) + System.Text.Encodings.Web.HtmlEncoder.Default.Encode(words.Status(Status)));
    }
}

/// <summary><c>&lt;status-icon status="…" /&gt;</c>: the status's shape alone, for places that write its name beside it.</summary>
[HtmlTargetElement("status-icon", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusIconTagHelper : TagHelper
{
    public DeliverableStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(StatusIcon.Html(Status));
    }
}
