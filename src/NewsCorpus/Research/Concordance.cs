using System.Data.Common;
using NewsCorpus.Storage;
using NewsCorpus.Analysis;
using NewsCorpus.Search;

namespace NewsCorpus.Research;

public enum ConcordanceSort { Date, Left, Right }

/// <summary>One occurrence in context: the words before, the matched words, the words after.</summary>
public sealed record ConcordanceLine(string ArticleId, string Month, string Title, string Left, string Match, string Right, int Offset)
{
    /// <summary>The word next to the match on each side, folded, for sorting.</summary>
    public string LeftWord => LastWord(Left);
    public string RightWord => FirstWord(Right);

    static string LastWord(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return tokens.Count == 0 ? "" : Folding.Fold(tokens[^1].Text(text));
    }

    static string FirstWord(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return tokens.Count == 0 ? "" : Folding.Fold(tokens[0].Text(text));
    }
}

public sealed record ConcordanceResult(
    ParsedQuery Query,
    int Occurrences,
    int Articles,
    IReadOnlyList<ConcordanceLine> Lines,
    IReadOnlyList<Collocate> Collocates,
    bool Truncated)
{
    public static readonly ConcordanceResult Empty = new(new ParsedQuery(null, SearchFilters.None, []), 0, 0, [], [], false);
}

/// <summary>
/// Keyword in context: every occurrence of the query's words in the matching articles, found in the original
/// text by the same analyzer as the index (so "formation" lines up "formations" too), with the words that
/// most often stand near them.
/// </summary>
public static class Concordance
{
    /// <summary>Articles read at most for one concordance; beyond, the result says it is truncated.</summary>
    public const int MaxArticles = 2000;
    /// <summary>Lines kept at most (they must all be in memory to be sorted by their neighbours).</summary>
    public const int MaxLines = 50_000;
    const int ContextChars = 80;

    public static ConcordanceResult Build(DbConnection connection, SearchRequest request, ConcordanceSort sort, int collocateSpan = 5, int maxArticles = MaxArticles)
    {
        var parsed = QueryParser.Parse(request.Query, request.Filters);
        if (!parsed.HasText) return ConcordanceResult.Empty with { Query = parsed };

        var lines = new List<ConcordanceLine>();
        var windows = new List<MatchWindow>();
        var articles = new HashSet<string>();
        bool truncated = false;
        foreach (var (line, window) in Occurrences(connection, request, collocateSpan, maxArticles + 1))
        {
            if (articles.Add(line.ArticleId) && articles.Count > maxArticles) { truncated = true; articles.Remove(line.ArticleId); break; }
            if (lines.Count < MaxLines) lines.Add(line);
            else truncated = true;
            windows.Add(window);
        }
        var collocates = RankCollocates(connection, windows);
        return new ConcordanceResult(parsed, windows.Count, articles.Count, Sort(lines, sort), collocates, truncated);
    }

    /// <summary>
    /// Every occurrence in every matching article, newest article first, read as the caller consumes them:
    /// what the exports stream, with no bound. <paramref name="maxArticles"/> stops early for the page.
    /// </summary>
    public static IEnumerable<ConcordanceLine> Lines(DbConnection connection, SearchRequest request) =>
        Occurrences(connection, request, collocateSpan: 1, maxArticles: int.MaxValue).Select(o => o.Line);

    public static List<ConcordanceLine> Sort(List<ConcordanceLine> lines, ConcordanceSort sort) => sort switch
    {
        ConcordanceSort.Left => lines.OrderBy(l => l.LeftWord, StringComparer.Ordinal).ThenBy(l => Folding.Fold(l.Match), StringComparer.Ordinal).ToList(),
        ConcordanceSort.Right => lines.OrderBy(l => l.RightWord, StringComparer.Ordinal).ThenBy(l => Folding.Fold(l.Match), StringComparer.Ordinal).ToList(),
        _ => lines,
    };

    static IEnumerable<(ConcordanceLine Line, MatchWindow Window)> Occurrences(DbConnection connection, SearchRequest request, int collocateSpan, int maxArticles)
    {
        var parsed = CorpusSearch.For(connection).Parse(request.Query, request.Filters);
        if (!parsed.HasText) yield break;
        var highlighter = new Highlighter(parsed.Root, parsed.Stems);
        collocateSpan = Math.Clamp(collocateSpan, 1, 20);
        // Newest first, like the site's listings; the keys come from the same search as /search, read as
        // they are consumed while each article is read on the same connection. The text is the one search indexes,
        // without boilerplate, so a repeated promotion does not fill the concordance with copies of itself.
        var keys = CorpusSearch.For(connection).AllKeys(request with { Sort = SearchSort.Newest });
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT id, month, title, coalesce(search_body, body) FROM articles WHERE article_key = @k";
        var key = read.CreateParameter();
        key.ParameterName = "@k";
        key.DbType = System.Data.DbType.Int64;
        read.Parameters.Add(key);
        foreach (var k in keys.Take(maxArticles))
        {
            key.Value = k;
            string id, month, title, text;
            using (var r = read.ExecuteReader())
            {
                if (!r.Read()) continue;
                (id, month, title, text) = (r.GetString(0), r.GetString(1), r.GetString(2), NewsCorpus.Articles.ArticleMarkdown.PlainText(r.GetString(3)));
            }
            var words = FrenchAnalyzer.AnalyzeText(text).ToList();
            var matched = highlighter.Matches(words);
            if (matched.Count == 0) continue;
            var index = words.Select((w, i) => (w.Token.Start, i)).ToDictionary(x => x.Start, x => x.i);
            var analyzed = words.Select(w => w.Word).ToList();
            foreach (var (first, last) in Runs(matched, index))
            {
                var start = words[first].Token.Start;
                var end = words[last].Token.End;
                yield return (new ConcordanceLine(id, month, title, LeftOf(text, start), text[start..end], RightOf(text, end), start),
                    MatchWindow.Around(analyzed, first, last - first + 1, collocateSpan));
            }
        }
    }

    /// <summary>Matched words that follow each other (a phrase) make one occurrence.</summary>
    static IEnumerable<(int First, int Last)> Runs(List<Token> matched, Dictionary<int, int> index)
    {
        int? first = null, last = null;
        foreach (var token in matched)
        {
            int i = index[token.Start];
            if (last is not null && i == last + 1) { last = i; continue; }
            if (first is not null) yield return (first.Value, last!.Value);
            first = last = i;
        }
        if (first is not null) yield return (first.Value, last!.Value);
    }

    static string LeftOf(string text, int start)
    {
        int from = Math.Max(0, start - ContextChars);
        if (from > 0) { int space = text.IndexOf(' ', from); if (space >= 0 && space < start) from = space + 1; }
        return Flatten((from > 0 ? "… " : "") + text[from..start]);
    }

    static string RightOf(string text, int end)
    {
        int to = Math.Min(text.Length, end + ContextChars);
        if (to < text.Length) { int space = text.LastIndexOf(' ', to); if (space > end) to = space; }
        return Flatten(text[end..to] + (to < text.Length ? " …" : ""));
    }

    static string Flatten(string s) => s.Replace("\n\n", " ¶ ").Replace('\n', ' ');

    static IReadOnlyList<Collocate> RankCollocates(DbConnection connection, List<MatchWindow> windows)
    {
        if (windows.Count == 0) return [];
        long corpusTokens;
        using (var total = connection.CreateCommand())
        {
            total.CommandText = "SELECT coalesce(sum(word_count), 0) FROM articles";
            corpusTokens = Convert.ToInt64(total.ExecuteScalar());
        }
        var folded = windows.SelectMany(w => w.Left.Concat(w.Right)).Select(w => w.Folded).Distinct().ToList();
        var occurrences = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in folded.Chunk(500))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT folded, CAST(sum(occurrences) AS BIGINT) FROM words WHERE folded IN ({cmd.InList(chunk)}) GROUP BY folded";
            using var r = cmd.ExecuteReader();
            while (r.Read()) occurrences[r.GetString(0)] = r.GetInt64(1);
        }
        return Collocates.Rank(windows, corpusTokens, f => occurrences.GetValueOrDefault(f), top: 30);
    }
}
