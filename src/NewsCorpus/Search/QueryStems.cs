using NewsCorpus.Analysis;

namespace NewsCorpus.Search;

/// <summary>
/// What an ordinary query word looks for in the index: the stems under which the corpus holds the words that fold
/// to it, or, when the corpus writes it mostly as a name, that name alone. A query word is known by its folded
/// form only, so however it is typed (accents or none, capitals or not) it looks for the same thing.
/// </summary>
public sealed record WordStems(string Exact, IReadOnlyList<string> Stems, bool IsName);

/// <summary>The <see cref="WordStems"/> of every ordinary word of a query.</summary>
public sealed class QueryStems
{
    /// <summary>How the words of the corpus that fold to a given word are held: stem and occurrences.</summary>
    public delegate IEnumerable<(string Stem, long Occurrences)> CorpusWords(string folded);

    readonly Dictionary<string, WordStems> byExact = new(StringComparer.Ordinal);

    /// <summary>Without a corpus to ask: each word's own stem.</summary>
    public static readonly QueryStems WithoutCorpus = new();

    QueryStems() { }

    public static QueryStems Resolve(QueryNode? root, CorpusWords corpus)
    {
        var stems = new QueryStems();
        if (root is null) return stems;
        foreach (var term in root.Leaves().OfType<TermNode>().Where(t => !t.Exact && !t.Prefix))
            foreach (var word in Words(term.Text))
                if (!stems.byExact.ContainsKey(word.Exact))
                    stems.byExact[word.Exact] = Resolve(word.Exact, corpus(word.Exact).ToList());
        return stems;
    }

    /// <summary>
    /// A word the corpus writes as a name more often than as anything else is that name ("mali": the country,
    /// not <i>mal</i>); otherwise every stem the corpus holds it under, so accented and plain spellings of the
    /// text are found together.
    /// </summary>
    static WordStems Resolve(string exact, List<(string Stem, long Occurrences)> corpus)
    {
        var own = FrenchAnalyzer.QueryStem(exact);
        if (corpus.Count == 0) return new WordStems(exact, [own], false);
        long asName = corpus.Where(c => c.Stem == exact).Sum(c => c.Occurrences);
        long otherwise = corpus.Where(c => c.Stem != exact).Sum(c => c.Occurrences);
        if (own != exact && asName > otherwise) return new WordStems(exact, [exact], true);
        return new WordStems(exact, corpus.Select(c => c.Stem).Distinct().Order(StringComparer.Ordinal).ToList(), false);
    }

    /// <summary>The stems of a word of the query (a stop word stands for itself).</summary>
    public WordStems Of(AnalyzedWord word) =>
        byExact.GetValueOrDefault(word.Exact) ?? new WordStems(word.Exact, [FrenchAnalyzer.QueryStem(word.Exact)], false);

    /// <summary>The words of an ordinary term that count: its words without the stop words.</summary>
    public static List<AnalyzedWord> Words(string termText) =>
        Tokenizer.Tokenize(termText).Select(t => FrenchAnalyzer.Analyze(termText.AsSpan(t.Start, t.Length))).Where(w => !w.IsStopWord).ToList();
}
