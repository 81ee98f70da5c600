using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsCorpus.Search;

/// <summary>
/// The SQLite store's full-text index: a Lucene index in a folder beside the store file, derived data like the store.
/// One document an article, keyed by article_key, with the fields the store's analysis gives (stems and exact forms of
/// title, headings and body, see <see cref="Analysis.FrenchAnalyzer.IndexText"/>). The text is analysed by our own
/// French chain before it reaches Lucene, which only splits it at the spaces: documents and queries
/// (<see cref="LuceneQuery"/>) agree because both come from that one chain, never from Lucene's French rules.
/// <para>
/// An import commits the index, then the store, which records the index commit it goes with (its generation, in meta);
/// the reader opens that commit, not the newest, so an import killed between the two leaves the previous corpus
/// served whole (<see cref="Storage.FullTextWriter"/> keeps the commit the store names).
/// </para>
/// </summary>
public static class FullTextIndex
{
    /// <summary>Bumped when the fields or their text change: an index of another version is rebuilt from the store.</summary>
    public const string Version = "1";

    public static readonly string[] StemFields = ["title", "headings", "body"];
    public static readonly string[] ExactFields = ["title_exact", "headings_exact", "body_exact"];
    /// <summary>BM25 weight of each field, in field order: title and headings count more than the body.</summary>
    public static readonly float[] Weights = [3f, 1.5f, 1f];

    internal const string KeyValues = "key";        // doc values: the article key of a matching document
    internal const string KeyTerm = "key_term";     // indexed: the term an update or a removal finds the document by
    internal const string GenerationData = "generation";
    internal const string VersionData = "version";
    /// <summary>The store's meta key naming the index commit it goes with.</summary>
    internal const string GenerationMeta = "index_generation";

    internal const LuceneVersion Compatibility = LuceneVersion.LUCENE_48;

    public static string FolderOf(string databasePath) => Path.GetFullPath(databasePath) + ".index";

    /// <summary>BM25 with FTS5's constants (k1 1.2, b 0.75), for writing norms and for scoring.</summary>
    internal static readonly Similarity Similarity = new BM25Similarity();

    /// <summary>Splits our analysis's output at its spaces: every field holds terms the French chain already made.</summary>
    internal static Analyzer TermsAnalyzer() => new WhitespaceAnalyzer(Compatibility);

    internal static Term KeyTermOf(long key) => new(KeyTerm, key.ToString(CultureInfo.InvariantCulture));

    /// <param name="fields">Stems and exact forms of title, headings and body, in <see cref="StemFields"/> order.</param>
    internal static Document Document(long key, params (string Stems, string Exact)[] fields)
    {
        var doc = new Document
        {
            new StringField(KeyTerm, key.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new NumericDocValuesField(KeyValues, key),
        };
        for (int f = 0; f < StemFields.Length; f++)
        {
            doc.Add(new TextField(StemFields[f], fields[f].Stems, Field.Store.NO));
            doc.Add(new TextField(ExactFields[f], fields[f].Exact, Field.Store.NO));
        }
        return doc;
    }

    /// <summary>The generation of the index commit the store goes with; 0 for a store no import has indexed.</summary>
    internal static long StoredGeneration(SqliteConnection connection, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT value FROM meta WHERE key = '{GenerationMeta}'";
        return cmd.ExecuteScalar() is string value ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The commit of this index version with that generation, or null.</summary>
    internal static IndexCommit? CommitOf(LuceneDirectory directory, long generation)
    {
        if (!DirectoryReader.IndexExists(directory)) return null;
        var wanted = generation.ToString(CultureInfo.InvariantCulture);
        return DirectoryReader.ListCommits(directory).LastOrDefault(c =>
            c.UserData.TryGetValue(GenerationData, out var g) && g == wanted &&
            c.UserData.TryGetValue(VersionData, out var v) && v == Version);
    }

    internal static long GenerationOf(IndexCommit commit) =>
        commit.UserData.TryGetValue(GenerationData, out var g) ? long.Parse(g, CultureInfo.InvariantCulture) : 0;

    sealed record OpenIndex(string Folder, long Generation, LuceneDirectory Directory, DirectoryReader Reader);

    static readonly ConcurrentDictionary<string, OpenIndex> open = new();
    // One lock a store: opening (or rebuilding) one store's index must not hold up the searches of another.
    static readonly ConcurrentDictionary<string, object> opening = new();

    /// <summary>
    /// A searcher on the index commit the store behind <paramref name="connection"/> names, for one search: dispose it
    /// after. An import that lands changes the store's generation, and the next search opens the new commit; searches
    /// still running on the previous one keep it open until they end (the reader is reference-counted).
    /// </summary>
    /// <exception cref="FullTextIndexMissingException">No commit of the index goes with the store and none could be built.</exception>
    public static Lease Acquire(SqliteConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        var path = connection.DataSource;
        long generation = StoredGeneration(connection);
        if (open.TryGetValue(path, out var held) && held.Generation == generation && held.Reader.TryIncRef()) return new Lease(held.Reader);
        lock (opening.GetOrAdd(path, _ => new object()))
        {
            for (int attempt = 1; ; attempt++)
            {
                try { return Open(path, generation); }
                // An import landed since the generation was read, and its writer dropped the commit that named: read it again.
                catch (Exception e) when (attempt < 10 && e is IOException or FullTextIndexMissingException)
                {
                    // An import holding the index commits within moments: wait for it a little (a second in all).
                    if (attempt > 2) Thread.Sleep(100);
                    generation = StoredGeneration(connection);
                }
            }
        }
    }

    /// <summary>
    /// The index folder of a store, read with positioned reads (<see cref="PositionedReadDirectory"/>). Each reader
    /// of it has a buffer of 2 KB: Lucene's 1 KB default made a search of a common word half as slow again (a read
    /// for every block or two of postings); 2 and 4 KB searched alike, and a search makes thousands of readers. A
    /// reader of positions has 8 KB: with 2, a phrase with a word as common as "de" spent half its time in reads.
    /// </summary>
    internal static PositionedReadDirectory OpenDirectory(string databasePath) =>
        new(FolderOf(databasePath), bufferSize: 2048, positionsBufferSize: 8192);

    static Lease Open(string path, long generation)
    {
        if (open.TryGetValue(path, out var held) && held.Generation == generation && held.Reader.TryIncRef()) return new Lease(held.Reader);
        var folder = FolderOf(path);
        var directory = held?.Folder == folder ? held.Directory : OpenDirectory(path);
        var commit = CommitOf(directory, generation);
        if (commit is null)
        {
            // A store imported before the index existed, or whose index was deleted: built again from the store.
            Storage.FullTextWriter.Rebuild(path);
            commit = CommitOf(directory, generation)
                ?? throw new FullTextIndexMissingException($"The full-text index {folder} does not match the store: import again.");
        }
        var reader = DirectoryReader.Open(commit);
        // A store long gone from this process should not keep its index open: a site reads one store.
        if (open.Count >= 4 && held is null)
            foreach (var other in open.Keys.ToList())
                if (open.TryRemove(other, out var gone)) gone.Reader.DecRef();
        open[path] = new OpenIndex(folder, generation, directory, reader);
        held?.Reader.DecRef();   // the cache's own reference; searches on it still hold theirs
        reader.IncRef();
        return new Lease(reader);
    }

    /// <summary>Opens now what the first search after an import would otherwise open (and builds the index when it has to).</summary>
    public static void Warm(SqliteConnection connection) => Acquire(connection).Dispose();

    /// <summary>A searcher held for one search.</summary>
    public sealed class Lease(DirectoryReader reader) : IDisposable
    {
        public IndexSearcher Searcher { get; } = new(reader) { Similarity = Similarity };
        public IndexReader Reader => reader;
        public void Dispose() => reader.DecRef();
    }
}

public sealed class FullTextIndexMissingException(string message) : Exception(message);
