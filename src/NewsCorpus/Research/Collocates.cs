using NewsCorpus.Analysis;

namespace NewsCorpus.Research;

/// <summary>A word near a match: <see cref="Form"/> to show (lower case, accents kept), <see cref="Folded"/> to count.</summary>
public readonly record struct WindowWord(string Form, string Folded);

/// <summary>The words on each side of one occurrence of the query, nearest last on the left and first on the right.</summary>
public sealed record MatchWindow(IReadOnlyList<WindowWord> Left, IReadOnlyList<WindowWord> Right)
{
    /// <summary>The window of <paramref name="span"/> words each side of words[matchStart .. matchStart + matchLength).</summary>
    public static MatchWindow Around(IReadOnlyList<AnalyzedWord> words, int matchStart, int matchLength, int span)
    {
        var left = new List<WindowWord>();
        for (int i = Math.Max(0, matchStart - span); i < matchStart; i++) left.Add(new(words[i].Form, words[i].Exact));
        var right = new List<WindowWord>();
        int end = matchStart + matchLength;
        for (int i = end; i < Math.Min(words.Count, end + span); i++) right.Add(new(words[i].Form, words[i].Exact));
        return new MatchWindow(left, right);
    }
}

/// <summary>A word that keeps company with the query: how often it stood in a window, and how strongly it is attracted.</summary>
public sealed record Collocate(string Word, int Count, double LogLikelihood, double Pmi);

public static class Collocates
{
    /// <summary>
    /// The words most attracted to the query, best first by log-likelihood. Each word is compared between the
    /// windows and the rest of the corpus in a 2×2 table:
    /// <code>
    ///                  this word        other words
    ///   in windows     a                W − a            W = every token in the windows
    ///   elsewhere      f − a            N − W − (f − a)  N = corpusTokens, f = corpusOccurrences(folded)
    /// </code>
    /// LogLikelihood is Dunning's G² = 2 Σ O·ln(O / E), E = row total × column total / N; Pmi is
    /// log2((a / W) / (f / N)). Words seen less often near the match than chance would have them are not
    /// collocates and are left out, as are stop words, numbers, single letters and words seen fewer than
    /// <paramref name="minCount"/> times.
    /// </summary>
    /// <param name="windows">Every word of every window, stop words included: they count toward W.</param>
    /// <param name="corpusTokens">Word tokens in the whole corpus (stop words included).</param>
    /// <param name="corpusOccurrences">
    /// Occurrences in the whole corpus of a folded form, all its display forms together (from the words table:
    /// SUM(occurrences) GROUP BY folded). A count below the one seen in the windows is taken as that count.
    /// </param>
    public static IReadOnlyList<Collocate> Rank(
        IEnumerable<MatchWindow> windows, long corpusTokens, Func<string, long> corpusOccurrences,
        int top = 50, int minCount = 2)
    {
        long windowTokens = 0;
        var counts = new Dictionary<string, WordCount>(StringComparer.Ordinal);
        foreach (var window in windows)
        {
            windowTokens += window.Left.Count + window.Right.Count;
            foreach (var word in window.Left.Concat(window.Right))
            {
                if (!IsCandidate(word)) continue;
                if (!counts.TryGetValue(word.Folded, out var count)) counts[word.Folded] = count = new WordCount();
                count.Add(word.Form);
            }
        }
        // Windows of close matches overlap, so they can hold more tokens than the corpus says; N must stay ≥ W.
        double n = Math.Max(corpusTokens, windowTokens);
        double w = windowTokens;

        var collocates = new List<Collocate>();
        foreach (var (folded, count) in counts)
        {
            if (count.Total < minCount) continue;
            double a = count.Total;
            double f = Math.Min(n, Math.Max(a, corpusOccurrences(folded)));
            if (a <= w * f / n) continue;
            collocates.Add(new Collocate(count.DisplayForm, count.Total, LogLikelihood(a, w, f, n), Math.Log2(a * n / (w * f))));
        }
        collocates.Sort((x, y) =>
            y.LogLikelihood != x.LogLikelihood ? y.LogLikelihood.CompareTo(x.LogLikelihood)
            : y.Count != x.Count ? y.Count.CompareTo(x.Count)
            : string.CompareOrdinal(x.Word, y.Word));
        return collocates.Count > top ? collocates.GetRange(0, top) : collocates;
    }

    /// <summary>Dunning's G² for a word seen a times among w window tokens and f times among n corpus tokens.</summary>
    static double LogLikelihood(double a, double w, double f, double n)
    {
        double b = w - a, c = f - a, d = n - w - c;
        return 2 * (Term(a, w * f / n) + Term(b, w * (n - f) / n) + Term(c, (n - w) * f / n) + Term(d, (n - w) * (n - f) / n));
    }

    // An empty cell adds nothing: O·ln(O/E) → 0 as O → 0.
    static double Term(double observed, double expected) => observed > 0 ? observed * Math.Log(observed / expected) : 0;

    static bool IsCandidate(WindowWord word) =>
        word.Folded.Length > 1 && !word.Folded.All(char.IsDigit) && !FrenchStopWords.Contains(word.Form);

    sealed class WordCount
    {
        readonly Dictionary<string, int> forms = new(StringComparer.Ordinal);
        public int Total { get; private set; }

        public void Add(string form)
        {
            Total++;
            forms[form] = forms.GetValueOrDefault(form) + 1;
        }

        /// <summary>The display form seen most often (états over etats), ties to the first in ordinal order.</summary>
        public string DisplayForm =>
            forms.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
    }
}
