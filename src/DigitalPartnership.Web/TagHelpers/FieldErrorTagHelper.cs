using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.TagHelpers;

/// <summary>
/// A field with <c>asp-for</c> whose value has a problem says so to assistive technology: <c>aria-invalid="true"</c>,
/// and <c>aria-describedby</c> naming the message under it (kept beside any hint it already names). Runs after the
/// built-in tag helpers, which write the field's id.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
public sealed class FieldErrorTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";

    public override int Order => 100;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var id = output.Attributes["id"]?.Value?.ToString() ?? ErrorSummary.FieldId(name);
        var hints = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(hints) ? ErrorSummary.MessageId(id) : $"{ErrorSummary.MessageId(id)} {hints}");
    }
}

/// <summary>
/// The message under a field (<c>asp-validation-for</c>) gets the id its field's <c>aria-describedby</c> names and,
/// when there is a message, a hidden "Error:" before it, as GOV.UK writes it, so it is not heard as a hint.
/// </summary>
[HtmlTargetElement("span", Attributes = ForAttribute)]
[HtmlTargetElement("div", Attributes = ForAttribute)]
public sealed class FieldErrorMessageTagHelper(IStringLocalizer<PortalText> words) : TagHelper
{
    private const string ForAttribute = "asp-validation-for";

    public override int Order => 100;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        output.Attributes.SetAttribute("id", ErrorSummary.MessageId(TagBuilder.CreateSanitizedId(name, "_")));
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.PreContent.SetHtmlContent($"<span class=\"visually-hidden\">{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(words["Error: "])}</span>");
        }
    }
}
