using System.Security.Claims;
using DigitalPartnership.Web.Api;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DigitalPartnership.Web.Feeds;

/// <summary>
/// <c>&lt;a subscribe-to="area-changes" subscribe-slug="@area.Slug"&gt;</c>: the address of a feed or calendar, made by
/// routing from the endpoint's name, with the reader's feed token in it when they have one — so the link copied into a
/// feed reader or calendar works there, where nobody can sign in.
/// </summary>
[HtmlTargetElement("a", Attributes = KindAttribute)]
public sealed class SubscribeLinkTagHelper(LinkGenerator links, PersonalTokens tokens) : TagHelper
{
    private const string KindAttribute = "subscribe-to";
    private static readonly object FeedSecretKey = new();

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>One of <see cref="FeedKinds"/>.</summary>
    [HtmlAttributeName(KindAttribute)]
    public string Kind { get; set; } = FeedKinds.Changes;

    [HtmlAttributeName("subscribe-slug")]
    public string? Slug { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var http = ViewContext.HttpContext;
        var token = await FeedSecretAsync(http);
        var href = links.GetPathByName(http, Kind, new RouteValueDictionary { ["slug"] = Slug, [FeedEndpoints.TokenParameter] = token })
            ?? throw new InvalidOperationException($"There is no feed \"{Kind}\"{(Slug is null ? "" : $" for \"{Slug}\"")}.");
        output.Attributes.SetAttribute("href", href);
        output.Attributes.SetAttribute("type", FeedKinds.IsCalendar(Kind) ? FeedEndpoints.CalendarMediaType : FeedEndpoints.AtomMediaType);
        if (Hosting.PortalCultures.IsJapanese)
        {
            // Feeds and calendars are written for programs, in English whatever the page's language: say so.
            output.Attributes.SetAttribute("hreflang", Hosting.PortalCultures.English.Name);
        }
    }

    /// <summary>The reader's feed token, read once per request however many links a page has.</summary>
    private async Task<string?> FeedSecretAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(FeedSecretKey, out var known))
        {
            return (string?)known;
        }

        var userId = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var secret = userId is null ? null : await tokens.FeedSecretAsync(userId, http.RequestAborted);
        http.Items[FeedSecretKey] = secret;
        return secret;
    }
}
