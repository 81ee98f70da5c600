using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsCorpus.Articles;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Timeline;

public sealed class MonthModel(CorpusDb db, IStringLocalizer<UiText> text) : PageModel
{
    public const int PageSize = 20;

    public YearMonth Month { get; private set; }
    /// <summary>The day shown (<c>/timeline/2023-10-05</c>), or null for the whole month.</summary>
    public int? Day { get; private set; }
    /// <summary>This page's path segment: the month, or the day.</summary>
    public string Period => Day is { } d ? $"{Month}-{d:D2}" : Month.ToString();
    /// <summary>The month's articles a day a bar; none when no article of the month gives its day.</summary>
    public MonthBars? Days { get; private set; }
    public int Total { get; private set; }
    public List<Row> Articles { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 1, _ => "");
    public string? PreviousMonth { get; private set; }
    public string? NextMonth { get; private set; }

    /// <summary>True when near-duplicates are folded into their cluster's first article (the default).</summary>
    public bool Folded { get; private set; }
    /// <summary>Articles of the month hidden behind another version.</summary>
    public int HiddenVersions { get; private set; }
    public ExportLinks Exports => ExportLinks.For($"timeline/{Period}");

    /// <param name="Day">The day of the month, or null for an article dated to the month only.</param>
    public sealed record Row(string Id, string Title, string Lead, List<string> Countries, int Versions, int? Day = null);

    public async Task<IActionResult> OnGetAsync(string month, int p = 1, string? versions = null)
    {
        if (DateOnly.TryParseExact(month, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            (Month, Day) = (new YearMonth(date.Year, date.Month), date.Day);
        else if (YearMonth.TryParse(month, out var ym)) Month = ym.Value;
        else return NotFound();
        var key = Month.ToString();
        Folded = versions != "all";
        var inMonth = db.Articles.Where(a => a.Month == key);
        var day = Day;
        var shown = day is null ? inMonth : inMonth.Where(a => a.Day == day);
        var listed = Folded
            ? shown.Where(a => a.ClusterKey == null || !shown.Any(b => b.ClusterKey == a.ClusterKey && b.Key < a.Key))
            : shown;
        Total = await listed.CountAsync();
        HiddenVersions = await shown.CountAsync() - Total;
        var days = await MonthBars.Create(text["Articles de {0}, par jour", Display.Month(Month)], [(key, await inMonth.CountAsync())], m => $"/timeline/{m}")
            .WithDays(Request.Query, MonthBars.DaysOf(db.Articles), d => $"/timeline/{d:yyyy-MM-dd}");
        Days = days.Days?.Any(d => d.Day is not null) == true ? days with { SelectedDay = Day } : null;
        var pageCount = Pager.PageCountFor(Total, PageSize);
        p = Math.Clamp(p, 1, pageCount);
        var versionsPart = Folded ? "" : "versions=all&";
        Pager = new Pager(p, pageCount, n => $"/timeline/{Period}?{versionsPart}p={n}");
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
