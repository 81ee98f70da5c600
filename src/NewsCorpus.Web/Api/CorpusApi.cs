using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Articles;
using NewsCorpus.Countries;
using NewsCorpus.Search;
using NewsCorpus.Storage;

namespace NewsCorpus.Web.Api;

/// <summary>The JSON API: the same data as the pages, for scripts and other tools.</summary>
public static class CorpusApi
{
    public static void MapCorpusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/search", Search).RequireRateLimiting(Infrastructure.SearchRateLimit.Policy);
        api.MapGet("/articles/{id}", Article);
        api.MapGet("/timeline", Timeline);
        api.MapGet("/countries", CountryList);
    }

    static IResult Search(CorpusDb db, string? q, string? country, string? from, string? to, string? sort, int? page, int? pageSize, string? entity)
    {
        var request = SearchRequest.FromForm(q, country, from, to, sort, page ?? 1, pageSize ?? 20, entity);
        var r = new CorpusSearch((SqliteConnection)db.Database.GetDbConnection()).Search(request);
        return Results.Ok(new
        {
            total = r.Total,
            page = r.Page,
            pageSize = r.PageSize,
            sort = r.Sort.ToString().ToLowerInvariant(),
            results = r.Hits.Select(h => new { id = h.Id, date = h.Month, title = h.Title, snippet = h.SnippetHtml, countries = h.Countries, score = h.Score }),
            facets = new
            {
                countries = r.Countries.Select(c => new { iso2 = c.Iso2, name = CountryCatalog.Default.Find(c.Iso2)?.Name, count = c.Count }),
                months = r.Months.Select(m => new { month = m.Month, count = m.Count }),
                entities = r.Entities.Select(e => new { slug = e.Slug, name = e.Name, kind = e.Kind.ToString().ToLowerInvariant(), count = e.Count }),
            },
            variants = r.Variants.Select(v => new { term = v.Term, forms = v.Forms.Select(f => new { form = f.Form, count = f.Occurrences }) }),
            suggestions = r.Suggestions.Select(s => new { word = s.Word, suggestion = s.Replacement, query = s.Query }),
            notices = r.Query.Notices.Select(n => new { kind = n.Kind.ToString(), detail = n.Detail }),
        });
    }

    static async Task<IResult> Article(CorpusDb db, string id)
    {
        var a = await db.Articles.Include(x => x.Countries).FirstOrDefaultAsync(x => x.Id == id);
        if (a is null)
        {
            var copy = await db.DuplicateFiles.FirstOrDefaultAsync(d => d.Id == id);
            return copy is null
                ? Results.NotFound(new { error = $"no article with id '{id}'" })
                : Results.Redirect($"/api/articles/{copy.OriginalId}", permanent: true);
        }
        return Results.Ok(new
        {
            id = a.Id,
            date = a.Month,
            title = a.Title,
            file = a.FileName,
            countries = a.Countries.OrderByDescending(c => c.Mentions)
                .Select(c => new { iso2 = c.Iso2, name = CountryCatalog.Default.Find(c.Iso2)?.Name, mentions = c.Mentions, inLead = c.InLead }),
            lead = a.Lead,
            headings = a.Headings.Length == 0 ? [] : a.Headings.Split('\n'),
            body = a.Body,
            html = ArticleHtml.Render(a.Body),
            wordCount = a.WordCount,
            url = $"/articles/{a.Id}",
        });
    }

    static async Task<IResult> Timeline(CorpusDb db)
    {
        var months = await db.Articles.GroupBy(a => a.Month).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var byMonth = months.Where(m => YearMonth.TryParse(m.Key, out _)).ToDictionary(m => YearMonth.TryParse(m.Key, out var ym) ? ym.Value : default, m => m.Count);
        var all = byMonth.Count == 0 ? [] : YearMonth.Range(byMonth.Keys.Min(), byMonth.Keys.Max()).ToList();
        return Results.Ok(new
        {
            total = byMonth.Values.Sum(),
            first = all.Count == 0 ? null : all[0].ToString(),
            last = all.Count == 0 ? null : all[^1].ToString(),
            months = all.Select(m => new { month = m.ToString(), count = byMonth.GetValueOrDefault(m), url = $"/timeline/{m}" }),
        });
    }

    static async Task<IResult> CountryList(CorpusDb db)
    {
        var counts = await db.ArticleCountries.GroupBy(c => c.Iso2)
            .Select(g => new { g.Key, Articles = g.Count(), Mentions = g.Sum(c => c.Mentions) })
            .ToListAsync();
        return Results.Ok(counts
            .Select(c => (Country: CountryCatalog.Default.Find(c.Key), c.Articles, c.Mentions))
            .Where(c => c.Country is not null)
            .OrderByDescending(c => c.Articles).ThenBy(c => c.Country!.Name)
            .Select(c => new { iso2 = c.Country!.Iso2, name = c.Country.Name, region = c.Country.RegionFr, articles = c.Articles, mentions = c.Mentions, url = $"/countries/{c.Country.Iso2}" }));
    }
}
