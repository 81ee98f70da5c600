using System.Collections.Concurrent;
using NewsCorpus.Lexicon;

namespace NewsCorpus.Entities;

/// <summary>
/// The lexicon's and the gazetteer's answers for the extractor, remembered per spelling: capitalised words and
/// names recur from article to article, and each lookup folds the word and searches (import time on large
/// corpora). The caps bound memory on corpora with endless distinct names, as for the analyzer's words.
/// </summary>
internal static class LexiconLookups
{
    const int MaxCached = 200_000;
    static readonly ConcurrentDictionary<string, bool> commonWords = new(StringComparer.Ordinal);
    static readonly ConcurrentDictionary<string, IReadOnlyList<Place>> places = new(StringComparer.Ordinal);
    static readonly ConcurrentDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> commonWordsBySpan =
        commonWords.GetAlternateLookup<ReadOnlySpan<char>>();
    static int cachedCount;   // Count takes every lock of a ConcurrentDictionary

    /// <summary><see cref="FrenchLexicon.IsCommonWord"/> of a word of the text.</summary>
    public static bool IsCommonWord(ReadOnlySpan<char> word)
    {
        if (commonWordsBySpan.TryGetValue(word, out var known)) return known;
        var spelled = word.ToString();
        var common = FrenchLexicon.IsCommonWord(spelled);
        if (Volatile.Read(ref cachedCount) < MaxCached && commonWords.TryAdd(spelled, common)) Interlocked.Increment(ref cachedCount);
        return common;
    }

    // The capitals the country overlay writes in French (the gazetteer has GeoNames' names, often English).
    static readonly Lazy<HashSet<string>> capitalCities = new(() =>
        Countries.CountryOverlay.Text.Split('\n')
            .Select(line => line.Split('#')[0].Split('|'))
            .Where(fields => fields.Length >= 3 && fields[0].Trim() == "capital")
            .SelectMany(fields => fields[2].Split(','))
            .Select(name => Analysis.Folding.Fold(name.Trim()))
            .ToHashSet(StringComparer.Ordinal));

    public static bool IsCapitalCity(string name) => IsFoldedCapitalCity(Analysis.Folding.Fold(name));

    /// <summary><see cref="IsCapitalCity"/> of a name already folded.</summary>
    public static bool IsFoldedCapitalCity(string foldedName) => capitalCities.Value.Contains(foldedName);

    static readonly ConcurrentDictionary<string, bool> countryNames = new(StringComparer.Ordinal);

    /// <summary>Whether the country detector reads the whole name as a country ("Vietnam"); capitals, even misspelt, are towns here.</summary>
    public static bool IsCountryName(string name)
    {
        if (countryNames.TryGetValue(name, out var known)) return known;
        var matches = IsCapitalCity(name) ? [] : Countries.CountryDetector.Default.Find(name);
        bool country = matches.Count == 1 && matches[0].Start == 0 && matches[0].Length == name.Length && !matches[0].Capital;
        if (Volatile.Read(ref cachedCount) < MaxCached && countryNames.TryAdd(name, country)) Interlocked.Increment(ref cachedCount);
        return country;
    }

    /// <summary><see cref="Places.Named"/> of a name of the text.</summary>
    public static IReadOnlyList<Place> PlacesNamed(string name)
    {
        if (places.TryGetValue(name, out var known)) return known;
        var found = Places.Named(name);
        if (Volatile.Read(ref cachedCount) < MaxCached && places.TryAdd(name, found)) Interlocked.Increment(ref cachedCount);
        return found;
    }
}
