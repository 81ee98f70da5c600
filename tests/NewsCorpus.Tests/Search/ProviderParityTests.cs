using NewsCorpus.Analysis;
using NewsCorpus.Generation;
using NewsCorpus.Search;
using NewsCorpus.Storage.Postgres;
using NewsCorpus.Tests.Support;
using Npgsql;

namespace NewsCorpus.Tests.Search;

/// <summary>
/// The same query finds the same articles on SQLite and on PostgreSQL (the order by relevance may differ:
/// bm25 and ts_rank weigh differently). PostgreSQL stems with its own configuration (`fr`: unaccent, then its
/// French Snowball), which conflates a few words otherwise than the site's stemmer (it stems after removing
/// accents, so "étudié" is not "étudier" there; its older Snowball makes "malais" "mal"): on a large corpus an
/// ordinary word may match a few articles more or fewer, and only for that reason.
/// </summary>
public sealed class ProviderParityTests : IDisposable
{
    readonly TestCorpus corpus = new();
    string? database;

    static readonly string[] Queries =
    [
        "Rosatom", "rosatom", "Russie", "Mali", "Burkina", "militaire", "militaires", "coopération", "cooperation",
        "formations", "\"formations\"", "manœuvre", "afrique", "l'armée", "étudiants", "nucléaire",
        "\"centrale nucléaire\"", "\"Burkina Faso\"", "\"groupe Wagner\"", "\"autorités maliennes\"", "\"Conseil de sécurité\"",
        "milit*", "Ouaga*", "russ*", "nucl*", "Wagner OR Rosatom", "Mali -Russie", "Russie -\"Burkina Faso\"",
        "(Mali OR Niger) Russie", "Wagner pays:ml", "Rosatom du:2020-01 au:2021-12", "Poutine -Lavrov", "pays:bf",
        "le la de", "plus", "comme", "entre", "aussi", "été", "Africa-Corps", "C++", "\"Rosatom", "NEAR(", "a* b*",
    ];

    (NpgsqlConnection Pg, Microsoft.Data.Sqlite.SqliteConnection Sqlite) Publish()
    {
        corpus.Import();
        database = PostgresServer.CreateDatabase();
        new PostgresPublisher(database).Publish(corpus.Database);
        var pg = new NpgsqlConnection(database);
        pg.Open();
        return (pg, corpus.Open());
    }

    static List<string> Ids(System.Data.Common.DbConnection connection, string query)
    {
        // Newest first: an order both stores share, so equal sets give equal lists.
        var keys = CorpusSearch.For(connection).AllKeys(SearchRequest.FromForm(query, null, null, null, "newest")).ToList();
        return keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    [PostgresFact]
    public void On_the_seeds_and_the_test_articles_every_query_finds_the_same_articles()
    {
        corpus.Write("005_00000000000000e5.txt", "date 2023-12 Des étudiants maliens partent étudier à Moscou.\n\nLa suite.");
        corpus.Write("006_00000000000000e6.txt", "date 2024-01 L’Africa-Corps remplace le groupe Wagner au Mali, dit le Conseil de sécurité.");
        corpus.Write("007_00000000000000e7.txt", "date 2024-02 Les autorités maliennes et la coopération nucléaire civile avec Rosatom.");
        var (pg, sqlite) = Publish();
        using (pg) using (sqlite)
        {
            var differences = Queries.Where(q => !Ids(sqlite, q).SequenceEqual(Ids(pg, q))).ToList();
            Assert.True(differences.Count == 0, "differ: " + string.Join(", ", differences));
            Assert.True(Queries.Count(q => Ids(sqlite, q).Count > 0) >= 25);
        }
    }

    [PostgresFact]
    public void On_a_generated_corpus_the_only_differences_are_words_the_two_stemmers_conflate_otherwise()
    {
        new CorpusGenerator(seed: 21).WriteTo(corpus.Articles, 400);
        var (pg, sqlite) = Publish();
        using (pg) using (sqlite)
        {
            int same = 0;
            var unexplained = new List<string>();
            foreach (var query in Queries)
            {
                var expected = Ids(sqlite, query);
                var actual = Ids(pg, query);
                if (expected.SequenceEqual(actual)) { same++; continue; }
                var parsed = QueryParser.Parse(query, SearchFilters.None);
                var stemmed = parsed.Root!.PositiveLeaves().OfType<TermNode>().Where(t => !t.Exact && !t.Prefix).ToList();
                // Quoted words, phrases and prefixes are matched on folded words, which both stores fold alike.
                Assert.True(stemmed.Count > 0, $"{query}: differs without any stemmed word");
                var differing = expected.Except(actual).Concat(actual.Except(expected)).Select(long.Parse).ToArray();
                var explained = stemmed.SelectMany(t => ArticlesWithDisagreeingWords(pg, t.Text, differing)).ToHashSet();
                unexplained.AddRange(differing.Where(k => !explained.Contains(k)).Select(k => $"{query}: article {k}"));
            }
            Assert.True(unexplained.Count == 0, string.Join("\n", unexplained));
            Assert.True(same >= Queries.Length - 5, $"only {same} of {Queries.Length} queries agree");
        }
    }

    /// <summary>
    /// Of <paramref name="keys"/>, the articles containing a word on which the stemmers disagree for
    /// <paramref name="term"/>: one says it is the term's word, the other not.
    /// </summary>
    static List<long> ArticlesWithDisagreeingWords(NpgsqlConnection pg, string term, long[] keys)
    {
        var analyzed = FrenchAnalyzer.Analyze(term);
        using var cmd = new NpgsqlCommand("""
            SELECT a.article_key FROM articles a
            WHERE a.article_key = ANY(@keys) AND EXISTS (
                SELECT 1 FROM words w
                WHERE (w.stem = @stem) <> (to_tsvector('fr', w.form) @@ plainto_tsquery('fr', @form))
                  AND a.search_exact @@ phraseto_tsquery('fr_exact', w.folded))
            """, pg);
        cmd.Parameters.AddWithValue("keys", keys);
        cmd.Parameters.AddWithValue("stem", analyzed.Stem);
        cmd.Parameters.AddWithValue("form", analyzed.Form);
        using var reader = cmd.ExecuteReader();
        var found = new List<long>();
        while (reader.Read()) found.Add(reader.GetInt64(0));
        return found;
    }

    [PostgresFact]
    public void Totals_and_facets_agree_and_the_hits_are_highlighted_on_both()
    {
        new CorpusGenerator(seed: 22).WriteTo(corpus.Articles, 150);
        var (pg, sqlite) = Publish();
        using (pg) using (sqlite)
        {
            foreach (var query in new[] { "Russie", "militaire pays:ml", "\"Burkina Faso\"", "Wagner OR Rosatom" })
            {
                var a = CorpusSearch.For(sqlite).Search(SearchRequest.FromForm(query, null, null, null, null));
                var b = CorpusSearch.For(pg).Search(SearchRequest.FromForm(query, null, null, null, null));
                Assert.True(a.Total > 0, query);
                Assert.Equal(a.Total, b.Total);
                Assert.Equal(a.Months, b.Months);
                Assert.Equal(a.Countries, b.Countries);
                Assert.Equal(a.Entities, b.Entities);
                Assert.Equal(a.Variants.Select(v => (v.Term, string.Join(",", v.Forms))), b.Variants.Select(v => (v.Term, string.Join(",", v.Forms))));
                Assert.Equal(a.Hits.Count, b.Hits.Count);
                Assert.All(b.Hits, h => Assert.Contains("<mark>", h.SnippetHtml + h.TitleHtml));
                Assert.All(b.Hits, h => Assert.DoesNotContain("\uE000", h.SnippetHtml));
            }
        }
    }

    [PostgresFact]
    public void Sampled_facets_are_the_same_sample_on_both_stores()
    {
        new CorpusGenerator(seed: 23).WriteTo(corpus.Articles, 300);
        var (pg, sqlite) = Publish();
        using (pg) using (sqlite)
        {
            var request = SearchRequest.FromForm("Russie", null, null, null, null);
            var a = new SqliteCorpusSearch(sqlite) { FacetSampleSize = 40 }.Search(request);
            var b = new PostgresCorpusSearch(pg) { FacetSampleSize = 40 }.Search(request);
            Assert.NotNull(a.FacetSample);
            Assert.Equal(a.FacetSample, b.FacetSample);
            Assert.Equal(a.Countries, b.Countries);
            Assert.Equal(a.Entities, b.Entities);
            Assert.Equal(a.Months, b.Months);
        }
    }

    public void Dispose()
    {
        if (database is not null) PostgresServer.DropDatabase(database);
        corpus.Dispose();
    }
}
