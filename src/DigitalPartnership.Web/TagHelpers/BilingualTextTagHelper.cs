using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.TagHelpers;

/// <summary>
/// <c>&lt;bilingual en="@d.Title" ja="@d.TitleJapanese" /&gt;</c>: a stored text in the reader's language. A Japanese
/// reader sees the Japanese an editor entered, or the English marked "English only" when there is none; an English
/// reader sees the English. The text carries its own <c>lang</c> where it differs from the page's.
/// <c>marker="false"</c> leaves the mark out where it would repeat (an option of a list, a page's title).
/// </summary>
[HtmlTargetElement("bilingual", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BilingualTextTagHelper(IStringLocalizer<BilingualTextTagHelper> text) : TagHelper
{
    [HtmlAttributeName("en")]
    public string? English { get; set; }

    [HtmlAttributeName("ja")]
    public string? Japanese { get; set; }

    public bool Marker { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (shown, englishOnly) = Pick(English, Japanese);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (TextLanguage.Lang(shown) is { } lang)
        {
            output.Attributes.SetAttribute("lang", lang);
        }

        output.Content.SetContent(shown);
        if (englishOnly && Marker)
        {
            output.PostElement.AppendHtml(" <span class=\"badge rounded-pill text-bg-light border fw-normal english-only\">");
            output.PostElement.Append(text["English only"]);
            output.PostElement.AppendHtml("</span>");
        }
    }

    /// <summary>
    /// The text to show a reader in the current language, and whether it is English standing in for Japanese (a text
    /// recorded in Japanese in the first place needs no Japanese beside it).
    /// </summary>
    public static (string Text, bool EnglishOnly) Pick(string? english, string? japanese) =>
        PortalCultures.IsJapanese
            ? japanese is { Length: > 0 } ja ? (ja, false) : (english ?? "", english is { Length: > 0 } && !TextLanguage.IsMostlyJapanese(english))
            : (english ?? "", false);
}
