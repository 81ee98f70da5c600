using NewsCorpus.Countries;
using NewsCorpus.Lexicon;

namespace NewsCorpus.Analysis;

/// <summary>
/// Whether a capitalised spelling is read as a name, so that the stemmer never folds a name into a common word
/// (Mali → mal, Gaza → gaz, Burkina → burkini). Inside a sentence a capital is the writer's own evidence: the word
/// is a name. A capital proves nothing at the start of a sentence, nor in a line all in capitals: there a word is a
/// name only when the French lexicon does not know it, or when it is a country or a large place. A name that is
/// also a common word and no place (les Forces Armées, Hollande) keeps the common word's stem beside it, so
/// "armée" still finds "Armées" while "Hollande" looks for the name alone.
/// </summary>
/// <param name="KeepsStem">A common word that is no place: read as a name, it keeps its stem beside the name.</param>
/// <param name="Acronym">A short word written in capitals that is no place (PSA, l'ONU, CGT): read as a name, it keeps its capitals.</param>
public readonly record struct NameEvidence(bool AtSentenceStart, bool InSentence, bool KeepsStem, bool Acronym = false)
{
    /// <summary>Capitals this long or shorter read as an acronym; longer ones are more often a headline's words.</summary>
    const int MaxAcronymLength = 5;

    /// <summary>A place this large is a name even where a capital proves nothing ("Paris", "Gaza").</summary>
    const int LargePlace = 100_000;

    static readonly Lazy<HashSet<string>> CountryWords = new(() =>
        new(CountryCatalog.Default.All.SelectMany(c => Tokenizer.Tokenize(c.Name).Select(t => Folding.Fold(t.Text(c.Name)))), StringComparer.Ordinal));

    /// <param name="folded">The word folded (<see cref="Folding.Fold"/>).</param>
    /// <param name="allCapitals">Whether it is written in capitals only ("MALI", "ONU").</param>
    /// <param name="writtenInCapitals">Whether the word itself, after any elision, is in capitals ("l'ONU").</param>
    public static NameEvidence Of(string folded, bool allCapitals, bool writtenInCapitals = false)
    {
        bool unknown = !FrenchLexicon.HasFoldedForm(folded);
        bool place = CountryWords.Value.Contains(folded) || Places.Named(folded).Any(p => p.Population >= LargePlace);
        return new(unknown || place, allCapitals ? unknown || place : true, KeepsStem: !unknown && !place,
            Acronym: (allCapitals || writtenInCapitals) && !place && folded.Length <= MaxAcronymLength);
    }
}
