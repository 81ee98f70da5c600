using NewsCorpus.Research;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Research;

public class SimilarArticlesTests
{
    [Fact]
    public void A_word_the_article_uses_once_does_not_make_it_similar_to_another()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        const string wagner = " date 2024-01\n\nWagner au Mali\n\nLes mercenaires de Wagner sont au Mali. Les mercenaires de Wagner "
            + "combattent au Mali depuis deux ans ; Wagner y forme les soldats et les mercenaires restent. Comme des bulles, les rumeurs montent.\n";
        corpus.Write("001_0000000000000001.txt", wagner);
        corpus.Write("002_0000000000000002.txt", " date 2024-02\n\nLe Mali et Wagner\n\nDes mercenaires de Wagner au Mali, "
            + "selon des témoins ; Wagner dément.\n");
        corpus.Write("003_0000000000000003.txt", " date 2024-03\n\nPhysique des bulles\n\nLes bulles de savon éclatent ; "
            + "la physique des bulles intrigue les chercheurs.\n");
        corpus.Import();
        using var connection = corpus.Open();

        var terms = SimilarArticles.Distinctive(connection, wagner).Select(t => t.Form).ToList();

        Assert.Contains("Wagner", terms);
        Assert.Contains("mercenaires", terms);
        Assert.DoesNotContain("bulles", terms);
    }
}
