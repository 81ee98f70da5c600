using NewsCorpus.Analysis;
using NewsCorpus.Research;

namespace NewsCorpus.Tests.Research;

public class CollocatesTests
{
    static WindowWord Word(string form) => new(form, Folding.Fold(form));

    static MatchWindow Window(string left, string right) =>
        new(left.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Word).ToList(),
            right.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Word).ToList());

    static Func<string, long> Corpus(params (string Folded, long Occurrences)[] counts)
    {
        var table = counts.ToDictionary(c => c.Folded, c => c.Occurrences);
        return folded => table.GetValueOrDefault(folded);
    }

    [Fact]
    public void Log_likelihood_and_pmi_of_a_hand_computed_table()
    {
        // 10 windows of 10 tokens (W = 100), "rosatom" once in each (a = 10); the corpus has N = 10 000 tokens, 20 of
        // them "rosatom" (f = 20). The 2×2 table and its expected counts E = row total × column total / N:
        //                 rosatom            other words
        //   windows       O 10    E 0.2      O 90    E 99.8        (row 100)
        //   elsewhere     O 10    E 19.8     O 9890  E 9880.2      (row 9900)
        //   (columns 20 and 9980)
        // G² = 2 × (10 ln(10/0.2) + 90 ln(90/99.8) + 10 ln(10/19.8) + 9890 ln(9890/9880.2))
        //    = 2 × (39.1202301 − 9.3022662 − 6.8309684 + 9.8048586) = 2 × 32.7918541 = 65.5837081
        // PMI = log2((a / W) / (f / N)) = log2(0.1 / 0.002) = log2(50) = 5.6438562
        var windows = Enumerable.Range(0, 10)
            .Select(_ => Window("la centrale de", "est dans le pays et les"))
            .Select(w => w with { Left = [.. w.Left, Word("rosatom")] })
            .ToList();
        Assert.All(windows, w => Assert.Equal(10, w.Left.Count + w.Right.Count));

        var ranked = Collocates.Rank(windows, corpusTokens: 10_000,
            Corpus(("rosatom", 20), ("centrale", 2_000), ("pays", 5_000)));

        var rosatom = Assert.Single(ranked, c => c.Word == "rosatom");
        Assert.Equal(10, rosatom.Count);
        Assert.Equal(65.5837081, rosatom.LogLikelihood, 6);
        Assert.Equal(5.6438562, rosatom.Pmi, 6);
    }

    [Fact]
    public void A_word_concentrated_near_the_match_ranks_above_one_frequent_everywhere()
    {
        // N = 1 000 000, W = 20 × 6 = 120. "pays" is in 8 windows but makes 2% of the corpus (about 2.4 expected);
        // "nucléaire" is in only 4 but has 12 occurrences in all; "année" is rarer near the match than chance.
        var windows = new List<MatchWindow>();
        for (int i = 0; i < 20; i++)
            windows.Add(Window(
                i < 8 ? "le pays avec" : "le bilan avec",
                i < 4 ? "centrale nucléaire année" : i < 6 ? "projet civil année" : "projet civil russe"));

        var ranked = Collocates.Rank(windows, corpusTokens: 1_000_000, Corpus(
            ("pays", 20_000), ("nucleaire", 12), ("centrale", 400), ("annee", 60_000),
            ("bilan", 3_000), ("projet", 5_000), ("civil", 900), ("russe", 4_000)));

        var words = ranked.Select(c => c.Word).ToList();
        Assert.True(words.IndexOf("nucléaire") < words.IndexOf("pays"), string.Join(", ", words));
        var pays = ranked.Single(c => c.Word == "pays");
        var nucleaire = ranked.Single(c => c.Word == "nucléaire");
        Assert.True(pays.Count > nucleaire.Count);
        Assert.True(nucleaire.Pmi > pays.Pmi);
        Assert.DoesNotContain("année", words);
    }

    [Fact]
    public void Stop_words_numbers_and_single_letters_are_not_collocates()
    {
        // Rare in the corpus so that only the filter could keep them out.
        var windows = Enumerable.Range(0, 5).Select(_ => Window("dans les 2023 x à", "et leur kidal")).ToList();

        var ranked = Collocates.Rank(windows, corpusTokens: 100_000, Corpus(
            ("dans", 3), ("les", 3), ("2023", 3), ("x", 3), ("a", 3), ("et", 3), ("leur", 3), ("kidal", 8)));

        Assert.Equal("kidal", Assert.Single(ranked).Word);
    }

    [Fact]
    public void Minimum_count_and_top_are_respected()
    {
        var windows = new List<MatchWindow>
        {
            Window("wagner", "kidal gao"),
            Window("wagner", "kidal"),
            Window("wagner", "tombouctou"),
        };
        var corpus = Corpus(("wagner", 10), ("kidal", 10), ("gao", 10), ("tombouctou", 10));

        Assert.Equal(["wagner", "kidal"], Collocates.Rank(windows, 50_000, corpus).Select(c => c.Word));
        Assert.Equal(["wagner"], Collocates.Rank(windows, 50_000, corpus, top: 1).Select(c => c.Word));
        Assert.Equal(4, Collocates.Rank(windows, 50_000, corpus, minCount: 1).Count);
    }

    [Fact]
    public void Forms_are_counted_together_and_shown_as_most_often_written()
    {
        var windows = new List<MatchWindow> { Window("états", "unis"), Window("états", "unis"), Window("etats", "unis") };

        var ranked = Collocates.Rank(windows, 100_000, Corpus(("etats", 50), ("unis", 40)));

        var etats = Assert.Single(ranked, c => c.Word == "états");
        Assert.Equal(3, etats.Count);
    }

    [Fact]
    public void A_window_around_a_match_in_analyzed_text()
    {
        var words = FrenchAnalyzer.AnalyzeText("L’agence russe Rosatom construira une centrale nucléaire au Burkina Faso.")
            .Select(w => w.Word).ToList();
        int match = words.FindIndex(w => w.Exact == "centrale");

        var window = MatchWindow.Around(words, match, matchLength: 2, span: 3);

        Assert.Equal(["Rosatom", "construira", "une"], window.Left.Select(w => w.Form));
        Assert.Equal(["au", "Burkina", "Faso"], window.Right.Select(w => w.Form));
        Assert.Equal("agence", MatchWindow.Around(words, 1, 1, 5).Left.Single().Form);
    }
}
