using System.Collections.Concurrent;
using NewsCorpus.Analysis;
using NewsCorpus.Lexicon;

namespace NewsCorpus.Countries;

/// <summary>
/// Country words misspelt by one letter, as news copy has them ("Kinshassa", "la diplomatie algérinne"): a word
/// that no form spells is read as the one country word it is one letter away from, when it folds to no French word,
/// first name, surname or place. Only words of seven letters or more, and only one-word forms that name a country
/// without needing context: shorter words have too many neighbours.
/// </summary>
internal sealed class CountryMisspellings
{
    public const int MinLength = 7;
    const int MaxRemembered = 65_536;

    // Each country word and each of its one-letter deletions → the words it comes from.
    readonly Dictionary<string, List<string>> byDeletion = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<string>>.AlternateLookup<ReadOnlySpan<char>> lookup;
    // The length with the first three letters, and with the last three, of every country word's misspellings: one
    // edit in a word of seven letters or more leaves one of the two as it was, and most words of a text have neither.
    readonly HashSet<long> starts = [], ends = [];
    // The answer for each folded word already looked at: a text's long words are mostly the corpus's usual
    // vocabulary, so each is looked at once (up to a bound).
    readonly ConcurrentDictionary<string, string> remembered = new(StringComparer.Ordinal);
    int rememberedCount;
    readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> rememberedLookup;

    /// <param name="words">The folded one-word forms that name a country, without the ones that need context to.</param>
    public CountryMisspellings(IEnumerable<string> words)
    {
        foreach (var word in words.Where(w => w.Length >= MinLength && w.All(char.IsAsciiLetterLower)))
        {
            for (int length = word.Length - 1; length <= word.Length + 1; length++)
            {
                starts.Add(Shape(length, word.AsSpan(0, 3)));
                ends.Add(Shape(length, word.AsSpan(word.Length - 3)));
            }
            Add(word, word);
            for (int p = 0; p < word.Length; p++) Add(word.Remove(p, 1), word);
        }
        lookup = byDeletion.GetAlternateLookup<ReadOnlySpan<char>>();
        rememberedLookup = remembered.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    void Add(string key, string word)
    {
        if (!byDeletion.TryGetValue(key, out var words)) byDeletion[key] = words = [];
        if (!words.Contains(word)) words.Add(word);
    }

    static long Shape(int length, ReadOnlySpan<char> letters) => ((long)length << 48) | ((long)letters[0] << 32) | ((long)letters[1] << 16) | letters[2];

    /// <summary>
    /// The country word the folded word misspells, or "" when it is none or could be several; the word must fold
    /// to no French word, first name, surname or place.
    /// </summary>
    public string Correct(ReadOnlySpan<char> folded)
    {
        if (folded.Length < MinLength) return "";
        if (!starts.Contains(Shape(folded.Length, folded[..3])) && !ends.Contains(Shape(folded.Length, folded[^3..]))) return "";
        if (rememberedLookup.TryGetValue(folded, out var known)) return known;
        var answer = Find(folded);
        if (Volatile.Read(ref rememberedCount) < MaxRemembered && remembered.TryAdd(folded.ToString(), answer))
            Interlocked.Increment(ref rememberedCount);
        return answer;
    }

    string Find(ReadOnlySpan<char> folded)
    {
        string? found = null;
        bool several = false;
        var token = folded.ToString();
        void Consider(List<string> candidates)
        {
            foreach (var candidate in candidates)
            {
                if (candidate == found || EditDistance.Levenshtein(token, candidate, 1) != 1) continue;
                several |= found is not null;
                found = candidate;
            }
        }
        // A letter missing from the text (the token is a deletion of the word), a letter too many or a wrong one
        // (a deletion of the token is the word or one of its deletions).
        if (lookup.TryGetValue(folded, out var missing)) Consider(missing);
        Span<char> buffer = stackalloc char[folded.Length];
        for (int p = 0; p < folded.Length && !several; p++)
        {
            folded[..p].CopyTo(buffer);
            folded[(p + 1)..].CopyTo(buffer[p..]);
            if (lookup.TryGetValue(buffer[..(folded.Length - 1)], out var candidates)) Consider(candidates);
        }
        if (found is null || several) return "";
        return FrenchLexicon.HasFoldedForm(token) || PersonNames.IsFirstName(token) || PersonNames.IsSurname(token) || Places.IsPlace(token)
            ? "" : found;
    }
}
