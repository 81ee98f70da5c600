using Microsoft.Data.Sqlite;
using NewsCorpus.Analysis;
using NewsCorpus.Articles;
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

    /// <summary>
    /// How alike two versions' own content must be (exact Jaccard of its shingles), once the paragraphs that many
    /// articles repeat are left out. Distinct articles sharing a long caption or disclaimer have own content with next to
    /// nothing in common (near 0); versions of one story keep most of theirs (a changed sentence leaves about 0.8). Lower
    /// than <see cref="Threshold"/> because the own content of syndicated copies can be little more than their lead,
    /// where one edited word weighs a lot.
    /// </summary>
    public const double OwnContentThreshold = 0.5;

    /// <summary>
    /// Removes the pairs alike only by paragraphs many articles repeat: distinct cartoons sharing a long caption are
    /// not versions of each other. A paragraph held by <see cref="Boilerplate.MinStories"/> articles or more counts
    /// here whether or not it is boilerplate yet, because boilerplate counts the versions of a story once: counting
    /// the cartoons as versions would keep their caption from ever becoming boilerplate. A lead is never boilerplate
    /// (it is the article's summary everywhere), but a caption can come first: a lead counts as repeated when the
    /// article and its near-duplicates hold it that many times. An article with nothing of its own left (a copy made
    /// only of repeated paragraphs) keeps its pairs. Run once an import's pairs are all found, before the clusters are
    /// rebuilt.
    /// </summary>
    /// <returns>The number of pairs removed.</returns>
    public static int RemovePairsAlikeByRepeatedParagraphs(Statements statements)
    {
        var pairs = new List<(long A, long B)>();
        // Only pairs with the same lead or title, or a repeated paragraph in one of them: a row at offset n - 1 is n holders or more.
        using (var reader = statements.Get("""
            SELECT n.article_key, n.other_key FROM near_duplicates n
            JOIN articles a ON a.article_key = n.article_key JOIN articles b ON b.article_key = n.other_key
            WHERE n.article_key < n.other_key AND (a.lead = b.lead OR a.title = b.title OR EXISTS (
                SELECT 1 FROM article_paragraphs p WHERE p.article_key IN (n.article_key, n.other_key)
                AND EXISTS (SELECT 1 FROM article_paragraphs q WHERE q.paragraph_hash = p.paragraph_hash LIMIT 1 OFFSET $n - 1)))
            """, ("$n", Boilerplate.MinStories)).ExecuteReader())
            while (reader.Read()) pairs.Add((reader.GetInt64(0), reader.GetInt64(1)));
        if (pairs.Count == 0) return 0;

        // Every pair is judged before any goes: an article's own words read the pairs as found (a lead's count of
        // holders). Own words are kept for the last few articles only: held for every paired article they grew with
        // the corpus (a few hundred MB at a million articles), and the pairs come article by article anyway.
        var repeated = new Dictionary<long, bool>();
        var own = new Dictionary<long, List<string>>();
        List<string> OwnOf(long article)
        {
            if (own.TryGetValue(article, out var words)) return words;
            if (own.Count >= OwnWordsKept) own.Clear();
            return own[article] = OwnWords(statements, article, repeated);
        }
        var alikeByRepeats = new List<(long A, long B)>();
        foreach (var (a, b) in pairs)
        {
            var (ownA, ownB) = (OwnOf(a), OwnOf(b));
            if (ownA.Count == 0 || ownB.Count == 0 || MinHash.Jaccard(ownA, ownB) >= OwnContentThreshold) continue;
            alikeByRepeats.Add((a, b));
        }
        foreach (var (a, b) in alikeByRepeats)
            statements.Execute("DELETE FROM near_duplicates WHERE (article_key = $a AND other_key = $b) OR (article_key = $b AND other_key = $a)", ("$a", a), ("$b", b));
        return alikeByRepeats.Count;
    }

    const int OwnWordsKept = 1000;

    /// <summary>The folded words of an article without its repeated paragraphs (see <see cref="RemovePairsAlikeByRepeatedParagraphs"/>).</summary>
    static List<string> OwnWords(Statements statements, long article, Dictionary<long, bool> repeated)
    {
        var body = (string?)statements.Scalar("SELECT body FROM articles WHERE article_key = $k", ("$k", article)) ?? "";
        var blocks = ArticleMarkdown.ToBlocks(body);
        var hashes = Boilerplate.Hashes(blocks);
        // A lead, or a headline the text starts with, that the article and its near-duplicates share five times or more
        // (a cartoon's fixed title) is no more its own than a repeated paragraph.
        int lead = blocks.FindIndex(b => b.Kind == BlockKind.Paragraph);
        int headline = blocks.FindIndex(b => b.Kind == BlockKind.Headline);
        bool leadRepeated = lead >= 0 && SharedWithVersions("lead");
        bool headlineRepeated = headline >= 0 && SharedWithVersions("title");
        var words = new List<string>();
        for (int i = 0; i < blocks.Count; i++)
        {
            if (i == lead ? leadRepeated : i == headline ? headlineRepeated : hashes[i] is { } hash && IsRepeated(hash)) continue;
            foreach (var (_, word) in FrenchAnalyzer.AnalyzeText(blocks[i].Text)) words.Add(word.Exact);
        }
        return words;

        bool SharedWithVersions(string column) => 1 + (long)statements.Scalar($"""
            SELECT count(*) FROM near_duplicates n JOIN articles s ON s.article_key = n.article_key JOIN articles o ON o.article_key = n.other_key
            WHERE n.article_key = $k AND o.{column} = s.{column}
            """, ("$k", article))! >= Boilerplate.MinStories;

        bool IsRepeated(long hash) => repeated.TryGetValue(hash, out var known) ? known : repeated[hash] = statements.Scalar(
            "SELECT 1 FROM article_paragraphs WHERE paragraph_hash = $h LIMIT 1 OFFSET $n - 1", ("$h", hash), ("$n", Boilerplate.MinStories)) is not null;
    }

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
