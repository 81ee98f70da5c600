using System.Linq.Expressions;
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

    /// <summary>Newest first walks the month index when at least one article in this many names the country.</summary>
    const int WalkFromShare = 20;

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
    sealed record Listed(long Key, string Id, string Month, string Title, int Mentions, bool InLead, int Versions);

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
        Histogram = await MonthBars.Create(text["Articles citant {0}, par mois", country.Name], months.Select(m => (m.Key, m.Count)),
            m => $"/countries/{country.Iso2}?month={m}", SelectedMonth)
            .WithDays(Request.Query, MonthBars.DaysOf(mentions.Select(c => c.Article)));

        CoMentionsView = new CoMentions.View(
            await CoMentions.CountriesWith(db, country.Iso2),
            await CoMentions.EntitiesWith(db, country.Iso2),
            other => $"/search?country={country.Iso2},{other}");

        var iso = country.Iso2;
        var selected = SelectedMonth;
        if (selected is not null) mentions = mentions.Where(c => c.Article.Month == selected);
        Folded = versions != "all";
        // A version is hidden when an earlier article of its near-duplicate cluster also names the country (in the
        // month shown). Only clustered articles can be, and a partial index holds them, so the count starts there:
        // asking every article of a country for its cluster read a page of the articles table each (seconds for a
        // country half a million articles name).
        Expression<Func<Article, bool>> hidden = a => a.ClusterKey != null && db.Articles.Any(b => b.ClusterKey == a.ClusterKey
            && b.Key < a.Key && b.Countries.Any(o => o.Iso2 == iso) && (selected == null || b.Month == selected));
        var visible = Expression.Lambda<Func<Article, bool>>(Expression.Not(hidden.Body), hidden.Parameters);
        var naming = db.Articles.Where(a => a.Countries.Any(c => c.Iso2 == iso) && (selected == null || a.Month == selected));
        // With a month, counted from the month's index entries: the mentions would each read their article's row.
        int all = selected is null ? await mentions.CountAsync() : await naming.CountAsync();
        HiddenVersions = Folded ? await naming.CountAsync(hidden) : 0;
        Total = all - HiddenVersions;
        var pageCount = Pager.PageCountFor(Total, PageSize);
        p = Math.Clamp(p, 1, pageCount);
        ByRelevance = sort == "relevance";
        var monthPart = (SelectedMonth is null ? "" : $"month={SelectedMonth}&") + (Folded ? "" : "versions=all&") + (ByRelevance ? "sort=relevance&" : "");
        Pager = new Pager(p, pageCount, n => $"/countries/{country.Iso2}?{monthPart}p={n}");

        // Newest first, for a country many articles (of the month) name, the month index is walked from its end until
        // the page is full (a few dozen entries for Mali at a million articles, instead of sorting half a million
        // rows, a page of the articles table each). For a country few articles name that walk would cross most of
        // the index, and its own rows are the shorter way; so is the order by weight (an index of the country's rows).
        // Keys are handed out in order, so the largest is the corpus's size or a little more: enough to choose a plan.
        long inView = selected is null ? await db.Articles.MaxAsync(a => (long?)a.Key) ?? 0 : await db.Articles.CountAsync(a => a.Month == selected);
        bool walkMonths = !ByRelevance && (long)all * WalkFromShare > inView;
        List<Listed> rows;
        if (walkMonths)
        {
            var listed = Folded ? naming.Where(visible) : naming;
            rows = await listed
                .NewestFirst()
                .Skip((p - 1) * PageSize).Take(PageSize)
                .Select(a => new Listed(a.Key, a.Id, a.Month, a.Title,
                    a.Countries.Where(c => c.Iso2 == iso).Select(c => c.Mentions).First(),
                    a.Countries.Where(c => c.Iso2 == iso).Select(c => c.InLead).First(), a.ClusterSize))
                .ToListAsync();
        }
        else
        {
            var shown = db.Articles.Where(visible);
            if (Folded) mentions = mentions.Where(c => shown.Any(a => a.Key == c.ArticleKey));
            var ordered = ByRelevance
                ? mentions.OrderByDescending(c => c.Weight).ThenByDescending(c => c.Article.Month).ThenBy(c => c.Article.Id)
                : mentions.NewestFirst(c => c.Article);
            rows = await ordered
                .Skip((p - 1) * PageSize).Take(PageSize)
                .Select(c => new Listed(c.ArticleKey, c.Article.Id, c.Article.Month, c.Article.Title, c.Mentions, c.InLead, c.Article.ClusterSize))
                .ToListAsync();
        }
        // The page's other countries in a query of their own, so the page's query stays one SQLite can stop early.
        var keys = rows.Select(r => r.Key).ToList();
        var countries = (await db.ArticleCountries.Where(c => keys.Contains(c.ArticleKey))
                .Select(c => new { c.ArticleKey, c.Iso2, c.Weight }).ToListAsync())
            .OrderByDescending(c => c.Weight).ThenBy(c => c.Iso2, StringComparer.Ordinal)
            .ToLookup(c => c.ArticleKey, c => c.Iso2);
        Articles = rows.ConvertAll(r => new Row(r.Id, r.Month, r.Title, r.Mentions, r.InLead, countries[r.Key].ToList(), r.Versions));
        return Page();
    }
}
