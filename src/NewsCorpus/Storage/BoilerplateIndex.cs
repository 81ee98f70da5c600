using NewsCorpus.Analysis;
using NewsCorpus.Articles;

namespace NewsCorpus.Storage;

/// <summary>
/// Keeps an import's store in line with its boilerplate (<see cref="Boilerplate"/>): which articles hold each paragraph
/// long enough to count (article_paragraphs), which paragraphs are boilerplate (boilerplate), and each article's search
/// text without them (articles.search_body, its full-text document and its words in the vocabulary).
/// The work follows what changed, never the whole corpus: adding or removing an article touches its own paragraphs;
/// only the paragraphs whose count of stories may have crossed the threshold are counted again, stopping at the
/// threshold; and only the articles holding a paragraph that became or stopped being boilerplate are written again.
/// </summary>
internal sealed class BoilerplateIndex(Statements statements, WordCounts words, FullTextWriter fullText)
{
    /// <summary>The boilerplate as the import found it: new articles leave these paragraphs out of their index text at once.</summary>
    readonly HashSet<long> known = LoadKnown(statements);

    /// <summary>Paragraphs whose status this import may have changed: only those in five articles or more, or boilerplate already.</summary>
    readonly HashSet<long> candidates = [];

    static HashSet<long> LoadKnown(Statements statements)
    {
        var known = new HashSet<long>();
        using var reader = statements.Get("SELECT paragraph_hash FROM boilerplate").ExecuteReader();
        while (reader.Read()) known.Add(reader.GetInt64(0));
        return known;
    }

    /// <summary>Of an article's paragraph hashes, those the store held as boilerplate when the import began.</summary>
    public HashSet<long> KnownAmong(long[] hashes) => hashes.Where(known.Contains).ToHashSet();

    /// <summary>Records a new article's paragraphs.</summary>
    public void Added(long articleKey, long[] hashes)
    {
        if (hashes.Length == 0) return;
        foreach (var hash in hashes)
            statements.Execute("INSERT OR IGNORE INTO article_paragraphs (paragraph_hash, article_key) VALUES ($h, $k)", ("$h", hash), ("$k", articleKey));
        // One statement for the article rather than one a paragraph: nearly every paragraph is in no other article.
        // "A row at offset n - 1" is "n rows or more", read without counting them (a count in a subquery of its own
        // made this statement a fifth of the whole import).
        using var reader = statements.Get("""
            SELECT p.paragraph_hash FROM article_paragraphs p WHERE p.article_key = $k
            AND EXISTS (SELECT 1 FROM article_paragraphs q WHERE q.paragraph_hash = p.paragraph_hash LIMIT 1 OFFSET $n - 1)
            """, ("$k", articleKey), ("$n", Boilerplate.MinStories)).ExecuteReader();
        while (reader.Read()) candidates.Add(reader.GetInt64(0));
    }

    /// <summary>
    /// Forgets a removed article's paragraphs. One article fewer can only end a paragraph's boilerplate status (unless
    /// it joined two stories into one cluster: its versions change cluster, which <see cref="Update"/> looks at).
    /// </summary>
    public void Removed(long articleKey)
    {
        using var reader = statements.Get("DELETE FROM article_paragraphs WHERE article_key = $k RETURNING paragraph_hash", ("$k", articleKey)).ExecuteReader();
        while (reader.Read())
            if (known.Contains(reader.GetInt64(0))) candidates.Add(reader.GetInt64(0));
    }

    /// <summary>Which cluster each article in a near-duplicate cluster belongs to, to compare before and after clusters are rebuilt.</summary>
    public static Dictionary<long, long> Clusters(Statements statements)
    {
        var clusters = new Dictionary<long, long>();
        using var reader = statements.Get("SELECT article_key, cluster_key FROM articles WHERE cluster_key IS NOT NULL").ExecuteReader();
        while (reader.Read()) clusters[reader.GetInt64(0)] = reader.GetInt64(1);
        return clusters;
    }

    /// <summary>
    /// Brings the boilerplate and the search text of the articles concerned in line with the import, once clusters
    /// are rebuilt: an article that joined or left a cluster changes the count of stories of its paragraphs.
    /// </summary>
    /// <returns>The number of paragraphs that became or stopped being boilerplate, and of articles whose search text was rewritten.</returns>
    public (int Changed, int Rewritten) Update(Dictionary<long, long> clustersBefore, Dictionary<long, long> clustersAfter)
    {
        foreach (var article in clustersBefore.Keys.Union(clustersAfter.Keys))
        {
            if (clustersBefore.TryGetValue(article, out var before) && clustersAfter.TryGetValue(article, out var after) && before == after) continue;
            foreach (var hash in ParagraphsOf(article))
                if (ArticlesHolding(hash, Boilerplate.MinStories) >= Boilerplate.MinStories) candidates.Add(hash);
        }

        var changed = new List<long>();
        foreach (var hash in candidates)
        {
            bool now = Stories(hash) >= Boilerplate.MinStories;
            if (now)
                statements.Execute("""
                    INSERT INTO boilerplate (paragraph_hash, articles) VALUES ($h, $n)
                    ON CONFLICT (paragraph_hash) DO UPDATE SET articles = excluded.articles WHERE articles <> excluded.articles
                    """, ("$h", hash), ("$n", ArticlesHolding(hash, int.MaxValue)));
            else if (known.Contains(hash))
                statements.Execute("DELETE FROM boilerplate WHERE paragraph_hash = $h", ("$h", hash));
            if (now != known.Contains(hash)) changed.Add(hash);
        }

        var affected = new SortedSet<long>();
        foreach (var hash in changed)
        {
            using var reader = statements.Get("SELECT article_key FROM article_paragraphs WHERE paragraph_hash = $h", ("$h", hash)).ExecuteReader();
            while (reader.Read()) affected.Add(reader.GetInt64(0));
        }
        int rewritten = 0;
        foreach (var batch in affected.Chunk(RewriteBatch))
        {
            var rows = batch.Select(Rewrite).OfType<(long Key, string Title, SearchText Search)>().ToList();
            foreach (var (key, title, search) in rows)
            {
                var (titleStems, titleExact) = FrenchAnalyzer.IndexText(title);
                fullText.Replace(key, new FtsText(titleStems, titleExact), search.Headings, search.Index);
            }
            rewritten += rows.Count;
        }
        return (changed.Count, rewritten);
    }

    const int RewriteBatch = 1000;

    /// <summary>The articles holding a paragraph, counted up to <paramref name="limit"/>.</summary>
    long ArticlesHolding(long hash, int limit) => (long)statements.Scalar(
        "SELECT count(*) FROM (SELECT 1 FROM article_paragraphs WHERE paragraph_hash = $h LIMIT $n)", ("$h", hash), ("$n", limit))!;

    /// <summary>The stories holding a paragraph (near-duplicate versions count once), counted up to the threshold.</summary>
    long Stories(long hash) => (long)statements.Scalar("""
        SELECT count(*) FROM (
            SELECT DISTINCT coalesce(a.cluster_key, a.article_key) FROM article_paragraphs p JOIN articles a ON a.article_key = p.article_key
            WHERE p.paragraph_hash = $h LIMIT $n)
        """, ("$h", hash), ("$n", Boilerplate.MinStories))!;

    List<long> ParagraphsOf(long articleKey)
    {
        var hashes = new List<long>();
        using var reader = statements.Get("SELECT paragraph_hash FROM article_paragraphs WHERE article_key = $k", ("$k", articleKey)).ExecuteReader();
        while (reader.Read()) hashes.Add(reader.GetInt64(0));
        return hashes;
    }

    /// <summary>
    /// Gives an article its search text again when the boilerplate it holds differs from what it was written without:
    /// its row and its words now, its index row returned for the caller to write with others.
    /// </summary>
    (long Key, string Title, SearchText Search)? Rewrite(long articleKey)
    {
        var boilerplate = new HashSet<long>();
        using (var reader = statements.Get("""
            SELECT p.paragraph_hash FROM article_paragraphs p JOIN boilerplate b ON b.paragraph_hash = p.paragraph_hash
            WHERE p.article_key = $k
            """, ("$k", articleKey)).ExecuteReader())
            while (reader.Read()) boilerplate.Add(reader.GetInt64(0));

        string title, body, searchBody;
        string? stored;
        using (var reader = statements.Get("SELECT title, body, coalesce(search_body, body), boilerplate FROM articles WHERE article_key = $k", ("$k", articleKey)).ExecuteReader())
        {
            if (!reader.Read()) return null;
            (title, body, searchBody, stored) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }
        var marker = Marker(boilerplate);
        if (marker == stored) return null;

        var search = SearchText.Of(ArticleMarkdown.ToBlocks(body), boilerplate);
        words.Add(WordCounts.Tally(searchBody), -1);
        words.Add(WordCounts.Tally(search.Body ?? body), +1);
        statements.Execute("UPDATE articles SET search_body = $sb, boilerplate = $m WHERE article_key = $k",
            ("$sb", search.Body), ("$m", marker), ("$k", articleKey));
        return (articleKey, title, search);
    }

    /// <summary>
    /// What articles.boilerplate holds: the article's boilerplate paragraphs as sorted hex hashes, null when it has none.
    /// Short, so the PostgreSQL publisher can compare it for every article to see whose search text changed.
    /// </summary>
    public static string? Marker(IReadOnlySet<long> boilerplate) =>
        boilerplate.Count == 0 ? null : string.Join(" ", boilerplate.Order().Select(h => h.ToString("x16")));
}

/// <summary>An article's text for search once its boilerplate paragraphs are left out.</summary>
/// <param name="Body">The Markdown body without them (articles.search_body), what snippets are cut from; null when nothing is left out.</param>
internal sealed record SearchText(string? Body, FtsText Headings, FtsText Index)
{
    public static SearchText Of(IReadOnlyList<Block> blocks, IReadOnlySet<long> boilerplate)
    {
        var kept = Boilerplate.Without(blocks, boilerplate);
        var (headings, index) = ArticleAnalysis.IndexTexts(kept);
        return new SearchText(kept.Count == blocks.Count ? null : ArticleMarkdown.FromBlocks(kept), headings, index);
    }
}
