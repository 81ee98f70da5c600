using NewsCorpus.Analysis;

namespace NewsCorpus.Lexicon;

/// <summary>
/// First names (2,500) and surnames (10,500) common in France, from npm @zxcvbn-ts/language-fr (MIT), and first
/// names of other languages. Matched
/// folded, so "Hélène", "HELENE" and "helene" are the same first name. Many surnames are also ordinary words or
/// places (Martin, Petit, Paris): a surname alone is weak evidence; a known first name before a capitalised word is
/// strong evidence of a person.
/// </summary>
public static class PersonNames
{
    static readonly Lazy<HashSet<string>> firstNames = new(() => Load("first-names.txt.gz"));
    static readonly Lazy<HashSet<string>> surnames = new(() => Load("surnames.txt.gz"));
    static readonly Lazy<HashSet<string>> otherFirstNames = new(() => Load("first-names-other.txt.gz"));

    public static bool IsFirstName(string word) => Contains(firstNames.Value, word);

    public static bool IsSurname(string word) => Contains(surnames.Value, word);

    /// <summary>
    /// First names of other languages news writes (Alfredo, Mariano), 15,000 from the English, Spanish, Italian,
    /// German and Brazilian lists of the same packages, without the French ones. Many are also places or words
    /// somewhere (Paris, Georgia, Hope): evidence inside a longer name only.
    /// </summary>
    public static bool IsOtherFirstName(string word) => Contains(otherFirstNames.Value, word);

    // A word already folded (lower-case ASCII, as the extractor holds them) is looked up without folding again.
    static bool Contains(HashSet<string> names, string word) =>
        !string.IsNullOrEmpty(word) && (names.Contains(word) || !IsFolded(word) && names.Contains(Folding.Fold(word)));

    static bool IsFolded(string word)
    {
        foreach (var c in word) if (c > 127 || char.IsUpper(c)) return false;
        return true;
    }

    static HashSet<string> Load(string resourceName) =>
        new(LexiconFiles.Lines(resourceName).Select(Folding.Fold), StringComparer.Ordinal);
}
