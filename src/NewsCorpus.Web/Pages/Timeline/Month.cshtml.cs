using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Articles;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Timeline;

public sealed class MonthModel(CorpusDb db) : PageModel
{
    public const int PageSize = 20;

    public YearMonth Month { get; private set; }
    public int Total { get; private set; }
    public List<Row> Articles { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 1, _ => "");
    public string? PreviousMonth { get; private set; }
    public string? NextMonth { get; private set; }

    /// <summary>True when near-duplicates are folded into their cluster's first article (the default).</summary>
    public bool Folded { get; private set; }
    /// <summary>Articles of the month hidden behind another version.</summary>
    public int HiddenVersions { get; private set; }
    public ExportLinks Exports => ExportLinks.For($"timeline/{Month}");

    /// <param name="Day">The day of the month, or null for an article dated to the month only.</param>
    public sealed record Row(string Id, string Title, string Lead, List<string> Countries, int Versions, int? Day = null);

    public async Task<IActionResult> OnGetAsync(string month, int p = 1, string? versions = null)
    {
        if (!YearMonth.TryParse(month, out var ym)) return NotFound();
        Month = ym.Value;
        var key = Month.ToString();
        Folded = versions != "all";
        var inMonth = db.Articles.Where(a => a.Month == key);
        var listed = Folded
            ? inMonth.Where(a => a.ClusterKey == null || !inMonth.Any(b => b.ClusterKey == a.ClusterKey && b.Key < a.Key))
            : inMonth;
        Total = await listed.CountAsync();
        HiddenVersions = await inMonth.CountAsync() - Total;
        var pageCount = Pager.PageCountFor(Total, PageSize);
        p = Math.Clamp(p, 1, pageCount);
        var versionsPart = Folded ? "" : "versions=all&";
        Pager = new Pager(p, pageCount, n => $"/timeline/{key}?{versionsPart}p={n}");
        // By day, the articles dated to the month only first (as the search sorts them oldest first), then by file number.
        Articles = await listed
            .OldestFirst()
            .Skip((p - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.Id, a.Title, a.Lead, a.Countries.OrderByDescending(c => c.Weight).Select(c => c.Iso2).ToList(), a.ClusterSize, a.Day))
            .ToListAsync();
        PreviousMonth = await db.Articles.Where(a => string.Compare(a.Month, key) < 0).MaxAsync(a => (string?)a.Month);
        NextMonth = await db.Articles.Where(a => string.Compare(a.Month, key) > 0).MinAsync(a => (string?)a.Month);
        return Page();
    }

    public static string Excerpt(string lead, int max = 280)
    {
        if (lead.Length <= max) return lead;
        int cut = lead.LastIndexOf(' ', max);
        return lead[..(cut > max / 2 ? cut : max)] + " …";
    }
}
