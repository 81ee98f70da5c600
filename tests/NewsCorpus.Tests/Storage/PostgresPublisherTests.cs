using Microsoft.Data.Sqlite;
using NewsCorpus.Generation;
using NewsCorpus.Storage;
using NewsCorpus.Storage.Postgres;
using NewsCorpus.Tests.Support;
using Npgsql;

namespace NewsCorpus.Tests.Storage;

/// <summary>The PostgreSQL store: what an import publishes, and that publishing is idempotent, incremental and all-or-nothing.</summary>
public sealed class PostgresPublisherTests : IDisposable
{
    readonly TestCorpus corpus = new();
    string? database;

    string Database => database ??= PostgresServer.CreateDatabase();

    PublishReport ImportAndPublish()
    {
        corpus.Import();
        return new PostgresPublisher(Database).Publish(corpus.Database);
    }

    T Pg<T>(string sql)
    {
        using var connection = new NpgsqlConnection(Database);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T));
    }

    /// <summary>Every row of a table, in a fixed order, as text: the same query on both stores must give the same list.</summary>
    static List<string> Rows(System.Data.Common.DbConnection connection, string table, string columns)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {columns} FROM {table} ORDER BY {columns}";
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is bool b ? (b ? 1 : 0) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    static readonly (string Table, string Columns)[] PublishedTables =
    [
        ("articles", "article_key, id, file_name, number, month, day, source, url, author, title, lead, headings, body, search_body, boilerplate, body_hash, file_hash, word_count, warnings, cluster_key, cluster_size"),
        ("article_countries", "iso2, article_key, mentions, in_lead, weight"),
        ("entities", "entity_key, slug, name, kind, articles, mentions"),
        ("article_entities", "entity_key, article_key, mentions, surfaces"),
        ("near_duplicates", "article_key, other_key"),
        ("country_months", "iso2, month, articles, mentions"),
        ("country_pairs", "iso2, other, articles"),
        ("country_entities", "iso2, entity_key, articles"),
        ("boilerplate", "paragraph_hash, articles"),
        ("duplicate_files", "source_path, file_name, id, original_id"),
        ("rejected_files", "source_path, file_name, line, reason"),
        ("words", "form, folded, stem, docs, occurrences"),
    ];

    void AssertSameAsSqlite()
    {
        using var sqlite = new SqliteConnection(CorpusSchema.ConnectionString(corpus.Database, SqliteOpenMode.ReadOnly));
        sqlite.Open();
        using var pg = new NpgsqlConnection(Database);
        pg.Open();
        foreach (var (table, columns) in PublishedTables)
            Assert.True(Rows(sqlite, table, columns).SequenceEqual(Rows(pg, table, columns)), $"{table} differs between SQLite and PostgreSQL");
    }

    [PostgresFact]
    public void Day_source_url_author_and_the_records_of_an_export_are_published()
    {
        corpus.Write("010_00000000000000a1.txt", "date 2023-10-12\nsource: Le Monde\ntitle: Rosatom au Burkina\nurl: https://lemonde.fr/2\nauthor: Jeanne Martin\n\nLe Burkina Faso signe avec Rosatom.");
        corpus.Write("export.jsonl", "{\"id\": \"r1\", \"date\": \"2023-11-20\", \"source\": \"RFI\", \"text\": \"Niamey et Moscou parlent d'uranium.\"}\n{\"date\": \"bad\", \"text\": \"x\"}\n");
        var report = ImportAndPublish();
        Assert.Equal(4, report.Inserted);
        Assert.Equal("2023-10|12|Le Monde|https://lemonde.fr/2|Jeanne Martin|Rosatom au Burkina",
            Pg<string>("SELECT month || '|' || day || '|' || source || '|' || url || '|' || author || '|' || title FROM articles WHERE id = '00000000000000a1'"));
        Assert.Equal(1, Pg<int>("SELECT count(*) FROM articles WHERE source = 'RFI' AND day = 20 AND file_name = 'export.jsonl'"));
        Assert.Equal(2, Pg<int>("SELECT count(*) FROM articles WHERE source IS NULL AND day IS NULL"));
        Assert.Equal(1, Pg<int>("SELECT count(*) FROM rejected_files WHERE file_name = 'export.jsonl' AND line = 2"));
        AssertSameAsSqlite();
        var again = ImportAndPublish();
        Assert.Equal((0, 0), (again.Inserted, again.Deleted));
    }

    [PostgresFact]
    public void The_first_publication_creates_the_schema_and_copies_every_table()
    {
        new CorpusGenerator(seed: 5).WriteTo(corpus.Articles, 60);
        corpus.Write("090_00000000000000b1.txt", "pas de date ici\n");   // rejected
        File.Copy(Path.Combine(corpus.Articles, "000_cd73a028ba1b9d44.txt"), Path.Combine(corpus.Articles, "091_cd73a028ba1b9d44.txt"));
        var report = ImportAndPublish();
        Assert.True(report.SchemaCreated);
        Assert.Equal(62, report.Inserted);
        Assert.Equal(PostgresSchema.Version, Pg<int>("SELECT version FROM corpus_schema"));
        Assert.Equal(1, Pg<int>("SELECT count(*) FROM rejected_files"));
        Assert.Equal(1, Pg<int>("SELECT count(*) FROM duplicate_files"));
        AssertSameAsSqlite();
        // PostgreSQL computed its own index: stems with weights, and the exact words.
        Assert.Equal(corpus.IndexedWith("rosatom"),
            Pg<int>("SELECT count(*) FROM articles WHERE search_stems @@ plainto_tsquery('fr', 'Rosatom')"));
        Assert.Equal(1, Pg<int>($"SELECT count(*) FROM articles WHERE id = '{TestCorpus.Seed004}' AND search_exact @@ phraseto_tsquery('fr_exact', 'centrale nucleaire')"));
        Assert.Equal(0, Pg<int>($"SELECT count(*) FROM articles WHERE id = '{TestCorpus.Seed004}' AND search_exact @@ phraseto_tsquery('fr_exact', 'nucleaire centrale')"));
        // Title words weigh A, body words B.
        Assert.Matches("'rapproch':[0-9]+A", Pg<string>($"SELECT search_stems::text FROM articles WHERE id = '{TestCorpus.Seed004}'"));
    }

    [PostgresFact]
    public void Publishing_an_unchanged_corpus_again_writes_nothing()
    {
        ImportAndPublish();
        var before = Pg<long>("SELECT sum(xmin::text::bigint) FROM articles");
        var again = ImportAndPublish();
        Assert.Equal((0, 0, 0, false, false), (again.Inserted, again.Deleted, again.ClustersMoved, again.DerivedReplaced, again.SchemaCreated));
        Assert.Equal(before, Pg<long>("SELECT sum(xmin::text::bigint) FROM articles"));   // the rows were not rewritten
        AssertSameAsSqlite();
    }

    [PostgresFact]
    public void A_changed_file_and_a_removed_file_are_all_that_is_written()
    {
        ImportAndPublish();
        corpus.Write("000_cd73a028ba1b9d44.txt", "date 2023-12 Le Niger signe un accord avec Rosatom.\n\nSuite de l’article.");
        File.Delete(Path.Combine(corpus.Articles, "004_85765fc0af500544.txt"));
        corpus.Write("005_00000000000000e5.txt", "date 2024-01 Des étudiants maliens partent étudier à Moscou.");
        var report = ImportAndPublish();
        Assert.Equal(2, report.Inserted);   // the changed article and the new one
        Assert.Equal(2, report.Deleted);    // the changed article's old row and the removed one
        Assert.True(report.DerivedReplaced);
        Assert.Equal(0, Pg<int>($"SELECT count(*) FROM articles WHERE id = '{TestCorpus.Seed004}'"));
        Assert.Equal("2023-12", Pg<string>($"SELECT month FROM articles WHERE id = '{TestCorpus.Seed000}'"));
        Assert.Equal(0, Pg<int>("SELECT count(*) FROM articles WHERE search_stems @@ plainto_tsquery('fr', 'Traoré')"));
        AssertSameAsSqlite();
    }

    [PostgresFact]
    public void A_failed_publication_leaves_the_previous_corpus_and_the_next_one_catches_up()
    {
        ImportAndPublish();
        corpus.Write("005_00000000000000e5.txt", "date 2024-01 Des étudiants maliens partent étudier à Moscou.");
        corpus.Import();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new PostgresPublisher(Database).Publish(corpus.Database, cancel.Token));
        Assert.Equal(2, Pg<int>("SELECT count(*) FROM articles"));
        // The working store already has the article: the next publication sends what PostgreSQL lacks.
        var report = ImportAndPublish();
        Assert.Equal(1, report.Inserted);
        AssertSameAsSqlite();
    }

    [PostgresFact]
    public void A_store_with_another_schema_version_is_rebuilt()
    {
        ImportAndPublish();
        using (var pg = new NpgsqlConnection(Database))
        {
            pg.Open();
            using var cmd = new NpgsqlCommand("UPDATE corpus_schema SET version = 0; ALTER TABLE articles ADD COLUMN stale integer", pg);
            cmd.ExecuteNonQuery();
        }
        var report = ImportAndPublish();
        Assert.True(report.SchemaCreated);
        Assert.Equal(0, Pg<int>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'articles' AND column_name = 'stale'"));
        AssertSameAsSqlite();
    }

    [PostgresFact]
    public void A_huge_article_and_a_nul_character_do_not_fail_the_publication()
    {
        var words = string.Join(" ", Enumerable.Range(0, 70_000).Select(i => "mot" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        corpus.Write("070_00000000000000d1.txt", "date 2024-02 Un très long article.\n\n" + words + " Rosatom");
        corpus.Write("071_00000000000000d2.txt", "date 2024-02 Un article avec un caractère nul\u0000 dedans sur le Mali.");
        var report = ImportAndPublish();
        Assert.Equal(corpus.Scalar<int>("SELECT count(*) FROM articles"), Pg<int>("SELECT count(*) FROM articles"));
        Assert.Equal(4, report.Inserted);
        // PostgreSQL indexes the first MaxIndexedBodyChars of a body: the word at the very end is past it.
        Assert.Equal(1, Pg<int>("SELECT count(*) FROM articles WHERE search_exact @@ phraseto_tsquery('fr_exact', 'mot10')"));
        Assert.Equal(0, Pg<int>("SELECT count(*) FROM articles WHERE id = '00000000000000d1' AND search_exact @@ phraseto_tsquery('fr_exact', 'rosatom')"));
        Assert.Equal(1, Pg<int>("SELECT count(*) FROM articles WHERE id = '00000000000000d2' AND search_stems @@ plainto_tsquery('fr', 'Mali')"));
    }

    [PostgresFact]
    public void The_site_reads_postgresql_read_only()
    {
        ImportAndPublish();
        var options = new NewsCorpus.Web.CorpusOptions { Provider = NewsCorpus.Web.CorpusProvider.Postgres, ConnectionString = Database };
        var builder = options.UseStore(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<CorpusDb>());
        using var db = new CorpusDb((Microsoft.EntityFrameworkCore.DbContextOptions<CorpusDb>)builder.Options);
        var connection = db.OpenConnection();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM articles";
        var e = Assert.Throws<PostgresException>(() => cmd.ExecuteNonQuery());
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, e.SqlState);
        Assert.Equal(2, Pg<int>("SELECT count(*) FROM articles"));
    }

    public void Dispose()
    {
        if (database is not null) PostgresServer.DropDatabase(database);
        corpus.Dispose();
    }
}
