using System.IO.Compression;
using NewsCorpus.Lexicon;

namespace NewsCorpus.Tests.Lexicon;

public class LexiconTests
{
    [Theory]
    [InlineData("loi")]
    [InlineData("Loi")]
    [InlineData("LOI")]
    [InlineData("État")]
    [InlineData("Etat")]      // capitals often lose their accents
    [InlineData("cœur")]
    [InlineData("coeur")]
    [InlineData("porte-parole")]
    public void Ordinary_words_are_common_whatever_their_case(string word) =>
        Assert.True(FrenchLexicon.IsCommonWord(word));

    [Theory]
    [InlineData("Poutine")]
    [InlineData("Rosatom")]
    [InlineData("Ouagadougou")]
    [InlineData("étât")]      // accents the language does not have
    [InlineData("Ole")]       // lower-case letters keep their accents: "olé" is a word, "Ole" a name
    [InlineData("pete")]
    [InlineData("")]
    public void Names_and_misspellings_are_not_common_words(string word) =>
        Assert.False(FrenchLexicon.IsCommonWord(word));

    [Fact]
    public void Accented_forms_of_a_folded_word_are_the_spellings_the_lexicon_has()
    {
        Assert.Equal(["état"], FrenchLexicon.AccentedForms("etat"));
        var peche = FrenchLexicon.AccentedForms("peche");
        Assert.Contains("pêche", peche);
        Assert.Contains("péché", peche);
        Assert.DoesNotContain("peche", peche);
        Assert.Empty(FrenchLexicon.AccentedForms("rosatom"));
    }

    [Fact]
    public void Every_word_of_the_file_is_found_so_the_file_is_in_the_order_the_search_expects()
    {
        using var stream = typeof(FrenchLexicon).Assembly.GetManifestResourceStream("french-words.txt.gz")!;
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var count = 0;
        while (reader.ReadLine() is { Length: > 0 } word)
        {
            Assert.True(FrenchLexicon.IsCommonWord(word), word);
            count++;
        }
        Assert.Equal(count, FrenchLexicon.Count);
        Assert.True(count > 300_000);
    }

    [Fact]
    public void First_names_and_surnames_are_told_apart()
    {
        Assert.True(PersonNames.IsFirstName("Hélène"));
        Assert.True(PersonNames.IsFirstName("FRANÇOIS"));
        Assert.False(PersonNames.IsFirstName("Dupont"));
        Assert.True(PersonNames.IsSurname("Dupont"));
        Assert.False(PersonNames.IsSurname("Ouagadougou"));
    }

    [Fact]
    public void Places_name_communes_and_world_cities_with_their_country()
    {
        Assert.Contains(Places.Named("Chamonix-Mont-Blanc"), p => p.Kind == PlaceKind.Commune && p.CountryCode == "FR");
        Assert.Contains(Places.Named("toulouse"), p => p.Kind == PlaceKind.Commune && p.Population > 400_000);
        var tripoli = Places.Named("Tripoli");
        Assert.Equal(["LY", "LB"], tripoli.Select(p => p.CountryCode).Take(2));
        Assert.True(Places.IsPlace("Berlin"));
        Assert.False(Places.IsPlace("Poutine"));
    }
}
