using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Countries;
using NewsCorpus.Export;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Exports;
using NewsCorpus.Web.Infrastructure;
using NewsCorpus.Web.Requests;

namespace NewsCorpus.Web.Feeds;

/// <summary>Atom feeds of the latest articles of a search or a country, for feed readers.</summary>
public static class AtomFeeds
{
    public const int Entries = 50;

    public static void MapAtomFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGetAndHead("/search.atom", Search).WithName("searchFeed").VersionedByCorpus().RequireRateLimiting(SearchRateLimit.Policy).WithTags("Flux Atom")
            .Produces<string>(StatusCodes.Status200OK, AtomFeed.ContentType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Flux Atom d’une recherche")
            .WithDescription($"Les {Entries} articles les plus récents trouvés par la recherche (mêmes paramètres que /search, sans tri ni page).");
        app.MapGetAndHead("/countries/{iso2}.atom", Country).WithName("countryFeed").VersionedByCorpus().RequireRateLimiting(SearchRateLimit.Policy).WithTags("Flux Atom")
            .Produces<string>(StatusCodes.Status200OK, AtomFeed.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Flux Atom d’un pays")
            .WithDescription($"Les {Entries} articles les plus récents citant le pays.");
    }

    static IResult Search(HttpRequest http, CorpusDb db, [AsParameters] ArticleFilter filter)
    {
        var state = filter.ToQueryString();
        List<ArticleRow> rows;
        try
        {
            rows = CorpusSearch.For(db.OpenConnection()).All(filter.ToSearch(SearchSort.Newest)).Take(Entries).ToList();
        }
        catch (Exception e) when (QueryBudget.IsInterruption(e))
        {
            return TypedResults.Problem("La recherche a dépassé le temps alloué.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var site = ExportEndpoints.SiteUrl(http);
        var title = string.IsNullOrWhiteSpace(filter.Q) ? "NewsCorpus — recherche" : $"NewsCorpus — recherche : {filter.Q.Trim()}";
        var page = new SearchQuery { Q = filter.Q, Country = filter.Country, From = filter.From, To = filter.To, Entity = filter.Entity, Sort = SortWord.newest }.ToQueryString();
        var feed = new AtomFeed($"urn:newscorpus:feed:search{state}", title, $"{site}/search.atom{state}", $"{site}/search{page}",
            id => $"{site}/articles/{id}", LastImport(db));
        return Write(feed, rows);
    }

    static IResult Country(HttpRequest http, CorpusDb db, [Description(Parameters.Country)] string iso2)
    {
        var country = CountryCatalog.Default.Find(iso2);
        if (country is null) return Results.NotFound();
        var keys = db.ArticleCountries.Where(c => c.Iso2 == country.Iso2)
            .NewestFirst(c => c.Article)
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
