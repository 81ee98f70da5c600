using System.Collections.Concurrent;

namespace NewsCorpus.Analysis;

/// <summary>
/// One word as the index sees it. <see cref="Form"/> is what readers see in "why did this match" (lower case,
/// accents kept, elision removed; a name starts with its capital); <see cref="Exact"/> is the folded form used
/// for exact terms and phrases; <see cref="Stem"/> is the folded Snowball stem used for ordinary terms, or the
/// whole folded word for a name. <see cref="NameAtSentenceStart"/> and <see cref="NameInSentence"/> say whether
/// this spelling, capitalised, is read as a name at the start of a sentence and inside one;
/// <see cref="NameKeepsStem"/>, whether such a name is also a common word that keeps its stem beside it.
/// <see cref="CommonStem"/> is that stem, on a word read as such a name.
/// </summary>
public readonly record struct AnalyzedWord(string Form, string Exact, string Stem, bool IsStopWord,
    bool NameAtSentenceStart = false, bool NameInSentence = false, bool NameKeepsStem = false, string? CommonStem = null)
{
    /// <summary>
    /// The word read as a name: not stemmed, so "Mali" never meets "mal" or "mâle". A common word written as a name
    /// ("les Forces Armées", "Hollande") keeps its stem too, so that the common word still finds it.
    /// </summary>
    public AnalyzedWord AsName() => this with
    {
        Form = NameForm ?? char.ToUpperInvariant(Form[0]) + Form[1..],
        Stem = NameStemText ?? NameStem(Exact),
        CommonStem = NameKeepsStem ? Stem : null,
    };

    // Made once per spelling when it can be a name (see FrenchAnalyzer), so that reading a name allocates nothing.
    string? NameForm { get; init; }
    string? NameStemText { get; init; }

    /// <param name="acronym">Written as an acronym: its name keeps its capitals (PSA, not Psa).</param>
    internal AnalyzedWord WithNameSpelling(bool acronym) =>
        this with { NameForm = acronym ? Form.ToUpperInvariant() : char.ToUpperInvariant(Form[0]) + Form[1..], NameStemText = NameStem(Exact) };

    /// <summary>
    /// What the index holds for a name: the folded word marked by a private-use character (inside the token for
    /// the index, which splits at spaces only), so that no stem of a common word can equal it: "Berlin" never meets "berlines" (stem "berlin").
    /// </summary>
    public static string NameStem(string exact) => exact + NameMark;

    const char NameMark = '\uE000';
}

/// <summary>The single analysis chain shared by documents and queries, so both always agree.</summary>
public static class FrenchAnalyzer
{
    // Longest first so "jusqu'" wins over "qu'".
    static readonly string[] Elisions =
        ["presqu'", "quoiqu'", "lorsqu'", "puisqu'", "jusqu'", "qu'", "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'"];

    // A corpus repeats a vocabulary of a few hundred thousand spellings millions of times: each is lowered,
    // folded and stemmed once, then found by a lookup on the text itself, without copying it. The cap bounds
    // memory (about 200 bytes a word) on corpora with endless distinct tokens.
    const int MaxCachedWords = 400_000;
    static readonly ConcurrentDictionary<string, AnalyzedWord> Cache = new(StringComparer.Ordinal);
    static readonly ConcurrentDictionary<string, AnalyzedWord>.AlternateLookup<ReadOnlySpan<char>> CacheBySpan =
        Cache.GetAlternateLookup<ReadOnlySpan<char>>();
    static int cachedCount;   // Cache.Count takes every lock of the dictionary: too dear to ask on each new word

    public static AnalyzedWord Analyze(string word) => Analyze(word.AsSpan());

    public static AnalyzedWord Analyze(ReadOnlySpan<char> word)
    {
        if (CacheBySpan.TryGetValue(word, out var cached)) return cached;
        var text = word.ToString();
        var analyzed = AnalyzeUncached(text);
        if (Volatile.Read(ref cachedCount) < MaxCachedWords && Cache.TryAdd(text, analyzed)) Interlocked.Increment(ref cachedCount);
        return analyzed;
    }

    /// <summary>
    /// <see cref="Folding.Fold"/> of one word, from the cache when it has no apostrophe: then nothing is elided and
    /// the analysis's exact form is that same folding.
    /// </summary>
    public static string Fold(ReadOnlySpan<char> word) =>
        word.IndexOfAny(Apostrophes) < 0 ? Analyze(word).Exact : Folding.Fold(word.ToString());

    // Every character Folding.Lower turns into the apostrophe that elision looks for.
    static readonly System.Buffers.SearchValues<char> Apostrophes = System.Buffers.SearchValues.Create("'’ʼ‘");

    static AnalyzedWord AnalyzeUncached(string word)
    {
        var form = StripElision(Folding.Lower(word));
        var exact = Folding.Fold(form);
        // Everything but the name flags depends on the folded word alone, so "autorite", "AUTORITÉ" and
        // "autorité" are one word to the index and to a query, however they were typed.
        bool stop = FrenchStopWords.ContainsFolded(exact);
        var stem = StemOf(exact);
        if (stop || form.Length < 2 || !char.IsUpper(FirstLetter(word, form)))
            return new AnalyzedWord(form, exact, stem, stop);
        // The word as written after its elision: "ONU" in "l'ONU".
        var written = word.Length >= form.Length ? word[^form.Length..] : word;
        var evidence = NameEvidence.Of(exact, allCapitals: !word.Any(char.IsLower), writtenInCapitals: !written.Any(char.IsLower));
        return new AnalyzedWord(form, exact, stem, stop, evidence.AtSentenceStart, evidence.InSentence, evidence.KeepsStem).WithNameSpelling(evidence.Acronym);
    }

    // "l'Afrique" is capitalised after its elision.
    static char FirstLetter(string word, string form)
    {
        int apostrophe = word.AsSpan().IndexOfAny(Apostrophes);
        bool elided = apostrophe > 0 && apostrophe + 1 < word.Length && Folding.Lower(word).Length > form.Length;
        return elided ? word[apostrophe + 1] : word[0];
    }

    /// <summary>
    /// The stem of a word from its folded form alone: the lexicon gives back the accents the stemmer's rules need
    /// ("autorite" → "autorité" → "autor"). Where one folded form has several spellings (accrédite, accrédité),
    /// the lexicon's first is taken whatever the text wrote, so that every spelling stems alike.
    /// </summary>
    static string StemOf(string exact)
    {
        var accented = Lexicon.FrenchLexicon.AccentedForms(exact);
        return Folding.Fold(FrenchStemmer.Stem(accented.Count == 0 ? exact : accented[0]));
    }

    /// <summary>
    /// The stem a query word stands for when the corpus never wrote it: from its folded form only, so that a
    /// query finds the same articles however it is typed.
    /// </summary>
    public static string QueryStem(string word)
    {
        var analyzed = Analyze(word);
        return analyzed.IsStopWord ? analyzed.Exact : analyzed.Stem;
    }

    /// <summary>
    /// The words of a text as the index reads them: a capitalised word that is a name where it stands (see
    /// <see cref="AnalyzedWord.NameAtSentenceStart"/>) is kept whole.
    /// </summary>
    public static AnalyzedText AnalyzeText(string text) => new(text);

    /// <summary>The words of a text, read one at a time (see <see cref="AnalyzeText"/>).</summary>
    // A struct rather than an iterator: an iterator keeps each word (a struct of six strings) in its object on the heap,
    // and copying it there and back at every word was a third of the analysis's time.
    public readonly struct AnalyzedText(string text) : IEnumerable<(Token Token, AnalyzedWord Word)>
    {
        public Enumerator GetEnumerator() => new(text);
        IEnumerator<(Token Token, AnalyzedWord Word)> IEnumerable<(Token Token, AnalyzedWord Word)>.GetEnumerator() => GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public struct Enumerator(string text) : IEnumerator<(Token Token, AnalyzedWord Word)>
    {
        readonly List<Token> tokens = Tokenizer.Tokenize(text);
        int next, previousEnd;
        (Token Token, AnalyzedWord Word) current;

        public readonly (Token Token, AnalyzedWord Word) Current => current;
        readonly object System.Collections.IEnumerator.Current => current;

        public bool MoveNext()
        {
            if (next >= tokens.Count) return false;
            var token = tokens[next++];
            var word = Analyze(text.AsSpan(token.Start, token.Length));
            if (word.NameAtSentenceStart || word.NameInSentence)
            {
                bool start = StartsSentence(text, previousEnd, token.Start);
                if (start ? word.NameAtSentenceStart : word.NameInSentence) word = word.AsName();
            }
            previousEnd = token.End;
            current = (token, word);
            return true;
        }

        public void Reset() => throw new NotSupportedException();
        public readonly void Dispose() { }
    }

    /// <summary>Whether only white space and sentence-opening punctuation stand between the previous word and this one.</summary>
    static bool StartsSentence(string text, int previousEnd, int start)
    {
        if (previousEnd == 0) return true;
        for (int i = start - 1; i >= previousEnd; i--)
            if (".!?…:;«»\"“”—–()[]\n".Contains(text[i])) return true;
        return false;
    }

    /// <summary>
    /// The two texts the full-text index stores for a field: stems without stop words (ranking ignores them),
    /// and every folded word in order (exact terms and phrases need them all).
    /// </summary>
    public static (string Stems, string Exact) IndexText(string text)
    {
        var stems = new System.Text.StringBuilder(text.Length);
        var exact = new System.Text.StringBuilder(text.Length);
        foreach (var (_, word) in AnalyzeText(text))
        {
            exact.Append(word.Exact).Append(' ');
            if (word.IsStopWord) continue;
            stems.Append(word.Stem).Append(' ');
            if (word.CommonStem is not null) stems.Append(word.CommonStem).Append(' ');
        }
        return (stems.ToString(), exact.ToString());
    }

    static string StripElision(string lower)
    {
        int apostrophe = lower.IndexOf('\'');
        if (apostrophe <= 0 || apostrophe == lower.Length - 1) return lower;
        foreach (var elision in Elisions)
            if (lower.StartsWith(elision, StringComparison.Ordinal))
                return lower[elision.Length..];
        return lower;
    }
}
