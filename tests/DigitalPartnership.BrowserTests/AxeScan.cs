using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DigitalPartnership.BrowserTests;

/// <summary>The WCAG 2.2 AA rules every browser test checks its pages against, and one way to list what axe finds.</summary>
internal static class AxeScan
{
    public static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Runs axe on the page as it is and appends each violation, with up to five elements and why, to <paramref name="violations"/>.</summary>
    public static async Task AppendViolationsAsync(IPage page, string name, StringBuilder violations)
    {
        var result = await page.RunAxe(WcagAa);
        foreach (var violation in result.Violations)
        {
            violations.AppendLine($"- {name} ({page.Url}): {violation.Id} [{violation.Impact}] {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                violations.AppendLine($"    {node.Target}: {Shorten(node.Html)} {Shorten(string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message)))}");
            }
        }
    }

    private static string Shorten(string? text) =>
        text is null ? "" : (text.Length <= 300 ? text : text[..300] + "…").ReplaceLineEndings(" ");
}
