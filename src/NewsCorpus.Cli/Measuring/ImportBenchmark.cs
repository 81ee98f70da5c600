using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsCorpus.Storage;

namespace NewsCorpus.Cli.Measuring;

public sealed record ImportFigures(string Name, int Files, TimeSpan Elapsed, long PeakBytes, long AllocatedBytes, long DatabaseBytes)
{
    public double FilesPerSecond => Files / Elapsed.TotalSeconds;
}

/// <summary>
/// The importer against the least an import into SQLite FTS5 can do with the same files: read each file, insert
/// its text into a plain table, then build an external-content FTS5 index over it with one 'rebuild'. No
/// parsing, no analysis, no countries, no entities: the ratio is the price of all that.
/// </summary>
public static class ImportBenchmark
{
    public const string ReferenceTable = "docs";
    public const string ReferenceFts = "docs_fts";

    public static ImportFigures RunImporter(string corpus, string database)
    {
        DeleteDatabase(database);
        PeakMemory.Reset();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var report = new CorpusImporter(database).Import(corpus);
        // Every file read counts, copies and rejects too, as in the reference.
        var figures = new ImportFigures("NewsCorpus import", report.Imported + report.Duplicates.Count + report.Rejected.Count, report.Elapsed, PeakMemory.PeakBytes(),
            GC.GetTotalAllocatedBytes(precise: true) - allocated, 0);
        return figures with { DatabaseBytes = DatabaseBytes(database) };
    }

    public static ImportFigures RunReference(string corpus, string database)
    {
        DeleteDatabase(database);
        PeakMemory.Reset();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        int count = 0;
        using (var connection = CorpusSchema.OpenForWriting(database))
        {
            Execute(connection, null, $"""
                CREATE TABLE {ReferenceTable} (id INTEGER PRIMARY KEY, name TEXT NOT NULL, body TEXT NOT NULL);
                CREATE VIRTUAL TABLE {ReferenceFts} USING fts5 (body, content = '{ReferenceTable}', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2');
                """);
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO {ReferenceTable} (name, body) VALUES ($name, $body)";
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            var folder = ArticleFolder.List(corpus);
            foreach (var file in folder.Entries.Where(e => !e.IsDirectory && !e.IsLink))
            {
                name.Value = file.Name;
                body.Value = Encoding.UTF8.GetString(File.ReadAllBytes(folder.PathOf(file)));
                insert.ExecuteNonQuery();
                count++;
            }
            Execute(connection, tx, $"INSERT INTO {ReferenceFts} ({ReferenceFts}) VALUES ('rebuild')");
            tx.Commit();
        }
        var elapsed = clock.Elapsed;
        var figures = new ImportFigures("reference (INSERT + FTS5 rebuild)", count, elapsed, PeakMemory.PeakBytes(),
            GC.GetTotalAllocatedBytes(precise: true) - allocated, 0);
        return figures with { DatabaseBytes = DatabaseBytes(database) };
    }

    /// <summary>
    /// The store's size once its WAL is folded back in (the pool keeps connections open, so clear it first), with its
    /// full-text index beside it when it has one.
    /// </summary>
    public static long DatabaseBytes(string database)
    {
        SqliteConnection.ClearAllPools();
        using (var connection = CorpusSchema.OpenForWriting(database))
            Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)");
        SqliteConnection.ClearAllPools();
        var index = new DirectoryInfo(Search.FullTextIndex.FolderOf(database));
        long indexBytes = index.Exists ? index.EnumerateFiles().Sum(f => f.Length) : 0;
        return new[] { database, database + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) + indexBytes;
    }

    public static long TextBytes(string corpus) =>
        ArticleFolder.List(corpus).Entries.Where(e => !e.IsDirectory && !e.IsLink).Sum(e => e.Size);

    static void DeleteDatabase(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(database + suffix)) File.Delete(database + suffix);
        if (Directory.Exists(Search.FullTextIndex.FolderOf(database))) Directory.Delete(Search.FullTextIndex.FolderOf(database), recursive: true);
    }

    static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
