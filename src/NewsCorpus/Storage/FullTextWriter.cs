using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;
using NewsCorpus.Analysis;
using NewsCorpus.Articles;
using NewsCorpus.Search;

namespace NewsCorpus.Storage;

/// <summary>
/// Writes the <see cref="FullTextIndex"/> during an import: opened at the commit the store names (an import killed
/// after its index commit but before its store commit left a later one, which this one replaces), or built from the
/// store when there is none. <see cref="Commit"/> commits the index under a new generation that the import then
/// records in the store, in the store's own transaction; until that transaction commits, the commit the store names
/// stays on disk (<see cref="KeepStoreCommit"/>) and readers keep opening it.
/// </summary>
internal sealed class FullTextWriter : IDisposable
{
    readonly IndexWriter writer;

    // Lucene inverts each document on a thread of its own, in the order the import hands them over (a removal and an
    // addition of one key must not trade places), so the store's writer does not wait for it. Bounded: memory stays flat.
    readonly BlockingCollection<Action<IndexWriter>> pending = new(boundedCapacity: 256);
    readonly Thread indexing;
    Exception? failure;

    /// <summary>The generation <see cref="Commit"/> gives the index: above every commit on disk, so none is ever named twice.</summary>
    public long NextGeneration { get; }

    /// <summary>Whether the index was built again from the store's articles (it was missing, stale or of another version).</summary>
    public bool Rebuilt { get; }

    FullTextWriter(IndexWriter writer, long nextGeneration, bool rebuilt)
    {
        (this.writer, NextGeneration, Rebuilt) = (writer, nextGeneration, rebuilt);
        indexing = new Thread(Index) { IsBackground = true, Name = "full-text indexing" };
        indexing.Start();
    }

    void Index()
    {
        foreach (var write in pending.GetConsumingEnumerable())
        {
            if (failure is not null) continue;   // drained, so that the import never waits on a full queue
            try { write(writer); }
            catch (Exception e) { failure = e; }
        }
    }

    void Enqueue(Action<IndexWriter> write)
    {
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        pending.Add(write);
    }

    /// <summary>Waits until every document handed over is in the writer; throws what failed on the way.</summary>
    void Drain()
    {
        if (!pending.IsAddingCompleted) pending.CompleteAdding();
        indexing.Join();
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>Opens the index of the store behind <paramref name="connection"/>, in the import's transaction <paramref name="tx"/>.</summary>
    public static FullTextWriter Open(string databasePath, SqliteConnection connection, SqliteTransaction? tx)
    {
        long storeGeneration = FullTextIndex.StoredGeneration(connection, tx);
        // Read through positioned reads, not mapped: a merge reads whole segments, and every mapped page it touched
        // stayed in the importer's working set until the merge ended (hundreds of MB at a million articles).
        var directory = FullTextIndex.OpenDirectory(databasePath);
        var commit = FullTextIndex.CommitOf(directory, storeGeneration);
        long newest = DirectoryReader.IndexExists(directory) ? DirectoryReader.ListCommits(directory).Max(FullTextIndex.GenerationOf) : 0;
        var config = new IndexWriterConfig(FullTextIndex.Compatibility, FullTextIndex.TermsAnalyzer())
        {
            Similarity = FullTextIndex.Similarity,
            IndexDeletionPolicy = new KeepStoreCommit(storeGeneration),
            OpenMode = commit is null ? OpenMode.CREATE : OpenMode.APPEND,
            IndexCommit = commit,
            // Flushed segments of this size. The buffer takes about twice what it counts (at 64 MB the importer's memory
            // rose by 130 MB between flushes), and a smaller one took no longer to import.
            RAMBufferSizeMB = 32,
            // A compound file is each segment's files copied into one: a second write of every flushed segment, to
            // save file handles that an index of a few dozen segments does not run short of.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
        };
        var writer = new FullTextWriter(new IndexWriter(directory, config), Math.Max(newest, storeGeneration) + 1, rebuilt: commit is null);
        try
        {
            if (commit is null) writer.AddAll(connection, tx);
        }
        catch
        {
            writer.Dispose();   // or the index stays locked for every later reader and import of this process
            throw;
        }
        return writer;
    }

    /// <summary>
    /// Builds the index of a store no import indexed (or whose index went missing), from a snapshot of the store, under
    /// the generation the store names. For readers: the store is only read. Throws when an import holds the index.
    /// </summary>
    public static void Rebuild(string databasePath)
    {
        using var connection = new SqliteConnection(CorpusSchema.ConnectionString(databasePath, SqliteOpenMode.ReadOnly));
        connection.Open();
        using var tx = connection.BeginTransaction(deferred: true);
        long generation = FullTextIndex.StoredGeneration(connection, tx);
        try
        {
            using var writer = Open(databasePath, connection, tx);
            if (writer.Rebuilt) writer.Commit(generation);
        }
        catch (LockObtainFailedException)
        {
            throw new FullTextIndexMissingException("The full-text index is being written by an import: try again once it is done.");
        }
    }

    public void Add(long key, FtsText title, FtsText headings, FtsText body)
    {
        var doc = FullTextIndex.Document(key, (title.Stems, title.Exact), (headings.Stems, headings.Exact), (body.Stems, body.Exact));
        Enqueue(w => w.AddDocument(doc));
    }

    public void Replace(long key, FtsText title, FtsText headings, FtsText body)
    {
        var doc = FullTextIndex.Document(key, (title.Stems, title.Exact), (headings.Stems, headings.Exact), (body.Stems, body.Exact));
        Enqueue(w => w.UpdateDocument(FullTextIndex.KeyTermOf(key), doc));
    }

    public void Delete(long key) => Enqueue(w => w.DeleteDocuments(FullTextIndex.KeyTermOf(key)));

    /// <summary>Commits the index as <paramref name="generation"/> (by default <see cref="NextGeneration"/>), for the store to record.</summary>
    public void Commit(long? generation = null)
    {
        Drain();
        writer.SetCommitData(new Dictionary<string, string>
        {
            [FullTextIndex.GenerationData] = (generation ?? NextGeneration).ToString(CultureInfo.InvariantCulture),
            [FullTextIndex.VersionData] = FullTextIndex.Version,
        });
        writer.Commit();
    }

    // Not committed: the import failed, and what it wrote goes. Committed: nothing more is written (Lucene's own
    // Dispose would commit again, after the store has recorded the commit), merges under way stop and the next
    // import's writer takes them up.
    public void Dispose()
    {
        try { Drain(); }
        catch (Exception) { }   // the import has failed already, or is told by Commit
        writer.Rollback();
    }

    const int RebuildBatch = 1000;

    /// <summary>Every article of the store, analysed as the import analyses it, on every core.</summary>
    void AddAll(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT article_key, title, coalesce(search_body, body) FROM articles";
        using var reader = cmd.ExecuteReader();
        var batch = new List<(long Key, string Title, string Body)>(RebuildBatch);
        void Flush()
        {
            Parallel.ForEach(batch, row =>
            {
                var (headings, body) = ArticleAnalysis.IndexTexts(ArticleMarkdown.ToBlocks(row.Body));
                var (titleStems, titleExact) = FrenchAnalyzer.IndexText(row.Title);
                Add(row.Key, new FtsText(titleStems, titleExact), headings, body);
            });
            batch.Clear();
        }
        while (reader.Read())
        {
            batch.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            if (batch.Count == RebuildBatch) Flush();
        }
        Flush();
    }

    /// <summary>
    /// Keeps the newest commit and the one the store names: the store names the previous one until the import's
    /// transaction commits, and a reader must find it whatever happens to the import.
    /// </summary>
    sealed class KeepStoreCommit(long storeGeneration) : IndexDeletionPolicy
    {
        public override void OnInit<T>(IList<T> commits) => OnCommit(commits);

        public override void OnCommit<T>(IList<T> commits)
        {
            // Oldest first.
            for (int i = 0; i < commits.Count - 1; i++)
                if (FullTextIndex.GenerationOf(commits[i]) != storeGeneration) commits[i].Delete();
        }
    }
}
