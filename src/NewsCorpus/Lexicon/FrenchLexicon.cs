using NewsCorpus.Analysis;

namespace NewsCorpus.Lexicon;

/// <summary>
/// French common words, with their accents: 336,000 forms (inflections included) from npm
/// an-array-of-french-words (MIT), which spells œ and æ out and has no elided forms (aujourd'hui). Loaded on first
/// use, about 10 MB in memory (see <see cref="SortedWords"/>).
/// </summary>
public static class FrenchLexicon
{
    static readonly Lazy<SortedWords> words = new(() => new SortedWords(LexiconFiles.Lines("french-words.txt.gz")));

    /// <summary>How many forms the lexicon holds.</summary>
    public static int Count => words.Value.Count;

    /// <summary>
    /// Whether <paramref name="word"/> is an ordinary French word, whatever its case ("Loi", "LOI", "loi"). Capitals
    /// may lose their accents ("ETAT", "Etat" for "État"), so a word in capitals, or its capital initial, matches
    /// the accented forms; lower-case letters must carry the accents the word has ("Ole" is not "olé").
    /// </summary>
    public static bool IsCommonWord(string word)
    {
        if (string.IsNullOrEmpty(word)) return false;
        // Folding.Lower spells œ and æ out, as the list does ("coeur").
        var lower = Folding.Lower(word);
        if (words.Value.Contains(lower)) return true;
        bool allCaps = word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
        if (!allCaps && !char.IsUpper(word[0])) return false;
        foreach (var form in words.Value.WithFoldedForm(Folding.Fold(lower)))
            if (allCaps || form.AsSpan(1).SequenceEqual(lower.AsSpan(1))) return true;
        return false;
    }

    /// <summary>
    /// Whether some spelling of the lexicon folds to <paramref name="foldedWord"/>: "autorite" for "autorité". What
    /// the search asks of a word known by its folded form only, so that any typing of it gets the same answer.
    /// </summary>
    public static bool HasFoldedForm(string foldedWord) => !string.IsNullOrEmpty(foldedWord) && words.Value.HasFoldedForm(foldedWord);

    /// <summary>
    /// The lexicon's spellings of a folded word: "etat" → ["état"], "peche" → ["pèche", "péché", "pêche"].
    /// Empty when the word is not in the lexicon.
    /// </summary>
    public static IReadOnlyList<string> AccentedForms(string foldedWord) =>
        string.IsNullOrEmpty(foldedWord) ? [] : words.Value.WithFoldedForm(Folding.Fold(foldedWord));
}
