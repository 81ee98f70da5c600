using NewsCorpus.Analysis;

namespace NewsCorpus.Search;

/// <summary>
/// What an ordinary query word looks for in the index: the stems under which the corpus holds the words that fold
/// to it, or, when the corpus writes it mostly as a name, that name alone; a country's name also looks for its
/// demonyms (Mali: malien, Maliens…). A query word is known by its folded form only, so however it is typed
/// (accents or none, capitals or not) it looks for the same thing. <see cref="Stems"/> come most written first.
/// </summary>
public sealed record WordStems(string Exact, IReadOnlyList<string> Stems, bool IsName)
{
    /// <summary>The demonyms a country's name also looks for, as exact words (folded, plurals included).</summary>
    public IReadOnlyList<string> Demonyms { get; init; } = [];
}

/// <summary>The <see cref="WordStems"/> of every ordinary word of a query.</summary>
public sealed class QueryStems
{
    /// <summary>How the words of the corpus that fold to a given word are held: stem and occurrences.</summary>
    public delegate IEnumerable<(string Stem, long Occurrences)> CorpusWords(string folded);

    /// <summary>How often the corpus writes the words of a stem.</summary>
    public delegate long StemOccurrences(string stem);

    readonly Dictionary<string, WordStems> byExact = new(StringComparer.Ordinal);

    /// <summary>Without a corpus to ask: each word's own stem.</summary>
    public static readonly QueryStems WithoutCorpus = new();

    QueryStems() { }

    public static QueryStems Resolve(QueryNode? root, CorpusWords corpus, StemOccurrences family)
    {
        var stems = new QueryStems();
        if (root is null) return stems;
        foreach (var term in root.Leaves().OfType<TermNode>().Where(t => !t.Exact && !t.Prefix))
            foreach (var word in Words(term.Text))
                if (!stems.byExact.ContainsKey(word.Exact))
                    stems.byExact[word.Exact] = WithDemonyms(Resolve(word.Exact, corpus(word.Exact).ToList(), family));
        return stems;
    }

    /// <summary>Single-word country names (folded) and the spellings of their demonyms, plurals included.</summary>
    static readonly Lazy<Dictionary<string, string[]>> DemonymsOfCountry = new(() =>
    {
        var catalog = Countries.CountryCatalog.Default;
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var country in catalog.All)
        {
            if (Tokenizer.Tokenize(country.Name).Count != 1 || !catalog.Demonyms.TryGetValue(country.Iso2.ToLowerInvariant(), out var demonym)) continue;
            string[] spellings = [demonym.Masculine, demonym.Feminine, demonym.Masculine + "s", demonym.Feminine + "s"];
            result[Folding.Fold(country.Name)] = spellings.Where(s => s.Length > 1).Select(Folding.Fold).Distinct().ToArray();
        }
        return result;
    });

    // The demonyms are looked for as the exact words they are, not by their stems: "réunionnais" stems to
    // "réunion", the meeting.
    static WordStems WithDemonyms(WordStems word) =>
        DemonymsOfCountry.Value.TryGetValue(word.Exact, out var demonyms) ? word with { Demonyms = demonyms } : word;

    /// <summary>
    /// A word the corpus writes as a name more often than otherwise is that name ("mali": the country, not
    /// <i>mal</i>); otherwise every stem the corpus holds it under and its own, so accented and plain spellings
    /// and the other forms of the word are found together. For a place or a word the lexicon lacks, "otherwise"
    /// is the same word in lower case; for a common word that is no place ("l'Autorité palestinienne",
    /// "Hollande"), it is every form of the common word ("autorités"): "autorité" stays a common word where the
    /// corpus mostly writes its plural.
    /// </summary>
    static WordStems Resolve(string exact, List<(string Stem, long Occurrences)> corpus, StemOccurrences family)
    {
        var own = FrenchAnalyzer.QueryStem(exact);
        var name = AnalyzedWord.NameStem(exact);
        var evidence = NameEvidence.Of(exact, allCapitals: false);
        // A name the corpus never writes still is a name: "Dominique" must not look for "dominé".
        if (corpus.Count == 0)
            return evidence.AtSentenceStart ? new WordStems(exact, [name], true) : new WordStems(exact, [own], false);
        long asName = corpus.Where(c => c.Stem == name).Sum(c => c.Occurrences);
        long otherwise = evidence.KeepsStem ? family(own) : corpus.Where(c => c.Stem != name).Sum(c => c.Occurrences);
        if (asName > otherwise) return new WordStems(exact, [name], true);
        var stems = corpus.GroupBy(c => c.Stem).OrderByDescending(g => g.Sum(c => c.Occurrences)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        if (!stems.Contains(own)) stems.Add(own);
        return new WordStems(exact, stems, false);
    }

    /// <summary>The stems of a word of the query (a stop word stands for itself).</summary>
    public WordStems Of(AnalyzedWord word) =>
        byExact.GetValueOrDefault(word.Exact) ?? new WordStems(word.Exact, [FrenchAnalyzer.QueryStem(word.Exact)], false);

    /// <summary>The words of an ordinary term that count: its words without the stop words.</summary>
    public static List<AnalyzedWord> Words(string termText) =>
        Tokenizer.Tokenize(termText).Select(t => FrenchAnalyzer.Analyze(termText.AsSpan(t.Start, t.Length))).Where(w => !w.IsStopWord).ToList();
}
