using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>Page numbers for a list, and links to its pages that keep every other query value of the list.</summary>
/// <param name="PageName">The list's page, as routing names it ("/Deliverables/Index").</param>
/// <param name="Query">The list's other query values, in the order its addresses write them; empty ones are left out.</param>
public sealed record Pager(int Page, int PageSize, int TotalCount, string PageName, IReadOnlyList<KeyValuePair<string, string?>> Query)
{
    /// <summary>A pager on <paramref name="requested"/>, moved into the pages there are: past the end shows the last one.</summary>
    public static Pager For(int requested, int pageSize, int totalCount, string pageName, params KeyValuePair<string, string?>[] query)
    {
        var pager = new Pager(requested, pageSize, totalCount, pageName, query);
        return pager with { Page = Math.Clamp(requested, 1, pager.PageCount) };
    }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public int FirstRow => TotalCount == 0 ? 0 : (Page - 1) * PageSize + 1;

    public int LastRow => Math.Min(TotalCount, Page * PageSize);

    /// <summary>Rows to skip for this page.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>
    /// The address of page <paramref name="page"/>: the path from routing, the query values after it. "page" is the
    /// route value by which Razor Pages names a page, so a page number cannot travel as <c>asp-route-page</c>.
    /// </summary>
    public string Link(IUrlHelper url, int page) =>
        QueryHelpers.AddQueryString(url.Page(PageName) ?? throw new InvalidOperationException($"No page {PageName}."),
            Query.Where(p => !string.IsNullOrWhiteSpace(p.Value))
                .Append(new("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)))
                .Where(p => p.Value is not null));

    /// <summary>First, last and the pages around the current one; null stands for a gap.</summary>
    public IEnumerable<int?> Window()
    {
        int? previous = null;
        foreach (var page in new[] { 1, Page - 2, Page - 1, Page, Page + 1, Page + 2, PageCount }
                     .Where(p => p >= 1 && p <= PageCount).Distinct().Order())
        {
            if (previous is { } p && page > p + 1)
            {
                yield return null;
            }

            yield return page;
            previous = page;
        }
    }
}
