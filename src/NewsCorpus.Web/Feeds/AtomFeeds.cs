using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Countries;
using NewsCorpus.Export;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Exports;
using NewsCorpus.Web.Infrastructure;

namespace NewsCorpus.Web.Feeds;

/// <summary>Atom feeds of the latest articles of a search or a country, for feed readers.</summary>
public static class AtomFeeds
{
    public const int Entries = 50;

    public static void MapAtomFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search.atom", Search).RequireRateLimiting(SearchRateLimit.Policy).WithTags("Flux Atom")
            .Produces(StatusCodes.Status200OK, contentType: AtomFeed.ContentType)
            .WithSummary("Flux Atom d’une recherche")
            .WithDescription($"Les {Entries} articles les plus récents trouvés par la recherche (mêmes paramètres que /search, sans tri ni page).");
        app.MapGet("/countries/{iso2}.atom", Country).RequireRateLimiting(SearchRateLimit.Policy).WithTags("Flux Atom")
            .Produces(StatusCodes.Status200OK, contentType: AtomFeed.ContentType)
            .WithSummary("Flux Atom d’un pays")
            .WithDescription($"Les {Entries} articles les plus récents citant le pays.");
    }

    static IResult Search(HttpRequest http, CorpusDb db,
        [Description("La requête, dans le langage de /search/help")] string? q,
        [Description("Codes pays ISO 3166-1 alpha-2, séparés par des virgules")] string? country,
        [Description("Premier mois, AAAA-MM")] string? from,
        [Description("Dernier mois, AAAA-MM")] string? to,
        [Description("Identifiants d’entités (slugs), séparés par des virgules")] string? entity,
        [Description("Sources (slugs ou noms), séparées par des virgules : l’une d’elles")] string? source)
    {
        var values = new Dictionary<string, string?> { ["q"] = q, ["country"] = country, ["from"] = from, ["to"] = to, ["entity"] = entity, ["source"] = source }
            .Where(v => !string.IsNullOrEmpty(v.Value)).ToList();
        var state = QueryString.Create(values);
        var request = SearchRequest.FromForm(q, country, from, to, "newest", entity: entity, source: source);
        List<ArticleRow> rows;
        try
        {
            rows = CorpusSearch.For(db.OpenConnection()).All(request).Take(Entries).ToList();
        }
        catch (Exception e) when (QueryBudget.IsInterruption(e))
        {
            return Results.Text("La recherche a dépassé le temps alloué.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var site = ExportEndpoints.SiteUrl(http);
        var title = string.IsNullOrWhiteSpace(q) ? "NewsCorpus — recherche" : $"NewsCorpus — recherche : {q.Trim()}";
        var page = QueryString.Create([.. values, new("sort", "newest")]);
        var feed = new AtomFeed($"urn:newscorpus:feed:search{state}", title, $"{site}/search.atom{state}", $"{site}/search{page}",
            id => $"{site}/articles/{id}", LastImport(db));
        return Write(feed, rows);
    }

    static IResult Country(HttpRequest http, CorpusDb db, [Description("Code pays ISO 3166-1 alpha-2, ml par exemple")] string iso2)
    {
        var country = CountryCatalog.Default.Find(iso2);
        if (country is null) return Results.NotFound();
        var keys = db.ArticleCountries.Where(c => c.Iso2 == country.Iso2)
            .OrderByDescending(c => c.Article.Month).ThenByDescending(c => c.Article.Number).ThenBy(c => c.Article.Id)
            .Select(c => c.ArticleKey).Take(Entries).AsEnumerable();
        var rows = new ArticleRows(Connection(db)).Read(keys).ToList();
        var site = ExportEndpoints.SiteUrl(http);
        var feed = new AtomFeed($"urn:newscorpus:feed:country:{country.Iso2}", $"NewsCorpus — {country.Name}",
            $"{site}/countries/{country.Iso2}.atom", $"{site}/countries/{country.Iso2}", id => $"{site}/articles/{id}", LastImport(db));
        return Write(feed, rows);
    }

    static IResult Write(AtomFeed feed, List<ArticleRow> rows)
    {
        using var buffer = new MemoryStream(); // at most 50 entries
        feed.Write(buffer, rows);
        return Results.Bytes(buffer.ToArray(), AtomFeed.ContentType);
    }


    static System.Data.Common.DbConnection Connection(CorpusDb db) => db.OpenConnection();

    /// <summary>When the corpus last changed: a feed with no entry still needs an updated time.</summary>
    static DateTimeOffset LastImport(CorpusDb db)
    {
        var connection = Connection(db);
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'imported_at'";
        return cmd.ExecuteScalar() is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : DateTimeOffset.UnixEpoch;
    }
}
