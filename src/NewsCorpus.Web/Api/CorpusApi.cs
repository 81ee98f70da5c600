using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Articles;
using NewsCorpus.Countries;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Api;

/// <summary>The JSON API: the same data as the pages, for scripts and other tools.</summary>
public static class CorpusApi
{
    public static void MapCorpusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("API");
        api.MapGet("/search", Search).RequireRateLimiting(Infrastructure.SearchRateLimit.Policy)
            .WithSummary("Rechercher")
            .WithDescription("Une page de résultats classés, avec extraits (HTML, mots trouvés dans <mark>), le total, les facettes (pays, mois, entités), les formes trouvées, des suggestions et les remarques sur la requête. Mêmes paramètres que la page /search.");
        api.MapGet("/articles/{id}", Article)
            .WithSummary("Un article")
            .WithDescription("Titre, mois, fichier, pays cités (mentions, présence dans le chapô), chapô, intertitres, texte brut et HTML, nombre de mots. L’identifiant d’une copie exacte redirige (301) vers l’original.");
        api.MapGet("/timeline", Timeline)
            .WithSummary("La chronologie")
            .WithDescription("Le nombre d’articles de chaque mois, du premier au dernier, mois vides compris.");
        api.MapGet("/trends", TrendSeries).RequireRateLimiting(Infrastructure.SearchRateLimit.Policy)
            .WithSummary("Tendances")
            .WithDescription("Jusqu’à cinq requêtes (q répété) comptées mois par mois : articles qui répondent, total du mois et part, pour chaque mois de la période, mois vides compris.");
        api.MapGet("/countries", CountryList)
            .WithSummary("Les pays cités")
            .WithDescription("Chaque pays cité, avec son nombre d’articles et de mentions, du plus cité au moins cité.");
        api.MapGet("/countries/{iso2}", CountryDetails)
            .WithSummary("Un pays")
            .WithDescription("Un pays : articles et mentions, articles par mois, pays et entités cités avec lui, ses 100 articles les plus récents.");
        api.MapGet("/entities", EntityList)
            .WithSummary("Les entités")
            .WithDescription("Les personnes, organisations et lieux nommés dans le corpus, du plus cité au moins cité.");
        api.MapGet("/entities/{slug}", EntityDetails)
            .WithSummary("Une entité")
            .WithDescription("Une entité : articles et mentions, articles par mois, pays et entités cités avec elle, ses 100 articles les plus récents avec les graphies employées.");
    }

    // Numbers arrive as text: a malformed page number is page 1, not a binding failure.
    static IResult Search(CorpusDb db,
        [Description("La requête, dans le langage de /search/help : mots, « expression exacte », OR, -exclure, tronc*, pays:ml, du:2023-10, au:2023-12")] string? q,
        [Description("Codes pays ISO 3166-1 alpha-2, séparés par des virgules : tous doivent être cités")] string? country,
        [Description("Premier mois, AAAA-MM")] string? from,
        [Description("Dernier mois, AAAA-MM")] string? to,
        [Description("relevance (par défaut avec des mots), newest (par défaut sans mots) ou oldest")] string? sort,
        [Description("Numéro de page, à partir de 1")] string? page,
        [Description("Résultats par page, 20 par défaut, 100 au plus")] string? pageSize,
        [Description("Identifiants d’entités (slugs), séparés par des virgules : toutes doivent être nommées")] string? entity,
        [Description("Sources (slugs comme le-monde, ou noms), séparées par des virgules : l’une d’elles")] string? source)
    {
        var request = SearchRequest.FromForm(q, country, from, to, sort, Number(page, 1), Number(pageSize, 20), entity, source);
        var r = CorpusSearch.For(db.OpenConnection()).Search(request);
        return Results.Ok(new
        {
            total = r.Total,
            page = r.Page,
            pageSize = r.PageSize,
            sort = r.Sort.ToString().ToLowerInvariant(),
            // date: yyyy-MM-dd when the article gives its day, yyyy-MM when it is dated to the month.
            results = r.Hits.Select(h => new { id = h.Id, date = h.Date, title = h.Title, snippet = h.SnippetHtml, countries = h.Countries, score = h.Score, source = h.Source }),
            facets = new
            {
                // Null when the country and entity counts are exact; else how many matches they were counted on.
                sample = r.FacetSample,
                countries = r.Countries.Select(c => new { iso2 = c.Iso2, name = CountryCatalog.Default.Find(c.Iso2)?.Name, count = c.Count }),
                months = r.Months.Select(m => new { month = m.Month, count = m.Count }),
                entities = r.Entities.Select(e => new { slug = e.Slug, name = e.Name, kind = e.Kind.ToString().ToLowerInvariant(), count = e.Count }),
                sources = r.Sources.Select(s => new { slug = s.Slug, name = s.Name, count = s.Count }),
            },
            variants = r.Variants.Select(v => new { term = v.Term, forms = v.Forms.Select(f => new { form = f.Form, count = f.Occurrences }) }),
            suggestions = r.Suggestions.Select(s => new { word = s.Word, suggestion = s.Replacement, query = s.Query }),
            notices = r.Query.Notices.Select(n => new { kind = n.Kind.ToString(), detail = n.Detail }),
        });
    }

    static IResult TrendSeries(HttpRequest http, CorpusDb db, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? q, string? country, string? from, string? to,
        [Description("Une source (slug ou nom) : les parts sont alors celles des articles de cette source")] string? source,
        [Description("all : tous les mois ; par défaut la période la plus dense (99 % des articles)")] string? chart)
    {
        var request = SearchRequest.FromForm(null, country, from, to, null, source: source);
        // The series in the order asked (q as bound may have been sorted by the output cache: see QueryOrder).
        var trend = NewsCorpus.Research.Trends.Compute(db.OpenConnection(), Infrastructure.QueryOrder.Values(http, "q"), request.Filters, whole: chart == "all");
        return Results.Ok(new
        {
            months = trend.Months.Select(m => m.ToString()),
            // The months charted and the articles left out before and after them.
            window = trend.Window is { } w ? new { first = w.First.ToString(), last = w.Last.ToString(), before = w.Before, after = w.After } : null,
            series = trend.Series.Select(s => new
            {
                query = s.Query,
                total = s.Total,
                points = s.Points.Select(p => new { month = p.Month.ToString(), articles = p.Articles, monthTotal = p.MonthTotal, share = Math.Round(p.Share, 6), shareDrawn = p.ShareIsDrawn }),
                notices = s.Notices.Select(n => new { kind = n.Kind.ToString(), detail = n.Detail }),
            }),
        });
    }

    static int Number(string? text, int fallback) => int.TryParse(text, out var n) ? n : fallback;

    static async Task<IResult> Article(CorpusDb db, [Description("L’identifiant de l’article : 16 chiffres hexadécimaux")] string id)
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
            date = a.Day is { } day ? $"{a.Month}-{day:D2}" : a.Month,
            title = a.Title,
            source = a.Source,
            author = a.Author,
            originalUrl = a.Url,
            file = a.FileName,
            countries = a.Countries.OrderByDescending(c => c.Weight)
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
        var counts = await db.CountryMonths.GroupBy(c => c.Iso2)
            .Select(g => new { g.Key, Articles = g.Sum(c => c.Articles), Mentions = g.Sum(c => c.Mentions) })
            .ToListAsync();
        return Results.Ok(counts
            .Select(c => (Country: CountryCatalog.Default.Find(c.Key), c.Articles, c.Mentions))
            .Where(c => c.Country is not null)
            .OrderByDescending(c => c.Articles).ThenBy(c => c.Country!.Name)
            .Select(c => new { iso2 = c.Country!.Iso2, name = c.Country.Name, region = c.Country.RegionFr, articles = c.Articles, mentions = c.Mentions, url = $"/countries/{c.Country.Iso2}" }));
    }

    static async Task<IResult> CountryDetails(CorpusDb db, [Description("Code pays ISO 3166-1 alpha-2, ml par exemple")] string iso2)
    {
        var country = CountryCatalog.Default.Find(iso2);
        if (country is null) return Results.NotFound(new { error = $"no country with code '{iso2}'" });
        var mentions = db.ArticleCountries.Where(c => c.Iso2 == country.Iso2);
        var counted = await db.CountryMonths.Where(m => m.Iso2 == country.Iso2).OrderBy(m => m.Month).ToListAsync();
        var months = counted.Select(m => new { month = m.Month, count = m.Articles });
        var articles = await mentions.OrderByDescending(c => c.Article.Month).ThenByDescending(c => c.Article.Number).ThenBy(c => c.Article.Id)
            .Select(c => new { id = c.Article.Id, date = c.Article.Month, title = c.Article.Title, mentions = c.Mentions, inLead = c.InLead })
            .Take(100).ToListAsync();
        return Results.Ok(new
        {
            iso2 = country.Iso2,
            name = country.Name,
            officialName = country.OfficialName,
            region = country.RegionFr,
            articles = counted.Sum(m => m.Articles),
            mentions = counted.Sum(m => m.Mentions),
            months,
            coMentionedCountries = (await CoMentions.CountriesWith(db, country.Iso2, top: 50))
                .Select(c => new { iso2 = c.Iso2, name = c.Name, articles = c.Articles }),
            entities = (await CoMentions.EntitiesWith(db, country.Iso2, top: 50))
                .Select(e => new { slug = e.Slug, name = e.Name, kind = e.Kind.ToString().ToLowerInvariant(), articles = e.Articles }),
            latest = articles,
        });
    }

    static async Task<IResult> EntityList(CorpusDb db, [Description("person, organisation ou place (facultatif)")] string? kind)
    {
        var parsed = EntityKinds.Parse(kind);
        if (kind is not null && parsed is null) return Results.BadRequest(new { error = "kind must be person, organisation or place" });
        var list = await db.Entities.Where(e => parsed == null || e.Kind == parsed)
            .OrderByDescending(e => e.Articles).ThenBy(e => e.Name)
            .Select(e => new { e.Slug, e.Name, e.Kind, e.Articles, e.Mentions }).ToListAsync();
        return Results.Ok(list.Select(e => new
        {
            slug = e.Slug, name = e.Name, kind = e.Kind.ToString().ToLowerInvariant(),
            articles = e.Articles, mentions = e.Mentions, url = $"/entities/{e.Slug}",
        }));
    }

    static async Task<IResult> EntityDetails(CorpusDb db, [Description("L’identifiant de l’entité, rosatom par exemple")] string slug)
    {
        var entity = await db.Entities.FirstOrDefaultAsync(e => e.Slug == slug);
        if (entity is null) return Results.NotFound(new { error = $"no entity '{slug}'" });
        var mentions = db.ArticleEntities.Where(x => x.EntityKey == entity.Key);
        var articleKeys = mentions.Select(x => x.ArticleKey);
        var months = await mentions.GroupBy(x => x.Article.Month).Select(g => new { month = g.Key, count = g.Count() }).OrderBy(m => m.month).ToListAsync();
        var latest = await mentions.OrderByDescending(x => x.Article.Month).ThenByDescending(x => x.Article.Number)
            .Take(100).Select(x => new { id = x.Article.Id, date = x.Article.Month, title = x.Article.Title, mentions = x.Mentions, spellings = x.Surfaces }).ToListAsync();
        return Results.Ok(new
        {
            slug = entity.Slug,
            name = entity.Name,
            kind = entity.Kind.ToString().ToLowerInvariant(),
            articles = entity.Articles,
            mentions = entity.Mentions,
            months,
            coMentionedCountries = (await CoMentions.Countries(db, articleKeys, top: 50)).Select(c => new { iso2 = c.Iso2, name = c.Name, articles = c.Articles }),
            coMentionedEntities = (await CoMentions.Entities(db, articleKeys, except: entity.Key, top: 50))
                .Select(e => new { slug = e.Slug, name = e.Name, kind = e.Kind.ToString().ToLowerInvariant(), articles = e.Articles }),
            latest = latest.Select(a => new { a.id, a.date, a.title, a.mentions, spellings = a.spellings.Split('\n') }),
        });
    }
}
