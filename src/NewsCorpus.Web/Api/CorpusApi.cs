using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Articles;
using NewsCorpus.Countries;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Infrastructure;
using NewsCorpus.Web.Pages.Shared;
using NewsCorpus.Web.Requests;

namespace NewsCorpus.Web.Api;

/// <summary>The JSON API: the same data as the pages, for scripts and other tools. Errors are problem details (RFC 9457).</summary>
public static class CorpusApi
{
    public static IServiceCollection AddCorpusApi(this IServiceCollection services) => services
        .AddProblemDetails()
        // Enums are words in JSON ("newest", "person"), as in the query string.
        .ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;   // numbers are numbers, also in the OpenAPI schemas
        })
        // A parameter that cannot be read ("page=abc") is a 400 problem in every environment, not an exception.
        .Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);

    public static void MapCorpusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("API").VersionedByCorpus();
        api.MapGetAndHead("/search", Search).WithName("search").RequireRateLimiting(SearchRateLimit.Policy)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Rechercher")
            .WithDescription("Une page de résultats classés, avec extraits (HTML, mots trouvés dans <mark>), le total, les facettes (pays, mois, entités), les formes trouvées, des suggestions et les remarques sur la requête. Mêmes paramètres que la page /search ; une page ou une taille de page hors limites, un tri inconnu répondent 400.");
        api.MapGetAndHead("/articles/{id}", Article).WithName("getArticle")
            .Produces(StatusCodes.Status301MovedPermanently).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Un article")
            .WithDescription("Titre, mois, fichier, pays cités (mentions, présence dans le chapô), chapô, intertitres, texte brut et HTML, nombre de mots. L’identifiant d’une copie exacte redirige (301) vers l’original.");
        api.MapGetAndHead("/timeline", Timeline).WithName("getTimeline")
            .WithSummary("La chronologie")
            .WithDescription("Le nombre d’articles de chaque mois, du premier au dernier, mois vides compris.");
        api.MapGetAndHead("/trends", TrendSeries).WithName("getTrends").RequireRateLimiting(SearchRateLimit.Policy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Tendances")
            .WithDescription("Jusqu’à cinq requêtes (q répété) comptées mois par mois : articles qui répondent, total du mois et part, pour chaque mois de la période, mois vides compris.");
        api.MapGetAndHead("/countries", CountryList).WithName("listCountries")
            .WithSummary("Les pays cités")
            .WithDescription("Chaque pays cité, avec son nombre d’articles et de mentions, du plus cité au moins cité.");
        api.MapGetAndHead("/countries/{iso2}", CountryDetails).WithName("getCountry")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Un pays")
            .WithDescription("Un pays : articles et mentions, articles par mois, pays et entités cités avec lui, ses 100 articles les plus récents.");
        api.MapGetAndHead("/entities", EntityList).WithName("listEntities")
            .ProducesValidationProblem()
            .WithSummary("Les entités")
            .WithDescription("Les personnes, organisations et lieux nommés dans le corpus, du plus cité au moins cité, page par page, filtrés par type et par nom.");
        api.MapGetAndHead("/entities/{slug}", EntityDetails).WithName("getEntity")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Une entité")
            .WithDescription("Une entité : articles et mentions, articles par mois, pays et entités cités avec elle, ses 100 articles les plus récents avec les graphies employées.");
    }

    static Results<Ok<SearchAnswer>, ValidationProblem> Search(CorpusDb db, [AsParameters] SearchPageQuery query)
    {
        if (Invalid(query) is { } problem) return problem;
        var r = CorpusSearch.For(db.OpenConnection()).Search(query.ToSearch());
        return TypedResults.Ok(new SearchAnswer(r.Total, r.TotalSample, r.Page, r.PageSize, r.Sort,
            [.. r.Hits.Select(h => new SearchResult(h.Id, h.Date, h.Title, h.SnippetHtml, h.Countries, h.Score, h.Source))],
            new SearchFacets(r.FacetSample,
                [.. r.Countries.Select(c => new CountryCount(c.Iso2, CountryCatalog.Default.Find(c.Iso2)?.Name, c.Count))],
                [.. r.Months.Select(m => new MonthCount(m.Month, m.Count))],
                [.. r.Entities.Select(e => new EntityCount(e.Slug, e.Name, e.Kind, e.Count))],
                [.. r.Sources.Select(s => new SourceFacet(s.Slug, s.Name, s.Count))]),
            [.. r.Variants.Select(v => new TermForms(v.Term, [.. v.Forms.Select(f => new FormCount(f.Form, f.Occurrences))]))],
            [.. r.Suggestions.Select(s => new SearchSuggestion(s.Word, s.Replacement, s.Query))],
            Notices(r.Query.Notices)));
    }

    static Ok<TrendsAnswer> TrendSeries(CorpusDb db, [AsParameters] TrendsQuery query)
    {
        // With a source, the shares are of that outlet's articles; by default the months are the dense period.
        var trend = NewsCorpus.Research.Trends.Compute(db.OpenConnection(), query.Queries, query.Filters, whole: query.Whole);
        return TypedResults.Ok(new TrendsAnswer([.. trend.Months.Select(m => m.ToString())],
            [.. trend.Series.Select(s => new TrendLine(s.Query, s.Total,
                [.. s.Points.Select(p => new TrendPoint(p.Month.ToString(), p.Articles, p.MonthTotal, Math.Round(p.Share, 6), p.ShareIsDrawn))],
                Notices(s.Notices)))],
            trend.Window is { } w ? new TrendWindow(w.First.ToString(), w.Last.ToString(), w.Before, w.After) : null));
    }

    static List<Notice> Notices(IEnumerable<QueryNotice> notices) => [.. notices.Select(n => new Notice(n.Kind.ToString(), n.Detail))];

    static async Task<Results<Ok<ArticleAnswer>, RedirectHttpResult, ProblemHttpResult>> Article(CorpusDb db,
        [Description(Parameters.ArticleId)] string id)
    {
        var a = await db.Articles.Include(x => x.Countries).FirstOrDefaultAsync(x => x.Id == id);
        if (a is null)
        {
            var copy = await db.DuplicateFiles.FirstOrDefaultAsync(d => d.Id == id);
            return copy is null
                ? NotFound($"No article with id '{id}'.")
                : TypedResults.Redirect($"/api/articles/{copy.OriginalId}", permanent: true);
        }
        return TypedResults.Ok(new ArticleAnswer(a.Id, a.Day is { } day ? $"{a.Month}-{day:D2}" : a.Month, a.Title, a.FileName,
            [.. a.Countries.OrderByDescending(c => c.Weight).Select(c => new ArticleCountry(c.Iso2, CountryCatalog.Default.Find(c.Iso2)?.Name, c.Mentions, c.InLead))],
            a.Lead, a.Headings.Length == 0 ? [] : a.Headings.Split('\n'), a.Body, ArticleHtml.Render(a.Body), a.WordCount, $"/articles/{a.Id}",
            a.Source, a.Author, a.Url));
    }

    static async Task<Ok<TimelineAnswer>> Timeline(CorpusDb db)
    {
        var months = await db.Articles.GroupBy(a => a.Month).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var byMonth = months.Where(m => YearMonth.TryParse(m.Key, out _)).ToDictionary(m => YearMonth.TryParse(m.Key, out var ym) ? ym.Value : default, m => m.Count);
        var all = byMonth.Count == 0 ? [] : YearMonth.Range(byMonth.Keys.Min(), byMonth.Keys.Max()).ToList();
        return TypedResults.Ok(new TimelineAnswer(byMonth.Values.Sum(),
            all.Count == 0 ? null : all[0].ToString(), all.Count == 0 ? null : all[^1].ToString(),
            [.. all.Select(m => new TimelineMonth(m.ToString(), byMonth.GetValueOrDefault(m), $"/timeline/{m}"))]));
    }

    static async Task<Ok<List<CountryItem>>> CountryList(CorpusDb db)
    {
        var counts = await db.CountryMonths.GroupBy(c => c.Iso2)
            .Select(g => new { g.Key, Articles = g.Sum(c => c.Articles), Mentions = g.Sum(c => c.Mentions) })
            .ToListAsync();
        return TypedResults.Ok(counts
            .Select(c => (Country: CountryCatalog.Default.Find(c.Key), c.Articles, c.Mentions))
            .Where(c => c.Country is not null)
            .OrderByDescending(c => c.Articles).ThenBy(c => c.Country!.Name)
            .Select(c => new CountryItem(c.Country!.Iso2, c.Country.Name, c.Country.RegionFr, c.Articles, c.Mentions, $"/countries/{c.Country.Iso2}"))
            .ToList());
    }

    static async Task<Results<Ok<CountryAnswer>, ProblemHttpResult>> CountryDetails(CorpusDb db, [Description(Parameters.Country)] string iso2)
    {
        var country = CountryCatalog.Default.Find(iso2);
        if (country is null) return NotFound($"No country with code '{iso2}'.");
        var counted = await db.CountryMonths.Where(m => m.Iso2 == country.Iso2).OrderBy(m => m.Month).ToListAsync();
        var latest = await db.ArticleCountries.Where(c => c.Iso2 == country.Iso2).NewestFirst(c => c.Article)
            .Select(c => new CountryArticle(c.Article.Id, c.Article.Month, c.Article.Title, c.Mentions, c.InLead))
            .Take(100).ToListAsync();
        return TypedResults.Ok(new CountryAnswer(country.Iso2, country.Name, country.OfficialName, country.RegionFr,
            counted.Sum(m => m.Articles), counted.Sum(m => m.Mentions),
            [.. counted.Select(m => new MonthCount(m.Month, m.Articles))],
            [.. (await CoMentions.CountriesWith(db, country.Iso2, top: 50)).Select(c => new CountryArticles(c.Iso2, c.Name, c.Articles))],
            [.. (await CoMentions.EntitiesWith(db, country.Iso2, top: 50)).Select(e => new EntityArticles(e.Slug, e.Name, e.Kind, e.Articles))],
            latest));
    }

    static async Task<Results<Ok<EntityPage>, ValidationProblem>> EntityList(CorpusDb db, [AsParameters] EntityListQuery query)
    {
        if (Invalid(query) is { } problem) return problem;
        var entities = db.Entities.AsQueryable();
        if (query.Kind?.As<NewsCorpus.Entities.EntityKind>() is { } kind) entities = entities.Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var part = SlugPart(query.Name);
            entities = entities.Where(e => e.Slug.Contains(part));
        }
        int total = await entities.CountAsync();
        int number = query.Page ?? 1, size = query.PageSize ?? 100;
        var page = await entities.OrderByDescending(e => e.Articles).ThenBy(e => e.Name).ThenBy(e => e.Slug)
            .Skip((int)Math.Min(int.MaxValue, (number - 1L) * size)).Take(size)
            .Select(e => new EntityItem(e.Slug, e.Name, e.Kind, e.Articles, e.Mentions, "/entities/" + e.Slug))
            .ToListAsync();
        return TypedResults.Ok(new EntityPage(total, number, size, page));
    }

    static async Task<Results<Ok<EntityAnswer>, ProblemHttpResult>> EntityDetails(CorpusDb db, [Description(Parameters.Entity)] string slug)
    {
        var entity = await db.Entities.FirstOrDefaultAsync(e => e.Slug == slug);
        if (entity is null) return NotFound($"No entity '{slug}'.");
        var mentions = db.ArticleEntities.Where(x => x.EntityKey == entity.Key);
        var articleKeys = mentions.Select(x => x.ArticleKey);
        var months = await mentions.GroupBy(x => x.Article.Month).Select(g => new MonthCount(g.Key, g.Count())).ToListAsync();
        var latest = await mentions.NewestFirst(x => x.Article)
            .Take(100).Select(x => new { x.Article.Id, x.Article.Month, x.Article.Title, x.Mentions, x.Surfaces }).ToListAsync();
        return TypedResults.Ok(new EntityAnswer(entity.Slug, entity.Name, entity.Kind, entity.Articles, entity.Mentions,
            [.. months.OrderBy(m => m.Month, StringComparer.Ordinal)],
            [.. (await CoMentions.Countries(db, articleKeys, top: 50)).Select(c => new CountryArticles(c.Iso2, c.Name, c.Articles))],
            [.. (await CoMentions.Entities(db, articleKeys, except: entity.Key, top: 50)).Select(e => new EntityArticles(e.Slug, e.Name, e.Kind, e.Articles))],
            [.. latest.Select(a => new EntityArticle(a.Id, a.Month, a.Title, a.Mentions, a.Surfaces.Split('\n')))]));
    }

    /// <summary>Slugs are names folded to lower-case ASCII, words joined by hyphens: a name filter is folded the same way.</summary>
    static string SlugPart(string name)
    {
        var slug = new System.Text.StringBuilder();
        foreach (var c in NewsCorpus.Analysis.Folding.Fold(name.Trim()))
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }

    static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>The request's data annotations (ranges, known enum values) checked; null when they hold.</summary>
    public static ValidationProblem? Invalid(object request)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true)) return null;
        return TypedResults.ValidationProblem(results
            .SelectMany(r => r.MemberNames.Select(m => (Name: char.ToLowerInvariant(m[0]) + m[1..], Error: r.ErrorMessage ?? "invalid")))
            .GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Select(e => e.Error).ToArray()));
    }
}
