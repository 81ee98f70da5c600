using Microsoft.Data.Sqlite;
using NewsCorpus.Generation;
using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Storage;

/// <summary>
/// The import reads and analyses files on other threads while it writes: whatever the timing, the store must
/// end up as an import doing one file after the other leaves it.
/// </summary>
public class ReadAheadTests
{
    [Fact]
    public void An_import_with_read_ahead_stores_what_an_import_without_it_stores()
    {
        using var corpus = new TestCorpus();
        new CorpusGenerator(seed: 11).WriteTo(corpus.Articles, 300);
        File.Copy(Path.Combine(corpus.Articles, "004_85765fc0af500544.txt"), Path.Combine(corpus.Articles, "990_1111111111111111.txt"));
        corpus.Write("991_2222222222222222.txt", "pas de date ici");
        corpus.Write("992_85765fc0af500544.txt", "date 2023-12 Un autre texte avec le même identifiant.");
        var sequential = Path.Combine(corpus.Root, "store", "sequential.db");

        var first = Import(corpus, corpus.Database, readAhead: true);
        var firstSequential = Import(corpus, sequential, readAhead: false);
        AssertSameReport(firstSequential, first);
        AssertSameContents(sequential, corpus.Database);

        // A changed file, a new one, and the original of a copy gone (the copy is read again, as an article).
        var generated = Directory.GetFiles(corpus.Articles, "*.txt").Order(StringComparer.Ordinal).ToList();
        corpus.Write(Path.GetFileName(generated[10]), "date 2024-02 Le Mali et le Niger signent un accord sur l'eau du fleuve.");
        File.Delete(Path.Combine(corpus.Articles, "004_85765fc0af500544.txt"));
        corpus.Write("993_3333333333333333.txt", "date 2024-03 Wagner quitte Bamako, selon des sources sécuritaires à Ouagadougou.");

        var second = Import(corpus, corpus.Database, readAhead: true);
        var secondSequential = Import(corpus, sequential, readAhead: false);
        AssertSameReport(secondSequential, second);
        Assert.Equal(1, second.Removed);
        AssertSameContents(sequential, corpus.Database);
        Assert.Equal(1, corpus.Scalar<int>("SELECT count(*) FROM articles WHERE id = '1111111111111111'"));
    }

    [Fact]
    public void A_cancelled_import_with_read_ahead_leaves_the_store_as_it_was()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        var before = Contents(corpus.Database);
        new CorpusGenerator(seed: 12).WriteTo(corpus.Articles, 200);
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(done => { if (done == 50) cancel.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() => new CorpusImporter(corpus.Database).Import(corpus.Articles, progress, cancel.Token));

        Assert.Equal(before, Contents(corpus.Database));
        var next = corpus.Import();
        Assert.Equal(200, next.Imported + next.Duplicates.Count);
    }

    [Fact]
    public void The_pooled_connection_gets_its_page_cache_size_back()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        using var fresh = new SqliteConnection(CorpusSchema.ConnectionString(corpus.Database, SqliteOpenMode.ReadWrite) + ";Pooling=False");
        fresh.Open();
        // The writer's connection, back from the pool: a reader taking it must not keep the import's large cache.
        using var pooled = CorpusSchema.OpenForWriting(corpus.Database);
        Assert.Equal(CacheSize(fresh), CacheSize(pooled));
    }

    static long CacheSize(SqliteConnection connection) => Convert.ToInt64(CorpusSchema.Scalar(connection, "PRAGMA cache_size"));

    static ImportReport Import(TestCorpus corpus, string database, bool readAhead) =>
        new CorpusImporter(database) { ReadAhead = readAhead }.Import(corpus.Articles);

    static void AssertSameReport(ImportReport expected, ImportReport actual)
    {
        Assert.Equal((expected.Imported, expected.Updated, expected.Unchanged, expected.Removed), (actual.Imported, actual.Updated, actual.Unchanged, actual.Removed));
        Assert.Equal(expected.Duplicates, actual.Duplicates);
        Assert.Equal(expected.Rejected, actual.Rejected);
        Assert.Equal(expected.Warnings, actual.Warnings);
    }

    static void AssertSameContents(string expected, string actual)
    {
        var (want, got) = (Contents(expected), Contents(actual));
        Assert.Equal(want.Keys, got.Keys);
        foreach (var table in want.Keys) Assert.True(want[table].SequenceEqual(got[table]), $"{table} differs");
    }

    /// <summary>
    /// Every row of every table, sorted, and every term of the full-text index with its article, column and
    /// position. Not the index's own tables: how FTS5 splits its index into segments depends on when it wrote them.
    /// </summary>
    static SortedDictionary<string, List<string>> Contents(string database)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection(CorpusSchema.ConnectionString(database, SqliteOpenMode.ReadOnly));
        connection.Open();
        var tables = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var contents = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
            contents[table] = Rows(connection, table == "meta" ? "SELECT key, value FROM meta WHERE key <> 'imported_at'" : $"SELECT * FROM \"{table}\"");
        contents["full-text index"] = IndexProbe.Postings(connection);
        return contents;
    }

    static List<string> Rows(SqliteConnection connection, string sql)
    {
        var rows = new List<string>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join("\u001f", values.Select(v => v is byte[] b ? Convert.ToHexString(b) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    sealed class Progress(Action<int> onFile) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => onFile(value.Done);
    }
}
