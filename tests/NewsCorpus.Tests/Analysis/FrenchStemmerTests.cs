using NewsCorpus.Analysis;

namespace NewsCorpus.Tests.Analysis;

public class FrenchStemmerTests
{
    // The Snowball project's own French sample vocabulary and its expected stems (see COPYING-snowball).
    static readonly string DataDir = Path.Combine(AppContext.BaseDirectory, "Data", "snowball-french");
    const int VocabularySize = 21_655;

    [Fact]
    public void Stems_the_whole_snowball_vocabulary_exactly()
    {
        var words = File.ReadAllLines(Path.Combine(DataDir, "voc.txt"));
        var expected = File.ReadAllLines(Path.Combine(DataDir, "output.txt"));

        // A truncated or misaligned data file must not pass by comparing fewer pairs.
        Assert.Equal(VocabularySize, words.Length);
        Assert.Equal(VocabularySize, expected.Length);

        var mismatches = new List<string>();
        for (int i = 0; i < words.Length; i++)
        {
            var actual = FrenchStemmer.Stem(words[i]);
            if (actual != expected[i]) mismatches.Add($"{words[i]} → expected {expected[i]} / actual {actual}");
        }

        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {words.Length} stems differ; first ones:\n" + string.Join("\n", mismatches.Take(20)));
    }

    [Theory]
    [InlineData("d'accès", "acces")]
    [InlineData("c'est", "est")]
    [InlineData("l'arrêt", "arrêt")]
    [InlineData("qu'il", "il")]
    [InlineData("jusqu'au", "jusqu'au")]     // only single-letter elisions and qu' are removed
    [InlineData("lorsqu'elle", "lorsqu'el")]
    [InlineData("aujourd'hui", "aujourd'hui")]
    [InlineData("d'", "d'")]                 // nothing after the apostrophe: left alone
    public void Handles_elision_as_snowball_does(string word, string stem) =>
        Assert.Equal(stem, FrenchStemmer.Stem(word));

    [Theory]
    [InlineData("formation", "formations")]
    [InlineData("étudiant", "étudiants")]
    [InlineData("nucléaire", "nucléaires")]
    [InlineData("président", "présidente")]
    [InlineData("français", "françaises")]
    [InlineData("gouvernement", "gouvernements")]
    public void Conflates_plural_and_feminine_forms(string a, string b) =>
        Assert.Equal(FrenchStemmer.Stem(a), FrenchStemmer.Stem(b));

    [Theory]
    [InlineData("palais", "palais")]         // -ais kept after "al" in a short word
    [InlineData("mauvaise", "mauvais")]
    [InlineData("noël", "noël")]             // diaeresis survives
    [InlineData("naïve", "naïv")]
    [InlineData("", "")]
    [InlineData("a", "a")]
    public void Keeps_what_the_algorithm_protects(string word, string stem) =>
        Assert.Equal(stem, FrenchStemmer.Stem(word));

    [Theory]
    [InlineData("le")]
    [InlineData("de")]
    [InlineData("et")]
    [InlineData("l")]
    [InlineData("qu")]
    [InlineData("été")]
    [InlineData("étaient")]
    public void Knows_french_stop_words(string word)
    {
        Assert.True(FrenchStopWords.Contains(word));
        Assert.Contains(word, FrenchStopWords.All);
    }

    [Theory]
    [InlineData("russie")]
    [InlineData("gouvernement")]
    [InlineData("Le")]                       // callers lower-case first
    public void Other_words_are_not_stop_words(string word) =>
        Assert.False(FrenchStopWords.Contains(word));
}
