using Microsoft.Data.Sqlite;
using NewsCorpus.Duplicates;

namespace NewsCorpus.Storage;

/// <summary>
/// Finds each new article's near-duplicates (syndicated copies, lightly edited re-publications) at import, and
/// keeps the clusters they form so listings can fold a cluster into one row.
/// </summary>
internal static class NearDuplicateIndex
{
    public const double Threshold = 0.8;

    /// <summary>Stores an article's signature and band keys, and pairs it with the stored articles it nearly duplicates.</summary>
    /// <param name="known">Band keys the store may hold; without it every article looks its bands up.</param>
    public static void Add(Statements statements, long articleKey, uint[] signature, BandFilter? known)
    {
        if (MinHash.IsEmpty(signature)) return;
        var bands = MinHash.BandKeys(signature).Select(b => BandKey(b.Band, b.Key)).Distinct().ToArray();
        var parameters = new (string, object?)[bands.Length];
        for (int i = 0; i < bands.Length; i++) parameters[i] = (BandParameters[i], bands[i]);

        // The candidates (articles sharing a band) and their signatures in one statement, before this article's
        // bands go in: one lookup instead of one per band and one per candidate. An article sharing several bands
        // comes once per band.
        var similar = new List<(long Other, double Similarity)>();
        var seen = new HashSet<long>();
        if (known is null || bands.Any(known.MayContain))
            using (var reader = statements.Get(SelectCandidates[bands.Length], parameters).ExecuteReader())
                while (reader.Read())
                {
                    long other = reader.GetInt64(0);
                    if (other == articleKey || !seen.Add(other)) continue;
                    var similarity = MinHash.Similarity(signature, MinHash.FromBytes((byte[])reader.GetValue(1)));
                    if (similarity >= Threshold) similar.Add((other, similarity));
                }

        statements.Execute("INSERT INTO article_signatures (article_key, signature) VALUES ($k, $s)", ("$k", articleKey), ("$s", MinHash.ToBytes(signature)));
        // One row a statement: a single INSERT of all sixteen rows took twice as long in SQLite.
        foreach (var band in bands)
        {
            statements.Execute("INSERT OR IGNORE INTO article_bands (band_key, article_key) VALUES ($b, $k)", ("$b", band), ("$k", articleKey));
            known?.Add(band);
        }
        foreach (var (other, similarity) in similar)
            statements.Execute("INSERT OR REPLACE INTO near_duplicates (article_key, other_key, similarity) VALUES ($a, $b, $s), ($b, $a, $s)",
                ("$a", articleKey), ("$b", other), ("$s", similarity));
    }

    // The candidate lookup for each number of distinct band keys (nearly always all of them), written once.
    static readonly string[] BandParameters = Enumerable.Range(0, MinHash.Bands).Select(i => $"$b{i}").ToArray();
    static readonly string[] SelectCandidates = Enumerable.Range(0, MinHash.Bands + 1).Select(n =>
        "SELECT b.article_key, s.signature FROM article_bands b JOIN article_signatures s ON s.article_key = b.article_key " +
        $"WHERE b.band_key IN ({string.Join(", ", BandParameters.Take(n))})").ToArray();

    /// <summary>Recomputes the clusters (connected groups of near-duplicate pairs) after an import changed articles.</summary>
    public static int RebuildClusters(SqliteConnection connection, SqliteTransaction tx)
    {
        var parent = new Dictionary<long, long>();
        long Find(long x)
        {
            while (parent.TryGetValue(x, out var p) && p != x) { parent[x] = parent.GetValueOrDefault(p, p); x = p; }
            return x;
        }
        using (var pairs = connection.CreateCommand())
        {
            pairs.Transaction = tx;
            pairs.CommandText = "SELECT article_key, other_key FROM near_duplicates WHERE article_key < other_key";
            using var reader = pairs.ExecuteReader();
            while (reader.Read())
            {
                long a = reader.GetInt64(0), b = reader.GetInt64(1);
                parent.TryAdd(a, a);
                parent.TryAdd(b, b);
                long ra = Find(a), rb = Find(b);
                if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);   // the smallest key leads its cluster
            }
        }
        Execute(connection, tx, "UPDATE articles SET cluster_key = NULL, cluster_size = 1 WHERE cluster_key IS NOT NULL");
        var clusters = parent.Keys.GroupBy(Find).ToList();
        foreach (var cluster in clusters)
            foreach (var member in cluster)
                Execute(connection, tx, "UPDATE articles SET cluster_key = $c, cluster_size = $n WHERE article_key = $k",
                    ("$c", cluster.Key), ("$n", cluster.Count()), ("$k", member));
        return clusters.Count;
    }

    // One integer per (band, key) so a single indexed column holds every band.
    static long BandKey(int band, ulong key) => (long)(key * 0x9E3779B97F4A7C15UL ^ (ulong)band);

    static void Execute(SqliteConnection connection, SqliteTransaction tx, string sql, params (string, object)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }
}
