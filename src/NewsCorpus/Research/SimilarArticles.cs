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
/// become one ranked full-text query, one index lookup per page view whatever the corpus size; of the articles it
/// finds, those whose vocabulary is close enough to the article's (<see cref="MinimumSimilarity"/>) are shown,
/// closest first. An article that has no close one shows none: a reader is better served by no suggestion than by
/// an article on something else that happens to share a few words.
/// </summary>
public static class SimilarArticles
{
    const int DistinctiveTerms = 12;

    /// <summary>
    /// The cosine of two articles' weighted vocabularies (<see cref="TermVectors"/>) from which one is shown as similar
    /// to the other. Set on 480 judged pairs of real news (Data/wikinews-fr-2012/similar-judgments.tsv, see the README):
    /// the range where the most on-topic pairs are shown for the fewest off topic is 0.24–0.25 there; above it on-topic
    /// pairs drop out, below it pairs that share a country or a party but not a subject come in.
    /// </summary>
    public const double MinimumSimilarity = 0.25;

    /// <summary>The articles similar to a stored one, by what it says: its title, headings and body without boilerplate.</summary>
    public static List<SimilarArticle> OfArticle(DbConnection connection, long articleKey, int top = 5)
    {
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        string text;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT title, headings, coalesce(search_body, body) FROM articles WHERE article_key = @k";
            cmd.Add("@k", articleKey);
            using var reader = cmd.ExecuteReader();
            if (!reader.Read()) return [];
            text = TextOf(reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }
        return Find(connection, articleKey, text, top);
    }

    /// <summary>
    /// The text an article is compared by: what it says, not the promotion it shares with others. The title says what
    /// it is about and counts three times, the weight <see cref="MinimumSimilarity"/> was set with (news files start
    /// with their headline, which the lead and the body then repeated); the body counts once, without that headline.
    /// </summary>
    /// <param name="content">The body's Markdown without its boilerplate paragraphs.</param>
    public static string TextOf(string title, string headings, string content) =>
        string.Join("\n\n", title, title, title, headings, Articles.ArticleMarkdown.PlainText(content, withHeadline: false));

    public static List<SimilarArticle> Find(DbConnection connection, long articleKey, string text, int top = 5)
    {
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        var terms = Distinctive(connection, text);
        if (terms.Count == 0) return [];
        var candidates = connection is SqliteConnection sqlite ? FindInIndex(sqlite, articleKey, terms, top) : FindInPostgres(connection, articleKey, terms, top);
        return Closest(connection, text, candidates, top);
    }

    /// <summary>How many of the engine's best matches are compared with the article to show <paramref name="top"/> (the article and its near-duplicates set aside).</summary>
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
        return ranked.Where(r => rows.ContainsKey(r.Key))
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
        cmd.Add("@top", Candidates(top));
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

    /// <summary>Of the candidates, the <paramref name="top"/> closest to the text that reach <see cref="MinimumSimilarity"/>, each with its cosine as its score.</summary>
    static List<SimilarArticle> Closest(DbConnection connection, string text, List<SimilarArticle> candidates, int top)
    {
        if (candidates.Count == 0) return candidates;
        var candidateTerms = new Dictionary<string, Dictionary<string, TermVectors.Term>>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT id, title, headings, coalesce(search_body, body) FROM articles WHERE id IN ({cmd.InList(candidates.ConvertAll(c => c.Id))})";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                candidateTerms[reader.GetString(0)] = TermVectors.Terms(TextOf(reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        var terms = TermVectors.Terms(text);
        var (articles, docs) = TermVectors.DocumentFrequencies(connection,
            terms.Keys.Concat(candidateTerms.Values.SelectMany(t => t.Keys)));
        var vector = TermVectors.Weights(terms, articles, docs);
        return candidates
            .Where(c => candidateTerms.ContainsKey(c.Id))
            .Select(c => c with { Score = TermVectors.Cosine(terms, vector, candidateTerms[c.Id], TermVectors.Weights(candidateTerms[c.Id], articles, docs)) })
            .Where(c => c.Score >= MinimumSimilarity)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    /// <summary>
    /// The stems with the highest weight (see <see cref="TermVectors"/>), among words at least one other article shares
    /// and, unless the article is too short for it, that the article uses more than once; each with the form the
    /// article uses most.
    /// </summary>
    internal static List<(string Stem, string Form)> Distinctive(DbConnection connection, string text)
    {
        var terms = TermVectors.Terms(text);
        if (terms.Count == 0) return [];
        var (articles, docs) = TermVectors.DocumentFrequencies(connection, terms.Keys);
        var weights = TermVectors.Weights(terms, articles, docs);
        // A word the article uses once is not what it is about ("bulles" in an op-ed on Wagner): rare in the corpus,
        // it would outweigh the real subject. It counts only when the article repeats too few words to say anything.
        var repeated = weights.Where(w => terms[w.Key].Uses >= 2).ToList();
        return (repeated.Count >= MinimumRepeatedTerms ? repeated : weights.ToList())
            .OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal)
            .Take(DistinctiveTerms)
            .Select(w => (w.Key, terms[w.Key].Form))
            .ToList();
    }

    // Fewer repeated distinctive words than this (a short article) and the words used once count too.
    const int MinimumRepeatedTerms = 3;
}
