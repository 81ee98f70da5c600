using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsCorpus.Articles;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Timeline;

public sealed class IndexModel(CorpusDb db, IStringLocalizer<UiText> text) : PageModel
{
    public MonthBars Histogram { get; private set; } = new("", []);
    public List<YearRow> Years { get; private set; } = [];

    /// <param name="LastYear">For a run of years without any article, shown as one row, its last year; null for a year of its own.</param>
    public sealed record YearRow(int Year, int Count, List<MonthBar> Months, int? LastYear = null);

    public async Task OnGetAsync()
    {
        var months = await db.Articles.GroupBy(a => a.Month).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Histogram = await MonthBars.Create(text["Articles par mois"], months.Select(m => (m.Key, m.Count)), m => $"/timeline/{m}")
            .WithDays(Request.Query, MonthBars.DaysOf(db.Articles), day => $"/timeline/{day:yyyy-MM-dd}");
        if (Histogram.Bars.Count == 0) return;
        // Whole years, January to December, so a year's empty months show as empty.
        int first = Histogram.Bars[0].Month.Year, last = Histogram.Bars[^1].Month.Year;
        var counts = Histogram.Bars.ToDictionary(b => b.Month, b => b.Count);
        var years = Enumerable.Range(first, last - first + 1).Reverse().Select(year =>
        {
            var bars = Enumerable.Range(1, 12).Select(m => new YearMonth(year, m))
                .Select(m => new MonthBar(m, counts.GetValueOrDefault(m), $"/timeline/{m}", false)).ToList();
            return new YearRow(year, bars.Sum(b => b.Count), bars);
        }).ToList();
        // Two or more years in a row without an article are one row: a few stray dates must not list decades of empty months.
        Years = [];
        foreach (var year in years)
        {
            if (year.Count == 0 && Years.Count > 0 && Years[^1] is { Count: 0 } run && (run.LastYear is not null || run.Months.Count == 12))
            {
                Years[^1] = new YearRow(year.Year, 0, [], run.LastYear ?? run.Year);
                continue;
            }
            Years.Add(year);
        }
    }
}
