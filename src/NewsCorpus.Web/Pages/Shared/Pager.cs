namespace NewsCorpus.Web.Pages.Shared;

/// <summary>Previous/next links and the position, for any paginated list.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Link)
{
    public static int PageCountFor(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
