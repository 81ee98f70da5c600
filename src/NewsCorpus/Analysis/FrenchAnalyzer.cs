using System.Collections.Concurrent;

namespace NewsCorpus.Analysis;

/// <summary>
/// One word as the index sees it. <see cref="Form"/> is what readers see in "why did this match" (lower case,
/// accents kept, elision removed); <see cref="Exact"/> is the folded form used for exact terms and phrases;
/// <see cref="Stem"/> is the folded Snowball stem used for ordinary terms.
/// </summary>
public readonly record struct AnalyzedWord(string Form, string Exact, string Stem, bool IsStopWord);

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
        var stem = Folding.Fold(FrenchStemmer.Stem(form));
        return new AnalyzedWord(form, exact, stem, FrenchStopWords.Contains(form));
    }

    public static IEnumerable<(Token Token, AnalyzedWord Word)> AnalyzeText(string text)
    {
        foreach (var token in Tokenizer.Tokenize(text))
            yield return (token, Analyze(text.AsSpan(token.Start, token.Length)));
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
            if (!word.IsStopWord) stems.Append(word.Stem).Append(' ');
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
