using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DigitalPartnership.Web.TagHelpers;

/// <summary>
/// <c>&lt;a requires-policy="@PortalAccounts.CanEdit" …&gt;</c>: the element is written only for a reader the policy
/// allows. Views ask the same policies the pages are guarded by, never the roles behind them.
/// </summary>
[HtmlTargetElement(Attributes = PolicyAttribute)]
public sealed class RequiresPolicyTagHelper(IAuthorizationService authorization) : TagHelper
{
    private const string PolicyAttribute = "requires-policy";

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName(PolicyAttribute)]
    public string Policy { get; set; } = "";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!(await authorization.AuthorizeAsync(ViewContext.HttpContext.User, Policy)).Succeeded)
        {
            output.SuppressOutput();
        }
    }
}
