using System.Data.Common;
using NewsCorpus.Analysis;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Data.Sqlite;

namespace NewsCorpus.Research;

public sealed record SimilarArticle(string Id, string Month, string Title, double Score);

/// <summary>
/// "More like this": the article's most distinctive words (frequent in it, rare in the corpus, by tf·idf)
/// become one ranked full-text query. One index lookup per page view, whatever the corpus size.
/// </summary>
public static class SimilarArticles
{
    const int DistinctiveTerms = 12;

    public static List<SimilarArticle> Find(DbConnection connection, long articleKey, string text, int top = 5)
    {
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        var terms = Distinctive(connection, text);
        if (terms.Count == 0) return [];
        return connection is SqliteConnection sqlite ? FindInIndex(sqlite, articleKey, terms, top) : FindInPostgres(connection, articleKey, terms, top);
    }

    /// <summary>Enough of the best matches that <paramref name="top"/> remain once the article and its near-duplicates are set aside.</summary>
    static int Candidates(int top) => top * 4 + 10;

    /// <summary>A ranked OR of the distinctive stems in the stem fields of the full-text index, weighted as searches weigh them.</summary>
    static List<SimilarArticle> FindInIndex(SqliteConnection connection, long articleKey, List<(string Stem, string Form)> terms, int top)
    {
        var query = new BooleanQuery();
        foreach (var (stem, _) in terms)
            for (int f = 0; f < FullTextIndex.StemFields.Length; f++)
                query.Add(new TermQuery(new Term(FullTextIndex.StemFields[f], stem)) { Boost = FullTextIndex.Weights[f] }, Occur.SHOULD);
        var ranked = new List<(long Key, double Score)>();
        using (var index = FullTextIndex.Acquire(connection))
        {
            var keys = MultiDocValues.GetNumericValues(index.Reader, FullTextIndex.KeyValues);
            foreach (var hit in index.Searcher.Search(query, Candidates(top)).ScoreDocs)
                ranked.Add((keys.Get(hit.Doc), hit.Score));
        }
        if (ranked.Count == 0) return [];
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT article_key, id, month, title FROM articles
            WHERE article_key IN ({string.Join(",", ranked.Select(r => r.Key))}) AND article_key <> @self
              AND article_key NOT IN (SELECT other_key FROM near_duplicates WHERE article_key = @self)
            """;
        cmd.Add("@self", articleKey);
        var rows = new Dictionary<long, (string Id, string Month, string Title)>();
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) rows[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3));
        return ranked.Where(r => rows.ContainsKey(r.Key)).Take(top)
            .Select(r => new SimilarArticle(rows[r.Key].Id, rows[r.Key].Month, rows[r.Key].Title, r.Score)).ToList();
    }

    static List<SimilarArticle> FindInPostgres(DbConnection connection, long articleKey, List<(string Stem, string Form)> terms, int top)
    {
        using var cmd = connection.CreateCommand();
        // PostgreSQL stems with its own configuration, so it is given the words as the article spells them.
        cmd.CommandText = """
            SELECT a.id, a.month, a.title, m.rank
            FROM (SELECT article_key AS k, ts_rank(search_stems, q, 1) AS rank
                  FROM articles, to_tsquery('fr', @q) q WHERE search_stems @@ q ORDER BY rank DESC LIMIT @n) m
            JOIN articles a ON a.article_key = m.k
            WHERE a.article_key <> @self
              AND a.article_key NOT IN (SELECT other_key FROM near_duplicates WHERE article_key = @self)
            ORDER BY m.rank DESC LIMIT @top
            """;
        cmd.Add("@q", string.Join(" | ", terms.Select(t => TsQuery.Quote(t.Form))));
        cmd.CommandTimeout = 1;
        cmd.Add("@n", Candidates(top));
        cmd.Add("@self", articleKey);
        cmd.Add("@top", top);
        var result = new List<SimilarArticle>();
        try
        {
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) result.Add(new SimilarArticle(reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToDouble(reader.GetValue(3))));
        }
        catch (Exception e) when (QueryBudget.IsInterruption(e))
        {
            return [];   // a page view never waits on a suggestion
        }
        return result;
    }

    // In a large corpus a word in a fifth of the articles says nothing about any of them; a small corpus has
    // too few articles for that test, so every shared word counts there.
    static long CommonAbove(long articles) => articles >= 50 ? articles / 5 : articles;

    /// <summary>
    /// The stems with the highest tf·idf, among words at least one other article shares and, unless the article
    /// is too short for it, that the article uses more than once; each with the form the article uses most.
    /// </summary>
    internal static List<(string Stem, string Form)> Distinctive(DbConnection connection, string text)
    {
        var termFrequency = new Dictionary<string, (string Stem, int Count)>(StringComparer.Ordinal);
        foreach (var (_, word) in FrenchAnalyzer.AnalyzeText(text))
        {
            if (word.IsStopWord || word.Exact.Length < 4 || word.Exact.All(char.IsDigit)) continue;
            var tf = termFrequency.GetValueOrDefault(word.Form, (Stem: word.Stem, Count: 0));
            termFrequency[word.Form] = (word.Stem, tf.Count + 1);
        }
        if (termFrequency.Count == 0) return [];

        long articles;
        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM articles";
            articles = Convert.ToInt64(count.ExecuteScalar());
        }
        var documentFrequency = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in termFrequency.Keys.Chunk(500))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT form, docs FROM words WHERE form IN ({cmd.InList(chunk)})";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) documentFrequency[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1));
        }
        var candidates = termFrequency
            .Where(t => documentFrequency.GetValueOrDefault(t.Key) is var df && df >= 2 && df <= CommonAbove(articles))
            .GroupBy(t => t.Value.Stem)
            .Select(g => (Stem: g.Key,
                Form: g.OrderByDescending(t => t.Value.Count).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key,
                Uses: g.Sum(t => t.Value.Count),
                Score: g.Sum(t => t.Value.Count * Math.Log((double)articles / documentFrequency[t.Key]))))
            .ToList();
        // A word the article uses once is not what it is about ("bulles" in an op-ed on Wagner): rare in the corpus,
        // it would outweigh the real subject. It counts only when the article repeats too few words to say anything.
        var repeated = candidates.Where(c => c.Uses >= 2).ToList();
        return (repeated.Count >= MinimumRepeatedTerms ? repeated : candidates)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Stem, StringComparer.Ordinal)
            .Take(DistinctiveTerms)
            .Select(s => (s.Stem, s.Form))
            .ToList();
    }

    // Fewer repeated distinctive words than this (a short article) and the words used once count too.
    const int MinimumRepeatedTerms = 3;
}
