using System.Text;
using NewsCorpus.Analysis;

namespace NewsCorpus.Search;

/// <summary>
/// Finds, in the original text, the words a query matched, by running each word through the same analyzer
/// as the index. Readers see their own words marked, never stems.
/// </summary>
public sealed class Highlighter
{
    readonly HashSet<string> stems = new(StringComparer.Ordinal);
    readonly HashSet<string> exact = new(StringComparer.Ordinal);
    readonly List<string> prefixes = [];
    readonly List<string[]> phrases = [];

    /// <param name="wordStems">What each ordinary word looks for, as the search resolved it.</param>
    public Highlighter(QueryNode? query, QueryStems wordStems)
    {
        if (query is null) return;
        foreach (var leaf in query.PositiveLeaves())
        {
            switch (leaf)
            {
                case TermNode { Prefix: true } t:
                    prefixes.Add(Folding.Fold(t.Text));
                    break;
                case TermNode { Exact: true } t:
                    foreach (var (_, w) in FrenchAnalyzer.AnalyzeText(t.Text)) exact.Add(w.Exact);
                    break;
                case TermNode t:
                    foreach (var w in QueryStems.Words(t.Text))
                    {
                        stems.UnionWith(wordStems.Of(w).Stems);
                        exact.UnionWith(wordStems.Of(w).Demonyms);
                    }
                    break;
                case PhraseNode p:
                    var words = FrenchAnalyzer.AnalyzeText(p.Text).Select(w => w.Word.Exact).ToArray();
                    if (words.Length > 0) phrases.Add(words);
                    break;
            }
        }
    }

    public bool IsEmpty => stems.Count == 0 && exact.Count == 0 && prefixes.Count == 0 && phrases.Count == 0;

    /// <summary>The words of <paramref name="text"/> that match, in order.</summary>
    public List<Token> Matches(string text) => Matches(FrenchAnalyzer.AnalyzeText(text).ToList());

    /// <summary>The same, for a text the caller has already analyzed.</summary>
    public List<Token> Matches(IReadOnlyList<(Token Token, AnalyzedWord Word)> analyzed)
    {
        var marked = new bool[analyzed.Count];
        for (int i = 0; i < analyzed.Count; i++)
        {
            var w = analyzed[i].Word;
            if ((!w.IsStopWord && (stems.Contains(w.Stem) || w.CommonStem is not null && stems.Contains(w.CommonStem))) || exact.Contains(w.Exact) || prefixes.Any(p => w.Exact.StartsWith(p, StringComparison.Ordinal)))
                marked[i] = true;
            foreach (var phrase in phrases)
            {
                if (i + phrase.Length > analyzed.Count) continue;
                bool all = true;
                for (int j = 0; j < phrase.Length && all; j++) all = analyzed[i + j].Word.Exact == phrase[j];
                if (all) for (int j = 0; j < phrase.Length; j++) marked[i + j] = true;
            }
        }
        var result = new List<Token>();
        for (int i = 0; i < analyzed.Count; i++) if (marked[i]) result.Add(analyzed[i].Token);
        return result;
    }

    /// <summary>The whole text as HTML with the matches in &lt;mark&gt;.</summary>
    public string Highlight(string text) => ToHtml(text, 0, text.Length, Matches(text));

    /// <summary>
    /// About <paramref name="maxChars"/> characters around the densest cluster of matches, as HTML-escaped text
    /// with &lt;mark&gt; around the matched words; the text's start when nothing matches.
    /// </summary>
    public string Snippet(string text, int maxChars = 260)
    {
        var matches = Matches(text);
        if (text.Length <= maxChars) return ToHtml(text, 0, text.Length, matches);

        int bestStart = 0, bestCount = 0;
        for (int i = 0, j = 0; i < matches.Count; i++)
        {
            while (j < matches.Count && matches[j].End - matches[i].Start <= maxChars * 2 / 3) j++;
            if (j - i > bestCount) { bestCount = j - i; bestStart = matches[i].Start; }
        }
        int start = bestCount == 0 ? 0 : Math.Max(0, bestStart - maxChars / 4);
        if (start > 0)
        {
            int space = text.IndexOf(' ', start);
            start = space < 0 || space > bestStart ? start : space + 1;
        }
        int end = Math.Min(text.Length, start + maxChars);
        if (end < text.Length)
        {
            int space = text.LastIndexOf(' ', end);
            if (space > start) end = space;
        }
        return (start > 0 ? "… " : "") + ToHtml(text, start, end, matches) + (end < text.Length ? " …" : "");
    }

    static string ToHtml(string text, int start, int end, List<Token> matches)
    {
        var sb = new StringBuilder();
        int at = start;
        foreach (var m in matches)
        {
            if (m.Start < at || m.End > end) continue;
            sb.Append(Html.Encode(text[at..m.Start]));
            sb.Append("<mark>").Append(Html.Encode(text.Substring(m.Start, m.Length))).Append("</mark>");
            at = m.End;
        }
        sb.Append(Html.Encode(text[at..end]));
        return sb.ToString();
    }
}
