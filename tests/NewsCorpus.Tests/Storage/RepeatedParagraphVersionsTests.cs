using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Storage;

/// <summary>
/// Near-duplicates come from an article's own content: a long paragraph many articles repeat (a cartoon's caption, a
/// disclaimer) does not make distinct articles versions of each other, and does become boilerplate.
/// </summary>
public class RepeatedParagraphVersionsTests
{
    // Long enough that the shingles of two cartoons are over 0.8 alike by the caption alone.
    const string Caption = "Chaque jour, notre dessinateur croque l'actualité de la semaine avec son regard malicieux et tendre sur "
        + "la vie politique, la société, le sport et la culture. Ses dessins sont publiés dans l'édition imprimée du journal, "
        + "sur le site et dans l'application, puis rassemblés chaque année dans un album vendu en librairie. Les lecteurs "
        + "peuvent retrouver l'ensemble des dessins parus depuis le début de l'année dans la rubrique consacrée, classés par "
        + "date et par thème, et les partager sur les réseaux sociaux en citant le journal. Toute reproduction, même partielle, "
        + "est interdite sans l'accord écrit de l'auteur et de la rédaction, qui détiennent l'ensemble des droits sur ces "
        + "œuvres. Pour toute demande de reproduction dans un manuel scolaire, une exposition ou un ouvrage, les éditeurs "
        + "sont invités à écrire au service des droits, qui répond sous quinze jours ouvrés. Le dessinateur anime aussi des "
        + "ateliers dans les écoles et les médiathèques de la région, sur inscription auprès du service des lecteurs, et "
        + "dédicace ses albums lors des salons du livre auxquels le journal participe chaque automne et chaque printemps.";

    static readonly string[] Cartoons =
    [
        "La rentrée des classes vue par notre dessinateur.",
        "Les soldes d'hiver, un marathon pour les portefeuilles.",
        "Le Tour de France passe par les Pyrénées sous la pluie.",
        "Le budget de l'État, un casse-tête pour le ministre.",
        "Les vendanges tardives réjouissent les vignerons alsaciens.",
        "La neige paralyse les routes du Massif central.",
    ];

    static void WriteCartoons(TestCorpus corpus)
    {
        for (int i = 0; i < Cartoons.Length; i++)
            corpus.Write($"{i + 1:000}_{i + 1:0000000000000000}.txt", $" date 2024-0{i + 1}\n\nLe dessin du jour\n\n{Cartoons[i]}\n\n{Caption}\n");
    }

    [Fact]
    public void Distinct_cartoons_sharing_a_long_caption_are_not_versions_and_the_caption_is_boilerplate()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        WriteCartoons(corpus);
        corpus.Import();

        Assert.Equal(0, corpus.Scalar<long>("SELECT count(*) FROM near_duplicates"));
        Assert.Equal(0, corpus.Scalar<long>("SELECT count(*) FROM articles WHERE cluster_key IS NOT NULL"));
        // Six stories hold the caption: boilerplate, kept out of every cartoon's search text.
        Assert.Equal(1, corpus.Scalar<long>("SELECT count(*) FROM boilerplate"));
        Assert.Equal(6, corpus.Scalar<long>("SELECT count(*) FROM articles WHERE boilerplate IS NOT NULL"));
    }

    [Fact]
    public void Distinct_cartoons_whose_caption_comes_first_are_not_versions_either()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        for (int i = 0; i < Cartoons.Length; i++)
            corpus.Write($"{i + 1:000}_{i + 1:0000000000000000}.txt", $" date 2024-0{i + 1}\n\nLe dessin du jour\n\n{Caption}\n\n{Cartoons[i]}\n");
        corpus.Import();

        Assert.Equal(0, corpus.Scalar<long>("SELECT count(*) FROM near_duplicates"));
        Assert.Equal(0, corpus.Scalar<long>("SELECT count(*) FROM articles WHERE cluster_key IS NOT NULL"));
    }

    [Fact]
    public void Copies_made_only_of_repeated_paragraphs_stay_versions()
    {
        // The title is the article's first line, its headline: the same in every copy, it is repeated too, and the first
        // copy has nothing of its own left.
        using var corpus = new TestCorpus(withSeeds: false);
        for (int i = 0; i < 5; i++)
            corpus.Write($"{i + 1:000}_{i + 1:0000000000000000}.txt", $" date 2024-0{i + 1}\n\nLe dessin du jour\n\n{Caption}\n\n"
                + (i == 0 ? "" : $"Publié le {i + 1} du mois.\n"));
        corpus.Import();

        Assert.Equal(5, corpus.Scalar<long>("SELECT count(*) FROM articles WHERE cluster_size = 5"));
    }

    [Fact]
    public void A_cartoon_added_later_does_not_become_a_version_of_the_others()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        WriteCartoons(corpus);
        corpus.Import();
        corpus.Write("007_0000000000000007.txt", $" date 2024-07\n\nLe dessin du jour\n\nLes touristes envahissent les plages bretonnes.\n\n{Caption}\n");
        corpus.Import();

        Assert.Equal(0, corpus.Scalar<long>("SELECT count(*) FROM near_duplicates"));
        Assert.Equal(7, corpus.Scalar<long>("SELECT count(*) FROM articles WHERE boilerplate IS NOT NULL"));
    }

    [Fact]
    public void A_repost_with_a_changed_sentence_is_still_a_version_beside_the_caption()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        WriteCartoons(corpus);
        const string story = "Le conseil municipal de Quimper a voté hier soir la rénovation complète de la halle du marché, "
            + "fermée depuis deux ans pour des raisons de sécurité. Les travaux commenceront au printemps et dureront dix-huit mois.\n\n"
            + "Le maire a rappelé que les commerçants seraient relogés sous des chapiteaux installés sur la place voisine, "
            + "et que la municipalité prendrait en charge une partie de leurs frais de déménagement pendant toute la durée du chantier.\n\n"
            + "L'opposition a dénoncé un coût jugé excessif de quatre millions d'euros et réclamé une consultation des habitants "
            + "avant le début des travaux, estimant que d'autres quartiers attendent depuis longtemps des équipements publics.\n\n"
            + "Les associations de commerçants se sont dites soulagées par ce vote, qui met fin à une longue incertitude sur "
            + "l'avenir du marché couvert, fréquenté chaque samedi par plusieurs milliers de clients venus de tout le pays quimpérois.";
        corpus.Write("010_000000000000000a.txt", $" date 2024-08\n\nLa halle de Quimper sera rénovée\n\n{story}\n\n{Caption}\n");
        corpus.Write("011_000000000000000b.txt", $" date 2024-08\n\nLa halle de Quimper sera rénovée\n\n"
            + story.Replace("Les travaux commenceront au printemps et dureront dix-huit mois.", "Le chantier débutera en avril pour un an et demi.")
            + $"\n\n{Caption}\n");
        corpus.Import();

        Assert.Equal(2, corpus.Scalar<long>("SELECT count(*) FROM near_duplicates"));
        Assert.Equal(2, corpus.Scalar<long>("SELECT count(*) FROM articles WHERE cluster_size = 2 AND id IN ('000000000000000a', '000000000000000b')"));
        Assert.Equal(0, corpus.Scalar<long>("SELECT count(*) FROM articles WHERE cluster_key IS NOT NULL AND id NOT IN ('000000000000000a', '000000000000000b')"));
        Assert.Equal(1, corpus.Scalar<long>("SELECT count(*) FROM boilerplate"));
    }
}
