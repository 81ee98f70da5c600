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
    /// Whether <paramref name="word"/> is an ordinary French word, whatever its case ("Loi", "LOI", "loi"). A word
    /// written without any accent also matches its accented forms, because capitals often lose theirs ("Etat",
    /// "ETAT" for "État"); a word written with accents must match them.
    /// </summary>
    public static bool IsCommonWord(string word)
    {
        if (string.IsNullOrEmpty(word)) return false;
        // Folding.Lower spells œ and æ out, as the list does ("coeur").
        var lower = Folding.Lower(word);
        var folded = Folding.Fold(lower);
        return folded == lower ? words.Value.HasFoldedForm(folded) : words.Value.Contains(lower);
    }

    /// <summary>
    /// The lexicon's spellings of a folded word: "etat" → ["état"], "peche" → ["pèche", "péché", "pêche"].
    /// Empty when the word is not in the lexicon.
    /// </summary>
    public static IReadOnlyList<string> AccentedForms(string foldedWord) =>
        string.IsNullOrEmpty(foldedWord) ? [] : words.Value.WithFoldedForm(Folding.Fold(foldedWord));
}
