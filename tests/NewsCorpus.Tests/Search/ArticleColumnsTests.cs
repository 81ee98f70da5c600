using Microsoft.Data.Sqlite;
using NewsCorpus.Generation;
using NewsCorpus.Search;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Search;

/// <summary>
/// The SQLite search orders, filters and counts from arrays read once per import instead of from the articles
/// table; here every figure it gives is checked against the same question asked of the tables in SQL.
/// </summary>
public sealed class ArticleColumnsTests : IDisposable
{
    readonly TestCorpus corpus = new();

    public ArticleColumnsTests()
    {
        new CorpusGenerator(seed: 5).WriteTo(corpus.Articles, 300);
        // Two imports, two index segments: a search reads them on two threads at once (SearchThreads) where it can.
        corpus.Import();
        // Ties in the date order: the same month and running number, and no running number at all.
        corpus.Write("900_00000000000000f2.txt", "date 2024-03\n\n# Mali, deuxième\n\nLa Russie et le Mali signent un accord militaire.");
        corpus.Write("900_00000000000000f1.txt", "date 2024-03\n\n# Mali, premier\n\nLa Russie et le Mali signent un accord militaire.");
        corpus.Write("sans-numero-b.txt", "date 2024-03\n\n# Sans numéro B\n\nLa Russie livre des hélicoptères militaires au Burkina Faso.");
        corpus.Write("sans-numero-a.txt", "date 2024-03\n\n# Sans numéro A\n\nLa Russie livre des blindés militaires au Burkina Faso.");
        corpus.Import();
    }

    public void Dispose() => corpus.Dispose();

    const string Matches = "SELECT k FROM temp.m";

    /// <summary>Runs <paramref name="sql"/> with the index's matches of <paramref name="query"/> in temp.m (k, rank).</summary>
    static List<string> Ids(SqliteConnection connection, string sql, Lucene.Net.Search.Query query)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "DROP TABLE IF EXISTS temp.m; CREATE TEMP TABLE m (k INTEGER PRIMARY KEY, rank REAL)";
            create.ExecuteNonQuery();
        }
        foreach (var (key, rank) in IndexProbe.Matches(connection, query))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO temp.m VALUES (@k, @r)";
            insert.Parameters.AddWithValue("@k", key);
            insert.Parameters.AddWithValue("@r", rank);
            insert.ExecuteNonQuery();
        }
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    static List<string> EveryPage(SqliteConnection connection, string query, string sort, string? country = null, string? from = null, string? to = null)
    {
        var ids = new List<string>();
        for (int page = 1; ; page++)
        {
            var r = new SqliteCorpusSearch(connection).Search(SearchRequest.FromForm(query, country, from, to, sort, page, pageSize: 7));
            ids.AddRange(r.Hits.Select(h => h.Id));
            if (r.Hits.Count < 7) return ids;
        }
    }

    // By relevance the page comes from the best-scored matches alone when the score is a sum of clauses (a word, a
    // phrase, a prefix, with or without an exclusion: TopScores), else from every match scored: both must give the
    // order of every match scored. "Russie militaire" adds the two words close together (LuceneQuery.Near).
    [Theory]
    [InlineData("newest", "a.month DESC, a.number DESC, a.id", "Russie militaire")]
    [InlineData("oldest", "a.month, a.number, a.id", "Russie militaire")]
    [InlineData("newest", "a.month DESC, a.number DESC, a.id", "Russie")]
    [InlineData("oldest", "a.month, a.number, a.id", "\"Burkina Faso\"")]
    [InlineData("relevance", "m.rank, a.month DESC, a.article_key", "Russie militaire")]
    [InlineData("relevance", "m.rank, a.month DESC, a.article_key", "Russie")]
    [InlineData("relevance", "m.rank, a.month DESC, a.article_key", "militaire")]
    [InlineData("relevance", "m.rank, a.month DESC, a.article_key", "\"Burkina Faso\"")]
    [InlineData("relevance", "m.rank, a.month DESC, a.article_key", "Russie -Mali")]
    [InlineData("relevance", "m.rank, a.month DESC, a.article_key", "milit*")]
    [InlineData("relevance", "m.rank, a.month DESC, a.article_key", "Russie OR Wagner")]
    public void Pages_list_the_matches_in_the_order_sql_gives(string sort, string orderBy, string query)
    {
        using var connection = corpus.Open();
        var parsed = CorpusSearch.For(connection).Parse(query, SearchFilters.None);
        var expected = Ids(connection, $"SELECT a.id FROM temp.m m JOIN articles a ON a.article_key = m.k ORDER BY {orderBy}",
            LuceneQuery.ForSearch(parsed, ranked: sort == "relevance")!);

        Assert.True(expected.Count > 20);
        Assert.Equal(expected, EveryPage(connection, query, sort));
        // The first page alone, as most searches ask for it: the fewest matches kept, the most left unscored.
        Assert.Equal(expected.Take(20), new SqliteCorpusSearch(connection).Search(SearchRequest.FromForm(query, null, null, null, sort)).Hits.Select(h => h.Id));
    }

    // A filter or an exclusion that keeps a few of the words' articles: the page passes over the others by the postings'
    // skip lists (TopScores) and must still list the kept ones in the order of every match scored. A phrase required or
    // excluded beside words is checked only where the words are (MatchBits).
    [Theory]
    [InlineData("Russie")]
    [InlineData("Russie -Wagner")]
    [InlineData("\"la Russie\" -Wagner")]
    [InlineData("Russie -\"le Mali\"")]
    [InlineData("\"la Russie\" militaire")]
    [InlineData("Russie militaire")]
    [InlineData("Russie OR Wagner")]
    [InlineData("milit*")]
    public void Relevance_pages_under_a_narrow_filter_come_in_the_order_sql_gives(string query)
    {
        using var connection = corpus.Open();
        var parsed = CorpusSearch.For(connection).Parse(query, SearchFilters.None);
        var ranked = LuceneQuery.ForSearch(parsed, ranked: true)!;
        var expected = Ids(connection, """
            SELECT a.id FROM temp.m m JOIN articles a ON a.article_key = m.k
            WHERE a.month BETWEEN '2023-01' AND '2023-09' ORDER BY m.rank, a.month DESC, a.article_key
            """, ranked);

        Assert.InRange(expected.Count, 8, Ids(connection, "SELECT count(*) || '' FROM temp.m", ranked).Select(int.Parse).Single() / 4);
        Assert.Equal(expected, EveryPage(connection, query, "relevance", from: "2023-01", to: "2023-09"));
    }

    // A few matches against the corpus are put in date order in a heap of their own, not by walking the whole order.
    [Theory]
    [InlineData("newest", "a.month DESC, a.number DESC, a.id")]
    [InlineData("oldest", "a.month, a.number, a.id")]
    public void A_few_matches_by_date_come_in_the_order_sql_gives(string sort, string orderBy)
    {
        using var connection = corpus.Open();
        const string query = "\"signent un accord militaire\"";
        var parsed = CorpusSearch.For(connection).Parse(query, SearchFilters.None);
        var expected = Ids(connection, $"SELECT a.id FROM temp.m m JOIN articles a ON a.article_key = m.k ORDER BY {orderBy}",
            LuceneQuery.ForSearch(parsed, ranked: false)!);

        Assert.InRange(expected.Count, 2, IndexProbe.Documents(connection) / 16 - 1);
        Assert.Equal(expected, EveryPage(connection, query, sort));
    }

    [Fact]
    public void Ties_in_the_date_order_are_broken_by_id_both_ways()
    {
        using var connection = corpus.Open();
        var march = EveryPage(connection, "Russie", "newest", from: "2024-03", to: "2024-03");
        var numbered = march.Where(id => id.StartsWith("00000000000000f")).ToList();
        Assert.Equal(["00000000000000f1", "00000000000000f2"], numbered);
        var oldest = EveryPage(connection, "Russie", "oldest", from: "2024-03", to: "2024-03");
        Assert.Equal(["00000000000000f1", "00000000000000f2"], oldest.Where(id => id.StartsWith("00000000000000f")).ToList());
    }

    [Fact]
    public void Filters_and_facets_count_what_sql_counts()
    {
        using var connection = corpus.Open();
        var match = LuceneQuery.Compile(CorpusSearch.For(connection).Parse("militaire", SearchFilters.None))!;
        var r = new SqliteCorpusSearch(connection).Search(SearchRequest.FromForm("militaire", "ml", "2021-01", "2024-12", null));

        const string filtered = $"""
            SELECT a.article_key FROM articles a WHERE a.article_key IN ({Matches})
              AND a.month BETWEEN '2021-01' AND '2024-12'
              AND a.article_key IN (SELECT article_key FROM article_countries WHERE iso2 = 'ml')
            """;
        Assert.Equal(Ids(connection, $"SELECT count(*) || '' FROM ({filtered})", match).Single(), r.Total.ToString());
        Assert.True(r.Total > 5);
        Assert.Equal(
            Ids(connection, $"SELECT month || '=' || count(*) FROM articles WHERE article_key IN ({filtered}) GROUP BY month ORDER BY month", match),
            r.Months.Select(m => $"{m.Month}={m.Count}"));
        Assert.Equal(
            Ids(connection, $"SELECT iso2 || '=' || count(*) FROM article_countries WHERE article_key IN ({filtered}) GROUP BY iso2 ORDER BY count(*) DESC, iso2", match),
            r.Countries.Select(c => $"{c.Iso2}={c.Count}"));
        Assert.Equal(
            Ids(connection, $"""
                SELECT e.slug || '=' || count(*) FROM article_entities x JOIN entities e ON e.entity_key = x.entity_key
                WHERE x.article_key IN ({filtered}) GROUP BY e.entity_key ORDER BY count(*) DESC, x.entity_key LIMIT 30
                """, match).Order(StringComparer.Ordinal),
            r.Entities.Select(e => $"{e.Slug}={e.Count}").Order(StringComparer.Ordinal));

        var entity = r.Entities[0].Slug;
        var withEntity = new SqliteCorpusSearch(connection).Search(SearchRequest.FromForm("militaire", "ml", "2021-01", "2024-12", null, entity: entity));
        Assert.Equal(r.Entities[0].Count, withEntity.Total);
    }

    [Fact]
    public void Filters_no_article_meets_find_nothing()
    {
        using var connection = corpus.Open();
        foreach (var request in new[]
        {
            SearchRequest.FromForm("militaire", "zz", null, null, null),
            SearchRequest.FromForm("militaire", null, "1990-01", "1990-12", null),
            SearchRequest.FromForm("militaire", null, "2024-05", "2024-01", null),
            SearchRequest.FromForm("militaire", null, null, null, null, entity: "personne-inconnue"),
        })
        {
            var r = new SqliteCorpusSearch(connection).Search(request);
            Assert.Equal(0, r.Total);
            Assert.Empty(r.Hits);
            Assert.Empty(r.Months);
        }
    }

    [Fact]
    public void The_index_has_several_segments_so_the_searches_above_read_them_at_once()
    {
        using var connection = corpus.Open();
        using var index = FullTextIndex.Acquire(connection);
        Assert.True(index.Reader.Leaves.Count >= 2, $"{index.Reader.Leaves.Count} segment(s)");
    }

    [Fact]
    public void A_budget_spent_while_segments_are_read_at_once_ends_the_search_with_a_notice()
    {
        using var connection = corpus.Open();
        var starved = new SqliteCorpusSearch(connection) { Budget = TimeSpan.Zero }.Search(SearchRequest.FromForm("Russie militaire", null, null, null, null));
        Assert.Contains(starved.Query.Notices, n => n.Kind == NoticeKind.TimedOut);
        Assert.Empty(starved.Hits);
    }

    // Articles removed leave keys no article has: the date orders, the counts and the facets must pass over them.
    [Theory]
    [InlineData("newest", "a.month DESC, a.number DESC, a.id")]
    [InlineData("oldest", "a.month, a.number, a.id")]
    public void Removed_articles_leave_the_date_orders_and_counts_as_sql_gives(string sort, string orderBy)
    {
        var files = Directory.GetFiles(corpus.Articles).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files.Where((_, i) => i % 3 == 0)) File.Delete(file);
        corpus.Import();

        using var connection = corpus.Open();
        var parsed = CorpusSearch.For(connection).Parse("Russie", SearchFilters.None);
        var expected = Ids(connection, $"SELECT a.id FROM temp.m m JOIN articles a ON a.article_key = m.k ORDER BY {orderBy}",
            LuceneQuery.ForSearch(parsed, ranked: false)!);
        using (var gaps = connection.CreateCommand())
        {
            gaps.CommandText = "SELECT max(article_key) + 1 - count(*) FROM articles";
            Assert.True((long)gaps.ExecuteScalar()! > 50);
        }
        Assert.True(expected.Count > 20);
        Assert.Equal(expected, EveryPage(connection, "Russie", sort));
        var everything = new SqliteCorpusSearch(connection).Search(SearchRequest.FromForm(null, null, "1900-01", "2100-12", sort));
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM articles";
        Assert.Equal((long)count.ExecuteScalar()!, everything.Total);
        count.CommandText = "SELECT count(DISTINCT article_key) FROM article_countries WHERE iso2 = 'ml'";
        Assert.Equal((long)count.ExecuteScalar()!, everything.Countries.Single(c => c.Iso2 == "ml").Count);
    }

    [Fact]
    public void An_import_that_adds_an_article_is_seen_by_the_next_search()
    {
        using (var connection = corpus.Open())
            Assert.Equal(0, new SqliteCorpusSearch(connection).Search(SearchRequest.FromForm("Zyxwvutsien", null, null, null, null)).Total);
        corpus.Write("901_00000000000000f3.txt", "date 2025-02\n\n# Un mot nouveau\n\nLe Zyxwvutsien est arrivé au Mali avec des conseillers russes.");
        corpus.Import();

        using (var connection = corpus.Open())
        {
            var r = new SqliteCorpusSearch(connection).Search(SearchRequest.FromForm("Zyxwvutsien", null, null, null, "newest"));
            Assert.Equal("00000000000000f3", Assert.Single(r.Hits).Id);
            Assert.Equal([new MonthCount("2025-02", 1)], r.Months);
            Assert.Contains(r.Countries, c => c.Iso2 == "ml");
            var all = new SqliteCorpusSearch(connection).Search(SearchRequest.FromForm(null, "ml", "2025-02", "2025-02", null));
            Assert.Contains(all.Hits, h => h.Id == "00000000000000f3");
        }
    }
}
