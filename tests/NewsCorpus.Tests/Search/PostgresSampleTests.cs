using NewsCorpus.Generation;
using NewsCorpus.Search;
using NewsCorpus.Storage.Postgres;
using NewsCorpus.Tests.Support;
using Npgsql;

namespace NewsCorpus.Tests.Search;

/// <summary>
/// PostgreSQL's search of very many matches: the count, months and outlets estimated from the search sample (the
/// articles of <see cref="PostgresSchema.SamplePredicate"/>), the page still taken from every match.
/// </summary>
public sealed class PostgresSampleTests : IDisposable
{
    readonly TestCorpus corpus = new();
    string? database;

    NpgsqlConnection Published(int articles, int seed)
    {
        new CorpusGenerator(seed).WriteTo(corpus.Articles, articles);
        corpus.Import();
        database = PostgresServer.CreateDatabase();
        new PostgresPublisher(database).Publish(corpus.Database);
        var connection = new NpgsqlConnection(database);
        connection.Open();
        return connection;
    }

    static Dictionary<long, (string Month, string? Source)> Rows(NpgsqlConnection connection, IEnumerable<long> keys)
    {
        using var cmd = new NpgsqlCommand("SELECT article_key, month, source FROM articles WHERE article_key = ANY(@k)", connection);
        cmd.Parameters.AddWithValue("k", keys.ToArray());
        using var reader = cmd.ExecuteReader();
        var rows = new Dictionary<long, (string, string?)>();
        while (reader.Read()) rows[reader.GetInt64(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        return rows;
    }

    static string Page(SearchResults r) => string.Join(" ", r.Hits.Select(h => $"{h.Id}:{h.Score:F6}"));

    [PostgresFact]
    public void Above_the_threshold_count_months_and_outlets_are_the_sample_scaled_and_the_pages_are_those_of_every_match()
    {
        using var db = Published(600, seed: 41);
        var exact = new PostgresCorpusSearch(db) { EstimateAbove = int.MaxValue };
        // Facets on about two of the sample's matches, so that they are a sample of the sample.
        var estimating = new PostgresCorpusSearch(db) { EstimateAbove = PostgresSchema.SampleEvery, FacetSampleSize = 2 };
        int estimated = 0;
        // Dense queries (their pages read in date order) and sparser ones (from the bitmap of every match).
        foreach (var query in new[] { "Russie", "militaire", "Wagner", "\"Burkina Faso\"", "Mali -Russie", "milit*" })
        {
            foreach (var sort in new[] { "relevance", "newest", "oldest" })
            {
                var request = SearchRequest.FromForm(query, null, null, null, sort) with { PageSize = 10 };
                var all = exact.Search(request);
                var est = estimating.Search(request);
                Assert.Null(all.TotalSample);
                var keys = exact.AllKeys(request).ToList();
                Assert.Equal(all.Total, keys.Count);
                var rows = Rows(db, keys);
                var inSample = keys.Where(k => k % PostgresSchema.SampleEvery == 0).ToList();
                if (inSample.Count == 0)
                {
                    Assert.Null(est.TotalSample);
                    Assert.Equal(all.Total, est.Total);
                    continue;
                }
                estimated++;
                Assert.Equal(inSample.Count, est.TotalSample);
                Assert.Equal(inSample.Count * PostgresSchema.SampleEvery, est.Total);
                Assert.Equal(inSample.GroupBy(k => rows[k].Month).OrderBy(g => g.Key, StringComparer.Ordinal)
                        .Select(g => new MonthCount(g.Key, g.Count() * PostgresSchema.SampleEvery)), est.Months);
                Assert.Equal(inSample.Where(k => rows[k].Source is not null).GroupBy(k => rows[k].Source!)
                        .ToDictionary(g => g.Key, g => g.Count() * PostgresSchema.SampleEvery),
                    est.Sources.ToDictionary(s => s.Name, s => s.Count));
                // The facets' sample: every step-th of the sample's matches, counted from their keys.
                int step = (inSample.Count + 1) / 2;
                var faceted = inSample.Where(k => k / PostgresSchema.SampleEvery % step == 0).ToList();
                Assert.Equal(faceted.Count, est.FacetSample);
                if (inSample.Count > 2) Assert.True(faceted.Count < inSample.Count, $"{query}: the facets counted every sampled match");
                Assert.Equal(Page(all), Page(est));
                Assert.Equal(Page(exact.Search(request with { Page = 2 })), Page(estimating.Search(request with { Page = 2 })));
            }
        }
        Assert.True(estimated >= 12, $"only {estimated} estimated searches");
    }

    [PostgresFact]
    public void Below_the_threshold_or_without_the_sample_indexes_every_match_is_counted()
    {
        using var db = Published(300, seed: 42);
        var request = SearchRequest.FromForm("Russie", null, null, null, null);
        var below = new PostgresCorpusSearch(db).Search(request);
        Assert.True(below.Total > PostgresSchema.SampleEvery, $"only {below.Total} matches");
        Assert.Null(below.TotalSample);

        Assert.NotNull(new PostgresCorpusSearch(db) { EstimateAbove = 1 }.Search(request).TotalSample);
        using (var drop = new NpgsqlCommand("DROP INDEX ix_articles_sample_stems, ix_articles_sample_exact", db)) drop.ExecuteNonQuery();
        var without = new PostgresCorpusSearch(db) { EstimateAbove = 1 }.Search(request);
        Assert.Null(without.TotalSample);
        Assert.Equal(below.Total, without.Total);
        Assert.Equal(below.Months, without.Months);
    }

    public void Dispose()
    {
        if (database is not null) PostgresServer.DropDatabase(database);
        corpus.Dispose();
    }
}
