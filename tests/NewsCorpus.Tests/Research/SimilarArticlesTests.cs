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
        Assert.Equal(["0000000000000002"], Similar(corpus, connection, "0000000000000001"));
    }

    [Fact]
    public void An_article_with_no_close_one_shows_none_rather_than_one_sharing_a_few_words()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        corpus.Write("001_0000000000000001.txt", " date 2024-01\n\nLa grève des contrôleurs aériens\n\nLes contrôleurs aériens "
            + "sont en grève à Orly : les vols sont annulés, les contrôleurs réclament des effectifs. La grève des contrôleurs "
            + "touche aussi Roissy, où la moitié des vols sont annulés.\n");
        corpus.Write("002_0000000000000002.txt", " date 2024-02\n\nLe musée rouvre à Orly\n\nLe musée de l'aviation rouvre ses "
            + "salles ; les visiteurs découvrent des maquettes, des affiches et des uniformes. Le musée propose des visites "
            + "guidées, et les maquettes restaurées attirent les familles ; quelques vols anciens sont racontés.\n");
        corpus.Write("003_0000000000000003.txt", " date 2024-03\n\nLes récoltes de pommes\n\nLes vergers normands annoncent "
            + "des récoltes de pommes abondantes ; les pommes à cidre se vendent bien et les vergers embauchent.\n");
        corpus.Import();
        using var connection = corpus.Open();

        // The museum shares "Orly" and "vols" with the strike, nothing of what either is about.
        Assert.Empty(Similar(corpus, connection, "0000000000000001"));
    }

    [Fact]
    public void Two_reports_of_one_story_are_similar_and_closest_first()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        corpus.Write("001_0000000000000001.txt", " date 2024-01\n\nSéisme au Japon\n\nUn séisme de magnitude 7 a frappé "
            + "Kanazawa, au Japon ; le séisme a détruit des maisons et les secours cherchent des survivants dans les décombres. "
            + "Les répliques du séisme inquiètent les habitants de Kanazawa.\n");
        corpus.Write("002_0000000000000002.txt", " date 2024-01\n\nLes secours à Kanazawa\n\nÀ Kanazawa, les secours fouillent "
            + "les décombres après le séisme ; des survivants ont été retrouvés. Les répliques du séisme continuent et les "
            + "habitants dorment dehors.\n");
        corpus.Write("003_0000000000000003.txt", " date 2024-02\n\nLe Japon et ses exportations\n\nLes exportations du Japon "
            + "progressent ; les habitants profitent d'une croissance retrouvée, selon le ministère. Les voitures restent "
            + "les premières exportations.\n");
        corpus.Write("004_0000000000000004.txt", " date 2024-03\n\nUne réplique ressentie\n\nUne réplique du séisme de Kanazawa "
            + "a été ressentie ; les secours restent sur place pour les survivants et les décombres.\n");
        corpus.Import();
        using var connection = corpus.Open();

        var similar = SimilarArticles.OfArticle(connection, Key(corpus, "0000000000000001"));

        Assert.Equal(["0000000000000002", "0000000000000004"], similar.Select(s => s.Id).Order());
        Assert.All(similar, s => Assert.InRange(s.Score, SimilarArticles.MinimumSimilarity, 1));
        Assert.True(similar[0].Score >= similar[1].Score);
    }

    [Fact]
    public void A_shared_boilerplate_paragraph_does_not_make_articles_similar()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        const string promotion = "Abonnez-vous à notre lettre quotidienne pour recevoir chaque matin les informations "
            + "essentielles de la rédaction, les analyses de nos journalistes et les rendez-vous de la semaine.";
        string[] subjects =
        [
            "Les vendanges commencent en Bourgogne ; les vignerons espèrent un millésime abondant.",
            "Le conseil municipal de Brest vote le budget des écoles et la rénovation des cantines.",
            "Une exposition de photographies anciennes ouvre au musée de Lille jusqu'en mars.",
            "Le club de rugby de Castres recrute deux piliers venus de Géorgie pour la saison.",
            "La ligne de tramway de Nantes ferme trois semaines pour remplacer les rails usés.",
            "Une tempête a couché des arbres sur les routes du Finistère ; les pompiers dégagent.",
        ];
        for (int i = 0; i < subjects.Length; i++)
            corpus.Write($"{i + 1:000}_{i + 1:0000000000000000}.txt", $" date 2024-0{i + 1}\n\nNouvelles du jour {i + 1}\n\n{subjects[i]}\n\n{promotion}\n");
        corpus.Import();
        using var connection = corpus.Open();

        for (int i = 1; i <= subjects.Length; i++)
            Assert.Empty(Similar(corpus, connection, $"{i:0000000000000000}"));
    }

    static List<string> Similar(TestCorpus corpus, Microsoft.Data.Sqlite.SqliteConnection connection, string id) =>
        SimilarArticles.OfArticle(connection, Key(corpus, id)).Select(s => s.Id).ToList();

    static long Key(TestCorpus corpus, string id) => corpus.Scalar<long>($"SELECT article_key FROM articles WHERE id = '{id}'");
}
