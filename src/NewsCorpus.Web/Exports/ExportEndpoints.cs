using System.ComponentModel;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis;
using NewsCorpus.Articles;
using NewsCorpus.Countries;
using NewsCorpus.Export;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Api;
using NewsCorpus.Web.Infrastructure;
using NewsCorpus.Web.Requests;

namespace NewsCorpus.Web.Exports;

/// <summary>
/// Every result set as a CSV or JSON Lines download: a search, a month, a country, an entity. Rows are
/// written as they are read and nothing is capped; the order is the page's. Exports count against the
/// search rate limit.
/// </summary>
public static class ExportEndpoints
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string JsonLinesType = "application/x-ndjson; charset=utf-8";

    public static void MapExports(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export").RequireRateLimiting(SearchRateLimit.Policy).WithTags("Exports")
            .CacheOutput(p => p.NoCache());   // streamed and uncapped: never held in memory
        export.MapGetAndHead("/search.{format}", Search).WithName("exportSearch").ProducesDownload().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Exporter une recherche")
            .WithDescription("Tous les articles trouvés (sans limite), dans l’ordre de la page de recherche, en CSV ou JSON Lines. Mêmes paramètres que /search.");
        export.MapGetAndHead("/timeline/{month}.{format}", Month).WithName("exportMonth").ProducesDownload()
            .WithSummary("Exporter un mois")
            .WithDescription("Tous les articles d’un mois (AAAA-MM) ou d’un jour (AAAA-MM-JJ), dans l’ordre de la page /timeline/{month}.");
        export.MapGetAndHead("/countries/{iso2}.{format}", Country).WithName("exportCountry").ProducesDownload()
            .WithSummary("Exporter les articles citant un pays")
            .WithDescription("Tous les articles citant le pays, du plus récent au plus ancien, éventuellement pour un seul mois.");
        export.MapGetAndHead("/concordance.{format}", ConcordanceLines).WithName("exportConcordance").ProducesDownload().ProducesValidationProblem()
            .WithSummary("Exporter une concordance")
            .WithDescription("Chaque occurrence en contexte (colonnes id, date, left, match, right, url), sans limite, dans l’ordre choisi (date, left, right). Mêmes paramètres que /concordance.");
        export.MapGetAndHead("/entities/{slug}.{format}", Entity).WithName("exportEntity").ProducesDownload()
            .WithSummary("Exporter les articles citant une entité")
            .WithDescription("Tous les articles nommant la personne, l’organisation ou le lieu, du plus récent au plus ancien.");
    }

    static RouteHandlerBuilder ProducesDownload(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<string>(StatusCodes.Status200OK, CsvType, JsonLinesType)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    static IResult Search(HttpContext http, CorpusDb db, [Description(Parameters.Format)] string format, [AsParameters] SearchQuery query)
    {
        if (CorpusApi.Invalid(query) is { } problem) return problem;
        if (format is not ("csv" or "jsonl")) return Results.NotFound();
        var rows = CorpusSearch.For(Connection(db)).All(query.ToSearch(query.Sort?.As<SearchSort>()));
        return Download(http, format, "newscorpus-recherche" + FileSlug(query.Q), rows);
    }

    static IResult Month(HttpContext http, CorpusDb db, [Description(Parameters.Month)] string month, [Description(Parameters.Format)] string format)
    {
        int? day = null;
        if (DateOnly.TryParseExact(month, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            (month, day) = ($"{date:yyyy-MM}", date.Day);
        if (!YearMonth.TryParse(month, out var ym)) return Results.NotFound();
        var key = ym.Value.ToString();
        var inMonth = db.Articles.Where(a => a.Month == key);
        var keys = (day is null ? inMonth : inMonth.Where(a => a.Day == day)).OldestFirst().Select(a => a.Key).AsEnumerable();
        return Download(http, format, day is null ? $"newscorpus-{key}" : $"newscorpus-{key}-{day:D2}", new ArticleRows(Connection(db)).Read(keys));
    }

    static IResult Country(HttpContext http, CorpusDb db,
        [Description(Parameters.Country)] string iso2,
        [Description(Parameters.Format)] string format,
        [Description("Un seul mois, AAAA-MM (facultatif)")] string? month)
    {
        var country = CountryCatalog.Default.Find(iso2);
        if (country is null) return Results.NotFound();
        var mentions = db.ArticleCountries.Where(c => c.Iso2 == country.Iso2);
        var selected = YearMonth.TryParse(month, out var ym) ? ym.Value.ToString() : null;
        if (selected is not null) mentions = mentions.Where(c => c.Article.Month == selected);
        var keys = mentions.NewestFirst(c => c.Article)
            .Select(c => c.ArticleKey).AsEnumerable();
        var name = $"newscorpus-pays-{country.Iso2}" + (selected is null ? "" : "-" + selected);
        return Download(http, format, name, new ArticleRows(Connection(db)).Read(keys));
    }

    static IResult Entity(HttpContext http, CorpusDb db, [Description(Parameters.Entity)] string slug, [Description(Parameters.Format)] string format)
    {
        var entity = db.Entities.FirstOrDefault(e => e.Slug == slug);
        if (entity is null) return Results.NotFound();
        var keys = db.ArticleEntities.Where(x => x.EntityKey == entity.Key)
            .NewestFirst(x => x.Article)
            .Select(x => x.ArticleKey).AsEnumerable();
        return Download(http, format, $"newscorpus-entite-{entity.Slug}", new ArticleRows(Connection(db)).Read(keys));
    }

    /// <summary>The concordance's columns, in order.</summary>
    public static readonly IReadOnlyList<string> ConcordanceColumns = ["id", "date", "left", "match", "right", "url"];

    static IResult ConcordanceLines(HttpContext http, CorpusDb db, [Description(Parameters.Format)] string format, [AsParameters] ConcordanceQuery query)
    {
        if (CorpusApi.Invalid(query) is { } problem) return problem;
        if (format is not ("csv" or "jsonl")) return Results.NotFound();
        // Uncapped: by date the lines stream as they are found; sorted by a neighbour they must all be read first.
        if (HttpMethods.IsHead(http.Request.Method)) return Headers(format, $"newscorpus-concordance{FileSlug(query.Q)}.{format}");
        var order = query.Sort?.As<NewsCorpus.Research.ConcordanceSort>() ?? NewsCorpus.Research.ConcordanceSort.Date;
        var lines = NewsCorpus.Research.Concordance.Lines(Connection(db), query.ToSearch());
        if (order != NewsCorpus.Research.ConcordanceSort.Date) lines = NewsCorpus.Research.Concordance.Sort(lines.ToList(), order);
        var site = SiteUrl(http.Request);
        var cancel = http.RequestAborted;
        return Results.Stream(async body =>
        {
            if (format == "csv")
            {
                await using var csv = new CsvWriter(body);
                await csv.WriteRowAsync(ConcordanceColumns, cancel);
                foreach (var l in lines)
                    await csv.WriteRowAsync([l.ArticleId, l.Month, l.Left, l.Match, l.Right, $"{site}/articles/{l.ArticleId}"], cancel);
            }
            else
            {
                await using var jsonl = new JsonLinesWriter(body);
                foreach (var l in lines)
                    await jsonl.WriteAsync(new { id = l.ArticleId, date = l.Month, left = l.Left, match = l.Match, right = l.Right, url = $"{site}/articles/{l.ArticleId}" }, cancel);
            }
        }, format == "csv" ? CsvType : JsonLinesType, $"newscorpus-concordance{FileSlug(query.Q)}.{format}");
    }

    static System.Data.Common.DbConnection Connection(CorpusDb db) => db.OpenConnection();

    /// <summary>The site's absolute root, for the article addresses in exports and feeds.</summary>
    public static string SiteUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    static IResult Download(HttpContext http, string format, string fileName, IEnumerable<ArticleRow> rows)
    {
        if (format is not ("csv" or "jsonl")) return Results.NotFound();
        if (HttpMethods.IsHead(http.Request.Method)) return Headers(format, $"{fileName}.{format}");
        var site = SiteUrl(http.Request);
        // The first row is read before answering: a search that runs out of time can still say so with a status.
        var e = rows.GetEnumerator();
        bool any;
        try
        {
            any = e.MoveNext();
        }
        catch (Exception x) when (QueryBudget.IsInterruption(x))
        {
            e.Dispose();
            return TypedResults.Problem("La recherche a dépassé le temps alloué : précisez-la (un mot plus rare, un pays, une période).",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch
        {
            e.Dispose(); // releases the search's time budget, which is set on a pooled connection
            throw;
        }
        var cancel = http.RequestAborted;
        return Results.Stream(async body =>
        {
            using (e)
            {
                if (format == "csv")
                {
                    await using var csv = new CsvWriter(body);
                    await csv.WriteRowAsync(ArticleRows.Columns, cancel);
                    for (bool more = any; more; more = e.MoveNext())
                        await csv.WriteRowAsync(ArticleRows.Values(e.Current, $"{site}/articles/{e.Current.Id}"), cancel);
                }
                else
                {
                    await using var jsonl = new JsonLinesWriter(body);
                    for (bool more = any; more; more = e.MoveNext())
                        await jsonl.WriteAsync(ArticleRows.Json(e.Current, $"{site}/articles/{e.Current.Id}"), cancel);
                }
            }
        }, format == "csv" ? CsvType : JsonLinesType, $"{fileName}.{format}");
    }

    /// <summary>A HEAD request: the download's headers, without reading a row.</summary>
    static IResult Headers(string format, string fileName) =>
        Results.Stream(_ => Task.CompletedTask, format == "csv" ? CsvType : JsonLinesType, fileName);

    /// <summary>"-" and the query in plain ASCII for a file name, cut to a readable length; empty without a query.</summary>
    static string FileSlug(string? q)
    {
        var slug = new StringBuilder();
        foreach (var c in Folding.Fold(q ?? ""))
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 40) break;
        }
        var s = slug.ToString().Trim('-');
        return s.Length == 0 ? "" : "-" + s;
    }
}
