using NewsCorpus.Analysis;
using NewsCorpus.Search;

namespace NewsCorpus.Tests.Search;

/// <summary>What a query word looks for, given how a corpus writes it (the corpus is a small table here).</summary>
public class QueryStemsTests
{
    /// <summary>Words of an imaginary corpus: form as written, occurrences.</summary>
    static WordStems Of(string query, params (string Text, long Occurrences)[] corpus)
    {
        // Each form analysed as the index does, inside a sentence, so a capitalised form is read as a name.
        var words = corpus.Select(c => (Word: FrenchAnalyzer.AnalyzeText("Dit " + c.Text).Last().Word, c.Occurrences)).ToList();
        var stems = QueryStems.Resolve(QueryParser.Parse(query).Root,
            folded => words.Where(w => w.Word.Exact == folded).Select(w => (w.Word.Stem, w.Occurrences)),
            stem => words.Where(w => w.Word.Stem == stem).Sum(w => w.Occurrences));
        return stems.Of(FrenchAnalyzer.Analyze(query));
    }

    [Fact]
    public void A_country_the_corpus_writes_as_a_name_is_that_name_alone()
    {
        var mali = Of("mali", ("Mali", 40), ("mal", 300), ("mâle", 20), ("mali", 1));
        Assert.True(mali.IsName);
        Assert.Equal([AnalyzedWord.NameStem("mali")], mali.Stems);
        Assert.Contains("maliens", mali.Demonyms);
    }

    [Fact]
    public void A_common_word_the_corpus_capitalises_once_stays_a_common_word_with_all_its_forms()
    {
        var autorite = Of("autorite", ("Autorité", 2), ("autorités", 8));
        Assert.False(autorite.IsName);
        Assert.Contains(FrenchAnalyzer.Analyze("autorités").Stem, autorite.Stems);
    }

    [Fact]
    public void A_surname_that_is_a_common_word_is_a_name_where_the_corpus_writes_it_so()
    {
        var hollande = Of("Hollande", ("Hollande", 30), ("hollandais", 2));
        Assert.True(hollande.IsName);
        Assert.DoesNotContain(FrenchAnalyzer.Analyze("hollandais").Stem, hollande.Stems);
    }

    [Fact]
    public void A_name_the_corpus_never_writes_is_still_a_name_and_a_common_word_its_stem()
    {
        Assert.Equal([AnalyzedWord.NameStem("dominique")], Of("Dominique", ("dominé", 5)).Stems);
        Assert.Equal([FrenchAnalyzer.Analyze("dominé").Stem], Of("domine", ("Mali", 5)).Stems);
    }

    [Fact]
    public void Typed_any_way_a_word_looks_for_the_same_stems()
    {
        (string, long)[] corpus = [("sécurité", 30), ("SECURITE", 2), ("Sécurité", 5)];
        var expected = Of("sécurité", corpus);
        foreach (var typed in new[] { "securite", "SECURITE", "Sécurité", "SÉCURITÉ" })
        {
            var actual = Of(typed, corpus);
            Assert.Equal(expected.Stems, actual.Stems);
            Assert.Equal(expected.IsName, actual.IsName);
        }
    }
}
