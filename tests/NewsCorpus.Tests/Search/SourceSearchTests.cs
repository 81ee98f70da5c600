using System.Data.Common;
using Microsoft.Data.Sqlite;
using NewsCorpus.Export;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Storage.Postgres;
using NewsCorpus.Tests.Support;
using Npgsql;

namespace NewsCorpus.Tests.Search;

/// <summary>A small corpus of several outlets with day dates, imported once per class, searched on one store.</summary>
public sealed class SourcesCorpus : IDisposable
{
    public TestCorpus Corpus { get; } = new();
    string? postgres;

    public SourcesCorpus()
    {
        Corpus.Write("010_00000000000000a1.txt", "date 2023-10-12\nsource: Le Monde\nauthor: Jeanne Martin\nurl: https://lemonde.fr/a1\n\nLe Mali reçoit des hélicoptères russes à Bamako.");
        Corpus.Write("011_00000000000000a2.txt", "date 2023-10-03\nsource: LE MONDE\n\nLe Mali et la Russie signent un accord de défense.");
        Corpus.Write("012_00000000000000a3.txt", "date 2023-10-28\nsource: RFI\n\nLe Burkina Faso discute avec la Russie d'une centrale.");
        Corpus.Write("export.jsonl", """
            {"id": "00000000000000b1", "date": "2023-10-20", "source": "Российская газета", "text": "La Russie salue la coopération avec le Mali."}
            """);
        Corpus.Import();
    }

    /// <summary>A search on SQLite, or on PostgreSQL once the store is published there.</summary>
    public (DbConnection Connection, CorpusSearch Search) Open(bool onPostgres)
    {
        if (!onPostgres)
        {
            var sqlite = Corpus.Open();
            return (sqlite, new SqliteCorpusSearch(sqlite));
        }
        if (postgres is null)
        {
            postgres = PostgresServer.CreateDatabase();
            new PostgresPublisher(postgres).Publish(Corpus.Database);
        }
        var pg = new NpgsqlConnection(postgres);
        pg.Open();
        return (pg, new PostgresCorpusSearch(pg));
    }

    public void Dispose()
    {
        if (postgres is not null) PostgresServer.DropDatabase(postgres);
        Corpus.Dispose();
    }
}

public abstract class SourceSearchTests(SourcesCorpus data, bool onPostgres)
{
    SearchResults Search(string? q, string? source = null, string? sort = null)
    {
        var (connection, search) = data.Open(onPostgres);
        using (connection) return search.Search(SearchRequest.FromForm(q, null, null, null, sort, source: source));
    }

    [StoreFact]
    public void Source_in_the_query_filters_by_outlet_whatever_its_spelling()
    {
        Assert.Equal(["00000000000000a2", "00000000000000a1"], Search("Mali source:le-monde", sort: "oldest").Hits.Select(h => h.Id));
        Assert.Equal(2, Search("Mali source:\"Le Monde\"").Total);
        Assert.Equal(2, Search("Mali source:lemonde").Total);
        Assert.Equal(["00000000000000a3"], Search("Russie média:rfi").Hits.Select(h => h.Id));
        Assert.Equal(0, Search("Mali source:liberation").Total);
        Assert.Equal(1, Search("Mali", source: "Российская газета").Total);
    }

    [StoreFact]
    public void The_form_field_takes_several_outlets_and_a_source_alone_lists_its_articles()
    {
        Assert.Equal(3, Search(null, source: "le-monde,rfi").Total);
        var rfi = Search(null, source: "RFI");
        Assert.Equal("RFI", Assert.Single(rfi.Hits).Source);
    }

    [StoreFact]
    public void The_outlet_facet_counts_every_match_and_merges_spellings()
    {
        var results = Search("Russie OR Mali");
        Assert.Equal(6, results.Total);
        Assert.Equal([("le-monde", 2), ("rfi", 1)], results.Sources.Where(s => !s.Slug.StartsWith("source-")).Select(s => (s.Slug, s.Count)));
        Assert.Contains(results.Sources, s => s.Name == "Российская газета" && s.Count == 1);
        Assert.Equal(3, results.Sources.Count);
    }

    [StoreFact]
    public void A_corpus_without_outlets_has_no_outlet_facet()
    {
        using var plain = new TestCorpus();
        plain.Import();
        using var connection = plain.Open();
        Assert.Empty(new SqliteCorpusSearch(connection).Search(SearchRequest.FromForm("Russie", null, null, null, null)).Sources);
    }

    [StoreFact]
    public void Within_a_month_articles_sort_by_day_with_month_only_ones_apart()
    {
        var oldest = Search("Russie OR Mali", sort: "oldest").Hits.Where(h => h.Month == "2023-10").Select(h => h.Date).ToList();
        Assert.Equal(["2023-10", "2023-10-03", "2023-10-12", "2023-10-20", "2023-10-28"], oldest);
        var newest = Search("Russie OR Mali", sort: "newest").Hits.Where(h => h.Month == "2023-10").Select(h => h.Date).ToList();
        Assert.Equal(["2023-10-28", "2023-10-20", "2023-10-12", "2023-10-03", "2023-10"], newest);
    }

    [StoreFact]
    public void Exports_give_the_day_the_outlet_the_author_and_the_original_address()
    {
        var (connection, search) = data.Open(onPostgres);
        using (connection)
        {
            var rows = search.All(SearchRequest.FromForm("Mali source:le-monde", null, null, null, "newest")).ToList();
            Assert.Equal(["2023-10-12", "2023-10-03"], rows.Select(r => r.Date));
            var values = ArticleRows.Values(rows[0], "https://site/articles/00000000000000a1");
            Assert.Equal(ArticleRows.Columns.Count, values.Length);
            Assert.Equal(("2023-10-12", "Le Monde", "Jeanne Martin", "https://lemonde.fr/a1"),
                (values[1], values[ArticleRows.Columns.ToList().IndexOf("source")], values[ArticleRows.Columns.ToList().IndexOf("author")], values[ArticleRows.Columns.ToList().IndexOf("original_url")]));
            var seed = search.All(SearchRequest.FromForm("Rosatom", null, null, null, null)).Single();
            Assert.Equal("2023-11", seed.Date);
            Assert.Null(seed.Source);
        }
    }

    [StoreFact]
    public void Atom_entries_are_dated_by_their_day_when_they_have_one()
    {
        var (connection, search) = data.Open(onPostgres);
        using (connection)
        {
            var rows = search.All(SearchRequest.FromForm("Russie OR Mali", null, null, null, "newest")).ToList();
            var feed = new AtomFeed("urn:x", "t", "https://s/f", "https://s/p", id => "https://s/a/" + id, DateTimeOffset.UnixEpoch);
            using var stream = new MemoryStream();
            feed.Write(stream, rows);
            var xml = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
            var updated = xml.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "updated")!.Value).ToList();
            Assert.Contains("2023-10-28T00:00:00Z", updated);
            Assert.Contains("2023-10-01T00:00:00Z", updated);   // the seed dated to October only
            Assert.Equal(updated.Count, updated.Distinct().Count());
            Assert.Equal("2023-11-01T00:00:00Z", xml.Root!.Element(atom + "updated")!.Value);
            var a1 = xml.Root!.Elements(atom + "entry").Single(e => e.Element(atom + "id")!.Value.EndsWith("00000000000000a1"));
            Assert.Equal("Jeanne Martin", a1.Element(atom + "author")!.Element(atom + "name")!.Value);
            Assert.Equal("Le Monde", a1.Element(atom + "source")!.Element(atom + "title")!.Value);
        }
    }
}

public sealed class SourceSearchTestsOnSqlite(SourcesCorpus data) : SourceSearchTests(data, onPostgres: false), IClassFixture<SourcesCorpus>;

[OnPostgres]
public sealed class SourceSearchTestsOnPostgres(SourcesCorpus data) : SourceSearchTests(data, onPostgres: true), IClassFixture<SourcesCorpus>;
