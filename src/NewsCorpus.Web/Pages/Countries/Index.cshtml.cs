using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis;
using NewsCorpus.Countries;
using NewsCorpus.Storage;
using NewsCorpus.Web.Infrastructure;

namespace NewsCorpus.Web.Pages.Countries;

public sealed class IndexModel(CorpusDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Filter { get; set; }

    public List<RegionGroup> Regions { get; private set; } = [];
    public int Total { get; private set; }

    public sealed record Row(string Iso2, string Name, int Articles, int Mentions);
    public sealed record RegionGroup(string Region, List<Row> Countries);

    public async Task OnGetAsync()
    {
        var counts = await db.CountryMonths.GroupBy(c => c.Iso2)
            .Select(g => new { g.Key, Articles = g.Sum(c => c.Articles), Mentions = g.Sum(c => c.Mentions) })
            .ToListAsync();
        var filter = string.IsNullOrWhiteSpace(Filter) ? null : Folding.Fold(Filter.Trim());
        var rows = counts
            .Select(c => (Country: CountryCatalog.Default.Find(c.Key), c.Articles, c.Mentions))
            .Where(c => c.Country is not null)
            .Where(c => filter is null || Folding.Fold(c.Country!.Name).Contains(filter) || c.Country!.Iso2 == filter)
            .ToList();
        Total = rows.Count;
        Regions = rows
            // The catalogue names regions in English and French; countries only in French.
            .GroupBy(r => Languages.CurrentIsEnglish ? r.Country!.Region : r.Country!.RegionFr)
            .OrderByDescending(g => g.Sum(r => r.Articles)).ThenBy(g => g.Key)
            .Select(g => new RegionGroup(g.Key, g.OrderByDescending(r => r.Articles).ThenBy(r => r.Country!.Name)
                .Select(r => new Row(r.Country!.Iso2, r.Country.Name, r.Articles, r.Mentions)).ToList()))
            .ToList();
    }
}
