using NewsCorpus.Countries;
using NewsCorpus.Lexicon;

namespace NewsCorpus.Analysis;

/// <summary>
/// Whether a capitalised spelling is read as a name, so that the stemmer never folds a name into a common word
/// (Mali → mal, Gaza → gaz, Burkina → burkini). Inside a sentence a capital is the writer's own evidence: the word
/// is a name (l'État, le Sénat and Hollande alike: kept whole, they lose nothing, since their plain forms stem to
/// themselves or nearly). A capital proves nothing at the start of a sentence, nor in a line all in capitals: there
/// a word is a name only when the French lexicon does not know it, or when it is a country or a place.
/// </summary>
public readonly record struct NameEvidence(bool AtSentenceStart, bool InSentence)
{
    /// <summary>A place this large is a name even where a capital proves nothing ("Paris", "Gaza").</summary>
    const int LargePlace = 100_000;

    static readonly Lazy<HashSet<string>> CountryWords = new(() =>
        new(CountryCatalog.Default.All.SelectMany(c => Tokenizer.Tokenize(c.Name).Select(t => Folding.Fold(t.Text(c.Name)))), StringComparer.Ordinal));

    /// <param name="folded">The word folded (<see cref="Folding.Fold"/>).</param>
    /// <param name="allCapitals">Whether it is written in capitals only ("MALI", "ONU").</param>
    public static NameEvidence Of(string folded, bool allCapitals)
    {
        bool unknown = !FrenchLexicon.IsCommonWord(folded);
        bool place = unknown || CountryWords.Value.Contains(folded) || Places.Named(folded).Any(p => p.Population >= LargePlace);
        return new(place, allCapitals ? place : true);
    }
}
