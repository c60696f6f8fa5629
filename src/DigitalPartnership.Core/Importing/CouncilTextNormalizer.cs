using System.Text;
using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Turns a press text into Markdown that Markdig reads as the author meant: "•", "・" and similar bullets become
/// "- " items, "1)" and "(1)" points become "1." items, and every item stands apart from the prose around it.
/// </summary>
public static partial class CouncilTextNormalizer
{
    public static string ToMarkdown(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var output = new List<string>(lines.Length + 8);
        var previousWasItem = false;
        foreach (var raw in lines)
        {
            // Press texts are not nested Markdown: indentation is decoration, and four spaces must not become code.
            var line = raw.Trim(' ', '\t', '\u00A0', '\u3000');
            var item = ToListItem(line);
            var isBlank = line.Length == 0;
            var lastIsBlank = output.Count == 0 || output[^1].Length == 0;

            // A list item must not continue the paragraph above it, and prose after an item must not continue the item.
            if (!isBlank && !lastIsBlank && (item is not null || previousWasItem))
            {
                output.Add("");
            }

            output.Add(item ?? line);
            previousWasItem = item is not null;
        }

        return string.Join('\n', output).Trim('\n') + "\n";
    }

    private static string? ToListItem(string line)
    {
        var bullet = Bullet().Match(line);
        if (bullet.Success)
        {
            return "- " + line[bullet.Length..];
        }

        var number = NumberedPoint().Match(line);
        return number.Success ? $"{number.Groups["n"].Value}. {line[number.Length..]}" : null;
    }

    [GeneratedRegex(@"^[•·・●○◦▪■□◆◇‣∙–—*+-]\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:\((?<n>\d{1,2})\)|(?<n>\d{1,2})[.)．）])\s*(?=\S)")]
    private static partial Regex NumberedPoint();
}
