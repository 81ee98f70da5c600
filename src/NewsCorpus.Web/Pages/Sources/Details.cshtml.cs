using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Sources;

/// <summary>An outlet: its volume over time, the countries and entities it names most, its articles newest first.</summary>
public sealed class DetailsModel(CorpusDb db, IStringLocalizer<UiText> text) : PageModel
{
    public const int PageSize = 20;

    public string Slug { get; private set; } = "";
    /// <summary>The outlet's name as most of its articles write it.</summary>
    public string Name { get; private set; } = "";
    public int Total { get; private set; }
    public MonthBars Histogram { get; private set; } = new("", []);
    public List<CoMentions.CountryCount> Countries { get; private set; } = [];
    public List<CoMentions.EntityCount> Related { get; private set; } = [];
    public List<Row> Articles { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 1, _ => "");
    public CoMentions.View CoMentionsView => new(Countries, Related, iso2 => $"/search?source={Slug}&country={iso2}");

    public sealed record Row(string Id, string Month, int? Day, string Title, string? Author);

    public async Task<IActionResult> OnGetAsync(string slug, int p = 1)
    {
        // Outlets are few: their names are matched to the slug here, every spelling of it ("Le Monde", "LE MONDE").
        var names = (await db.Articles.Where(a => a.Source != null).GroupBy(a => a.Source!).Select(g => new { Name = g.Key, Count = g.Count() }).ToListAsync())
            .Where(n => SourceNames.Slug(n.Name) == slug).ToList();
        if (names.Count == 0) return NotFound();
        Slug = slug;
        Name = SourceNames.Preferred(names.Select(n => (n.Name, n.Count)));
        Total = names.Sum(n => n.Count);
        var spellings = names.Select(n => n.Name).ToList();
        var articles = db.Articles.Where(a => a.Source != null && spellings.Contains(a.Source));

        var months = await articles.GroupBy(a => a.Month).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Histogram = await MonthBars.Create(text["Articles de {0}, par mois", Name], months.Select(m => (m.Key, m.Count)),
            m => $"/search?source={slug}&from={m}&to={m}")
            .WithDays(Request.Query, MonthBars.DaysOf(articles));
        var keys = articles.Select(a => a.Key);
        Countries = await CoMentions.Countries(db, keys);
        Related = await CoMentions.Entities(db, keys);

        int pageCount = Pager.PageCountFor(Total, PageSize);
        p = Math.Clamp(p, 1, pageCount);
        Pager = new Pager(p, pageCount, n => $"/sources/{slug}?p={n}");
        Articles = await articles.NewestFirst()
            .Skip((p - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.Id, a.Month, a.Day, a.Title, a.Author))
            .ToListAsync();
        return Page();
    }
}
