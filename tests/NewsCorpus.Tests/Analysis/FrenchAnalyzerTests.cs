using NewsCorpus.Analysis;

namespace NewsCorpus.Tests.Analysis;

public class FrenchAnalyzerTests
{
    [Theory]
    [InlineData("l'armée", "armée", "armee")]
    [InlineData("L’Afrique", "afrique", "afrique")]
    [InlineData("jusqu'alors", "alors", "alors")]
    [InlineData("qu'il", "il", "il")]
    [InlineData("Manœuvre", "manoeuvre", "manoeuvre")]
    [InlineData("aujourd'hui", "aujourd'hui", "aujourd'hui")]
    public void Elision_case_and_ligatures(string word, string form, string exact)
    {
        var w = FrenchAnalyzer.Analyze(word);
        Assert.Equal(form, w.Form);
        Assert.Equal(exact, w.Exact);
    }

    [Theory]
    [InlineData("coopération", "cooperation")]
    [InlineData("formations", "formation")]
    [InlineData("étudiants", "étudiant")]
    [InlineData("nucléaires", "nucléaire")]
    [InlineData("manœuvre", "manoeuvre")]
    public void Inflected_forms_share_the_stem_of_their_base_form(string a, string b) =>
        Assert.Equal(FrenchAnalyzer.Analyze(b).Stem, FrenchAnalyzer.Analyze(a).Stem);

    [Fact]
    public void Stems_are_accent_folded_so_unaccented_queries_match()
    {
        Assert.Equal(FrenchAnalyzer.Analyze("Coopération").Stem, FrenchAnalyzer.Analyze("cooperation").Stem);
        Assert.DoesNotContain('é', FrenchAnalyzer.Analyze("sécurité").Stem);
    }

    [Fact]
    public void Stop_words_are_kept_for_exact_text_but_not_for_stems()
    {
        var (stems, exact) = FrenchAnalyzer.IndexText("La coopération de l'armée et du Mali");
        Assert.Equal("la cooperation de armee et du mali ", exact);
        Assert.DoesNotContain("la ", stems);
        Assert.DoesNotContain(" de ", stems);
        Assert.Contains(FrenchAnalyzer.Analyze("armée").Stem, stems.Split(' '));
        Assert.Contains(AnalyzedWord.NameStem("mali"), stems.Split(' '));
    }

    [Theory]
    [InlineData("Le Mali et la Russie", "mali", true)]
    [InlineData("Mali : des citoyens appellent", "mali", true)]
    [InlineData("La bande de Gaza reste fermée", "gaza", true)]
    [InlineData("Une usine au Burkina Faso", "burkina", true)]
    [InlineData("Mal nommer les choses", "mal", false)]
    [InlineData("un mal profond", "mal", false)]
    public void Names_are_kept_whole_and_common_words_stemmed(string text, string word, bool isName)
    {
        var stems = FrenchAnalyzer.IndexText(text).Stems.Split(' ');
        Assert.Contains(isName ? AnalyzedWord.NameStem(word) : FrenchAnalyzer.Analyze(word).Stem, stems);
        if (isName) Assert.DoesNotContain(FrenchAnalyzer.Analyze(word).Stem, stems);
    }

    [Fact]
    public void A_capital_inside_a_sentence_makes_a_name_but_one_at_its_start_needs_more()
    {
        var words = FrenchAnalyzer.AnalyzeText("Parmi les élus, Hollande parle. Souvent il se tait.").Select(w => w.Word).ToList();
        Assert.Equal("Hollande", words.Single(w => w.Exact == "hollande").Form);
        Assert.Equal("souvent", words.Single(w => w.Exact == "souvent").Form);
        Assert.Equal(FrenchAnalyzer.Analyze("souvent").Stem, words.Single(w => w.Exact == "souvent").Stem);
        Assert.Equal("parmi", words.Single(w => w.Exact == "parmi").Form);
    }

    [Fact]
    public void An_acronym_keeps_its_capitals_a_name_or_a_headline_in_capitals_does_not()
    {
        var words = FrenchAnalyzer.AnalyzeText("Selon la CGT, l'ONU et PSA, le MALI vit une CRISE. Le groupe Wagner nie.").Select(w => w.Word).ToList();
        string FormOf(string exact) => words.Single(w => w.Exact == exact).Form;
        Assert.Equal(("CGT", "ONU", "PSA"), (FormOf("cgt"), FormOf("onu"), FormOf("psa")));
        Assert.Equal("Mali", FormOf("mali"));      // a country in capitals is its name
        Assert.Equal("crise", FormOf("crise"));    // a French word in capitals is that word
        Assert.Equal("Wagner", FormOf("wagner"));
    }

    /// <summary>
    /// Accents typed or not, capitals or not: one word to the analysis, for every word of Snowball's French
    /// vocabulary (the stem and the stop-word flag depend on the folded word alone).
    /// </summary>
    [Fact]
    public void Every_vocabulary_word_analyses_the_same_with_or_without_accents_and_capitals()
    {
        var differing = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "snowball-french", "voc.txt")))
        {
            var word = FrenchAnalyzer.Analyze(line);
            foreach (var typed in new[] { Folding.Fold(line), line.ToUpperInvariant(), Folding.Fold(line).ToUpperInvariant() })
            {
                var other = FrenchAnalyzer.Analyze(typed);
                if (other.Stem != word.Stem || other.IsStopWord != word.IsStopWord) differing.Add($"{line} / {typed}: {word.Stem} vs {other.Stem}");
            }
        }
        Assert.Empty(differing);
    }

    [Fact]
    public void Tokens_point_back_at_the_original_text()
    {
        var text = "Les relations russo-burkinabées, aujourd'hui.";
        var tokens = Tokenizer.Tokenize(text).Select(t => t.Text(text)).ToList();
        Assert.Equal(["Les", "relations", "russo", "burkinabées", "aujourd'hui"], tokens);
    }

    [Theory]
    [InlineData("Coopération")]
    [InlineData("MANŒUVRE")]
    [InlineData("l'armée")]
    [InlineData("aujourd’hui")]
    [InlineData("N'Djamena")]
    [InlineData("ÆGIR")]
    [InlineData("Ouagadougou")]
    [InlineData("2024")]
    public void Fold_of_a_word_is_the_foldings_fold(string word) =>
        Assert.Equal(Folding.Fold(word), FrenchAnalyzer.Fold(word));
}
