using System.Text;
using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// The HTML a web mirror leaves in a Markdown text: comments between lists, <c>&lt;u&gt;</c> and underline spans in
/// headings, <c>&lt;sup&gt;th&lt;/sup&gt;</c>, struck-out letters. The text is kept; underline and bold tags become
/// Markdown bold where the text has none of its own, so an underlined title still reads as a title.
/// </summary>
internal static partial class PresentationalMarkup
{
    /// <summary>Removes <c>&lt;!-- … --&gt;</c>; an unclosed opener loses only its marker, never the text after it.</summary>
    public static string RemoveComments(string text)
    {
        var start = text.IndexOf("<!--", StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (start >= 0)
        {
            builder.Append(text, position, start - position);
            var end = text.IndexOf("-->", start + 4, StringComparison.Ordinal);
            position = end < 0 ? start + 4 : end + 3;
            start = end < 0 ? -1 : text.IndexOf("<!--", position, StringComparison.Ordinal);
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    /// <summary>Rewrites the presentational tags of one paragraph or list item.</summary>
    public static string Rewrite(string unit)
    {
        if (!unit.Contains('<'))
        {
            return unit;
        }

        var hasBold = unit.Contains("**", StringComparison.Ordinal);
        var builder = new StringBuilder(unit.Length);
        var open = new List<(string Name, string Marker)>();
        var position = 0;
        for (var match = Tag().Match(unit); match.Success; match = Tag().Match(unit, position))
        {
            builder.Append(unit, position, match.Index - position);
            position = match.Index + match.Length;
            var name = match.Groups["name"].Value.ToLowerInvariant();
            if (match.Groups["close"].Success)
            {
                var index = open.FindLastIndex(o => o.Name == name);
                if (index >= 0)
                {
                    builder.Append(open[index].Marker);
                    open.RemoveAt(index);
                }

                continue;
            }

            if (name is "s" or "del" or "strike")
            {
                // Struck-out text was deleted by its author: "divide<s>s</s>" reads "divide".
                var end = unit.IndexOf($"</{name}", position, StringComparison.OrdinalIgnoreCase);
                if (end >= 0)
                {
                    var close = unit.IndexOf('>', end);
                    position = close < 0 ? unit.Length : close + 1;
                }

                continue;
            }

            var emphasis = name switch
            {
                "u" or "b" or "strong" => "**",
                "span" when Underlined().IsMatch(match.Groups["attributes"].Value) => "**",
                "i" or "em" => "*",
                _ => "",
            };
            if (emphasis == "**" && hasBold)
            {
                emphasis = ""; // already inside Markdown bold: the tag only decorates
            }

            if (name == "br")
            {
                builder.Append(' ');
            }
            else if (!match.Groups["selfClosing"].Success)
            {
                open.Add((name, emphasis));
                builder.Append(emphasis);
            }
        }

        builder.Append(unit, position, unit.Length - position);
        return builder.ToString();
    }

    [GeneratedRegex(
        @"<(?<close>/)?(?<name>u|b|strong|i|em|span|s|del|strike|sup|sub|font|small|big|ins|mark|br|a)\b(?<attributes>[^<>]{0,300}?)(?<selfClosing>/)?>",
        RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();

    [GeneratedRegex(@"underline|font-weight:\s*(?:bold|[6-9]00)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Underlined();
}
