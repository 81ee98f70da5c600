using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsCorpus.Articles;
using NewsCorpus.Countries;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Countries;

public sealed class DetailsModel(CorpusDb db, IStringLocalizer<UiText> text) : PageModel
{
    public const int PageSize = 20;

    public Country Country { get; private set; } = null!;
    public int Total { get; private set; }
    public int Mentions { get; private set; }
    public string? SelectedMonth { get; private set; }
    public MonthBars Histogram { get; private set; } = new("", []);
    public List<Row> Articles { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 1, _ => "");
    public CoMentions.View CoMentionsView { get; private set; } = new([], [], _ => "");

    public bool Folded { get; private set; }
    public int HiddenVersions { get; private set; }
    /// <summary>Every article of this view (the month filter included, no page) and the country's feed.</summary>
    public ExportLinks Exports => ExportLinks.For($"countries/{Country.Iso2}", ExportLinks.Query(("month", SelectedMonth)), $"/countries/{Country.Iso2}.atom");


    public sealed record Row(string Id, string Month, string Title, int Mentions, bool InLead, List<string> Countries, int Versions);

    /// <summary>"relevance": the articles most about the country first (mentions, the lead counting more); otherwise newest first.</summary>
    public bool ByRelevance { get; private set; }

    public async Task<IActionResult> OnGetAsync(string iso2, string? month, int p = 1, string? versions = null, string? sort = null)
    {
        var country = CountryCatalog.Default.Find(iso2);
        if (country is null) return NotFound();
        if (iso2 != country.Iso2) return RedirectPermanent($"/countries/{country.Iso2}");
        Country = country;
        ViewData["Feed"] = $"/countries/{country.Iso2}.atom";
        ViewData["FeedTitle"] = text["{0} : articles les plus récents", country.Name].Value;

        var mentions = db.ArticleCountries.Where(c => c.Iso2 == country.Iso2);
        // Counted at import (country_months, country_pairs, country_entities): a cold view reads a few rows.
        var months = await db.CountryMonths.Where(m => m.Iso2 == country.Iso2).Select(m => new { Key = m.Month, Count = m.Articles, m.Mentions }).ToListAsync();
        Mentions = months.Sum(m => m.Mentions);
        SelectedMonth = YearMonth.TryParse(month, out var ym) ? ym.Value.ToString() : null;
        Histogram = MonthBars.Create(text["Articles citant {0}, par mois", country.Name], months.Select(m => (m.Key, m.Count)),
            m => $"/countries/{country.Iso2}?month={m}", SelectedMonth);

        CoMentionsView = new CoMentions.View(
            await CoMentions.CountriesWith(db, country.Iso2),
            await CoMentions.EntitiesWith(db, country.Iso2),
            other => $"/search?country={country.Iso2},{other}");

        if (SelectedMonth is not null) mentions = mentions.Where(c => c.Article.Month == SelectedMonth);
        Folded = versions != "all";
        var all = mentions;
        if (Folded)
            // Hidden when an earlier version of the same cluster also names the country: found through the
            // cluster index (a cluster has a few articles), not by walking every article of the country.
            mentions = mentions.Where(c => c.Article.ClusterKey == null
                || !db.Articles.Any(b => b.ClusterKey == c.Article.ClusterKey && b.Key < c.ArticleKey
                    && b.Countries.Any(o => o.Iso2 == country.Iso2 && (SelectedMonth == null || b.Month == SelectedMonth))));
        Total = await mentions.CountAsync();
        HiddenVersions = await all.CountAsync() - Total;
        var pageCount = Pager.PageCountFor(Total, PageSize);
        p = Math.Clamp(p, 1, pageCount);
        ByRelevance = sort == "relevance";
        var monthPart = (SelectedMonth is null ? "" : $"month={SelectedMonth}&") + (Folded ? "" : "versions=all&") + (ByRelevance ? "sort=relevance&" : "");
        Pager = new Pager(p, pageCount, n => $"/countries/{country.Iso2}?{monthPart}p={n}");
        var ordered = ByRelevance
            ? mentions.OrderByDescending(c => c.Weight).ThenByDescending(c => c.Article.Month).ThenBy(c => c.Article.Id)
            : mentions.OrderByDescending(c => c.Article.Month).ThenByDescending(c => c.Article.Number).ThenBy(c => c.Article.Id);
        Articles = await ordered
            .Skip((p - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.Article.Id, c.Article.Month, c.Article.Title, c.Mentions, c.InLead,
                c.Article.Countries.OrderByDescending(x => x.Weight).Select(x => x.Iso2).ToList(), c.Article.ClusterSize))
            .ToListAsync();
        return Page();
    }
}
