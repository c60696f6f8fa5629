namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>Page numbers for a list, with a link builder that keeps the list's other query values.</summary>
public sealed record Pager(int Page, int PageSize, int TotalCount, Func<int, string> Link)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public int FirstRow => TotalCount == 0 ? 0 : (Page - 1) * PageSize + 1;

    public int LastRow => Math.Min(TotalCount, Page * PageSize);

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
