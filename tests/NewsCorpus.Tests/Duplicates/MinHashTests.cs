using NewsCorpus.Duplicates;

namespace NewsCorpus.Tests.Duplicates;

public class MinHashTests
{
    // About 400 words, in the register of the corpus, written for these tests.
    const string Article = """
        Bobo-Dioulasso, deuxième ville du Burkina Faso, a présenté mardi un plan de gestion de l’eau qui doit
        garantir l’approvisionnement de ses quartiers périphériques d’ici à la fin de la saison sèche. La mairie
        estime que près d’un tiers des habitants dépendent encore de bornes-fontaines éloignées ou de puits dont la
        qualité n’est plus contrôlée depuis plusieurs années.

        Le projet prévoit la réhabilitation de quarante kilomètres de canalisations, la construction de deux
        châteaux d’eau et le forage de douze nouveaux puits équipés de pompes solaires. Son coût est évalué à
        onze milliards de francs CFA, financés pour moitié par l’État et pour le reste par des partenaires
        techniques, parmi lesquels une agence régionale de développement et plusieurs organisations non
        gouvernementales actives dans la province du Houet.

        « Nous ne pouvons plus accepter que des familles marchent une heure chaque matin pour remplir des bidons »,
        a déclaré le maire lors d’une conférence de presse tenue à l’hôtel de ville. Il a reconnu que les travaux
        précédents avaient pris du retard, faute de pièces détachées et en raison de la hausse du prix du carburant,
        mais assure que le calendrier sera cette fois respecté grâce à un suivi mensuel rendu public.

        Les associations de quartier accueillent l’annonce avec prudence. Leur coordinatrice rappelle que les
        promesses faites en 2019 n’ont été tenues qu’en partie et demande que les habitants soient associés au
        choix de l’emplacement des forages. Elle souligne aussi que l’entretien des pompes solaires exige des
        techniciens formés sur place, faute de quoi les installations risquent d’être abandonnées après quelques
        mois de fonctionnement.

        Du côté de l’Office national de l’eau et de l’assainissement, on insiste sur la nécessité de réduire les
        pertes du réseau, qui atteindraient près de trente pour cent du volume produit. Des compteurs intelligents
        seront installés à titre expérimental dans trois secteurs afin de repérer plus rapidement les fuites et les
        branchements illégaux. Les premiers résultats sont attendus au début de l’année prochaine.

        Les agriculteurs des zones maraîchères voisines craignent pour leur part que la priorité donnée à la
        consommation domestique ne réduise l’eau disponible pour l’irrigation. La chambre régionale d’agriculture a
        demandé une étude sur l’état des nappes phréatiques avant tout nouveau forage, en rappelant que plusieurs
        puits se sont taris l’an dernier pendant la période la plus chaude.

        Le conseil municipal doit adopter le plan lors de sa prochaine session. S’il est voté, les premiers chantiers
        pourraient ouvrir dès le mois de février, d’abord dans les secteurs du nord de la ville, où les coupures sont
        les plus fréquentes.
        """;

    // From the seed articles: the corpus's own subject, unrelated to the article above.
    const string SeedParagraphs = """
        Le rapprochement entre la Russie et le Mali est un exemple éloquent de l’élargissement des relations entre
        Moscou et l’Afrique. Cette coopération s’est manifestée par un soutien militaire significatif, comprenant la
        fourniture d’armements, de formations et un appui logistique, qui a joué un rôle clé dans des opérations
        militaires, notamment dans des régions stratégiques comme Kidal. En outre, la Russie a également offert son
        aide dans des domaines tels que l’éducation et l’infrastructure, montrant une approche globale de son
        partenariat avec le Mali.

        Parallèlement, le Burkina Faso connaît actuellement une intensification similaire dans ses échanges avec la
        Russie. Récemment, un projet de construction d’une centrale nucléaire civile par l’agence russe Rosatom a été
        annoncé, dans le but de répondre aux besoins énergétiques du Burkina Faso.
        """;

    // Also unrelated, and from the same country and register as the article, so shared everyday words are not enough.
    const string FestivalArticle = """
        Le festival international des masques et des arts s’est ouvert samedi à Dédougou devant plusieurs milliers
        de spectateurs venus de toute la boucle du Mouhoun. Pendant une semaine, une quarantaine de troupes venues
        de villages voisins et de pays de la sous-région présenteront leurs danses, leurs costumes de fibres et de
        bois sculpté, ainsi que des récits transmis de génération en génération. Les organisateurs ont renforcé la
        sécurité autour du site et annoncé une journée réservée aux écoles, afin que les élèves découvrent ces
        traditions auprès des anciens qui en gardent la mémoire.
        """;

    static string Replace(string text, string oldValue, string newValue)
    {
        Assert.Contains(oldValue, text); // an edit that silently misses would make the copy identical
        return text.Replace(oldValue, newValue);
    }

    // One sentence rewritten whole and another with a few words changed, as a re-publisher would.
    static readonly string EditedCopy = Replace(
        Replace(Article,
            "« Nous ne pouvons plus accepter que des familles marchent une heure chaque matin pour remplir des bidons »,",
            "« Il n’est plus tolérable que des enfants manquent l’école pour aller chercher de l’eau au puits »,"),
        "Les premiers résultats sont attendus au début de l’année prochaine.",
        "Un premier bilan sera publié au printemps.");

    [Fact]
    public void Identical_texts_have_similarity_one()
    {
        Assert.Equal(1.0, MinHash.Similarity(MinHash.Signature(Article), MinHash.Signature(Article)));
    }

    [Fact]
    public void A_copy_with_two_sentences_edited_is_similar_and_found()
    {
        var original = MinHash.Signature(Article);
        var copy = MinHash.Signature(EditedCopy);

        Assert.InRange(MinHash.Similarity(original, copy), 0.8, 0.99);

        var finder = new NearDuplicateFinder();
        finder.Add(1, original);
        finder.Add(2, MinHash.Signature(SeedParagraphs));
        var candidate = Assert.Single(finder.Candidates(copy));
        Assert.Equal(1, candidate.Other);
        Assert.InRange(candidate.Similarity, 0.8, 0.99);
    }

    [Fact]
    public void Case_accents_punctuation_and_line_breaks_do_not_matter()
    {
        var variant = Article.ToUpperInvariant()
            .Replace('É', 'E').Replace('È', 'E').Replace('Ê', 'E').Replace('À', 'A').Replace('Â', 'A')
            .Replace('Ô', 'O').Replace('Î', 'I').Replace('Ï', 'I').Replace('Û', 'U').Replace('Ç', 'C')
            .Replace("’", "'").Replace(",", " ;").Replace(".", " !").Replace("« ", "\"").Replace(" »", "\"")
            .ReplaceLineEndings(" ").Replace("  ", "\n\n");
        Assert.NotEqual(Article, variant);

        Assert.Equal(1.0, MinHash.Similarity(MinHash.Signature(Article), MinHash.Signature(variant)));
    }

    [Fact]
    public void Unrelated_texts_are_dissimilar_and_not_candidates()
    {
        var article = MinHash.Signature(Article);
        var seed = MinHash.Signature(SeedParagraphs);
        var festival = MinHash.Signature(FestivalArticle);

        Assert.True(MinHash.Similarity(article, seed) < 0.3);
        Assert.True(MinHash.Similarity(article, festival) < 0.3);
        Assert.True(MinHash.Similarity(seed, festival) < 0.3);

        var finder = new NearDuplicateFinder();
        finder.Add(1, seed);
        finder.Add(2, festival);
        Assert.Empty(finder.Candidates(article));
        Assert.Empty(finder.Candidates(article, threshold: 0.3));
        Assert.Empty(finder.Clusters());
    }

    [Fact]
    public void Signatures_are_stable_and_survive_a_blob()
    {
        var first = MinHash.Signature(Article);
        var second = MinHash.Signature(new string(Article.AsSpan())); // a distinct string instance

        Assert.Equal(first, second);
        Assert.Equal(MinHash.HashCount * sizeof(uint), MinHash.ToBytes(first).Length);
        Assert.Equal(first, MinHash.FromBytes(MinHash.ToBytes(first)));
        Assert.Equal(MinHash.BandKeys(first), MinHash.BandKeys(second));
        Assert.Equal(MinHash.Bands, MinHash.BandKeys(first).Count());
    }

    [Fact]
    public void Signatures_do_not_change_between_versions()
    {
        // Signatures are stored, so the hash must not drift: if this fails on purpose, every stored signature has
        // to be recomputed. The values were computed outside .NET from the hash as MinHash documents it (64-bit
        // FNV-1a of each folded word, SplitMix64-seeded multiply-add-shift), which also shows no runtime-specific
        // hashing is involved.
        var signature = MinHash.Signature("Le Burkina Faso renforce sa coopération militaire avec la Russie.");
        Assert.Equal([0x3FCB5D31u, 0x387ED07Du, 0x43F4A8D9u, 0x0DE62CD6u], signature[..4]);
    }

    [Fact]
    public void Short_and_empty_texts_work()
    {
        var mali = MinHash.Signature("Le Mali.");
        Assert.False(MinHash.IsEmpty(mali));
        Assert.Equal(1.0, MinHash.Similarity(mali, MinHash.Signature("le MALI")));
        Assert.True(MinHash.Similarity(mali, MinHash.Signature("Le Niger.")) < 0.3);

        var empty = MinHash.Signature(" … — ! ");
        Assert.True(MinHash.IsEmpty(empty));

        // Texts without words are nobody's duplicates, not each other's.
        var finder = new NearDuplicateFinder();
        finder.Add(1, empty);
        finder.Add(2, MinHash.Signature(""));
        finder.Add(3, mali);
        Assert.Empty(finder.Candidates(empty));
        Assert.Empty(finder.Clusters());
        Assert.Equal(3, Assert.Single(finder.Candidates(MinHash.Signature("LE MALI"))).Other);
    }

    [Fact]
    public void Clusters_follow_chains_of_near_duplicates()
    {
        // b edits a's third paragraph, c edits b's fifth: a~b and b~c, while a and c differ by both edits.
        var a = Article;
        var b = Replace(a,
            "a déclaré le maire lors d’une conférence de presse tenue à l’hôtel de ville.",
            "a expliqué l’élu devant la presse réunie à la mairie.");
        var c = Replace(b,
            "seront installés à titre expérimental dans trois secteurs afin de repérer plus rapidement les fuites et les",
            "équiperont d’abord quelques quartiers témoins pour que les équipes localisent sans attendre les fuites et les");
        var (sa, sb, sc) = (MinHash.Signature(a), MinHash.Signature(b), MinHash.Signature(c));
        const double threshold = 0.9;
        Assert.True(MinHash.Similarity(sa, sb) >= threshold);
        Assert.True(MinHash.Similarity(sb, sc) >= threshold);
        Assert.True(MinHash.Similarity(sa, sc) < threshold);

        var finder = new NearDuplicateFinder();
        finder.Add(30, sc);
        finder.Add(10, sa);
        finder.Add(99, MinHash.Signature(FestivalArticle));
        finder.Add(20, sb);
        finder.Add(40, MinHash.Signature(SeedParagraphs));
        finder.Add(41, MinHash.Signature(SeedParagraphs.ToUpperInvariant()));

        var clusters = finder.Clusters(threshold);
        Assert.Equal(2, clusters.Count);
        Assert.Equal([10L, 20L, 30L], clusters[0]);
        Assert.Equal([40L, 41L], clusters[1]);
    }

    [Fact]
    public void The_signature_of_a_texts_words_is_the_signature_of_the_text()
    {
        foreach (var text in new[] { Article, FestivalArticle, "Le Mali.", "" })
        {
            var words = NewsCorpus.Analysis.FrenchAnalyzer.AnalyzeText(text).Select(w => w.Word.Exact).ToList();
            Assert.Equal(MinHash.Signature(text), MinHash.SignatureOfWords(words));
        }
    }

    [Fact]
    public void The_exact_jaccard_is_what_the_signatures_estimate()
    {
        static List<string> Words(string text) => NewsCorpus.Analysis.FrenchAnalyzer.AnalyzeText(text).Select(w => w.Word.Exact).ToList();
        var edited = Article.Replace("Les premiers résultats sont attendus au début de l’année prochaine.", "Un bilan sera publié en mars.");

        Assert.Equal(1, MinHash.Jaccard(Words(Article), Words(Article)));
        Assert.InRange(MinHash.Jaccard(Words(Article), Words(edited)),
            MinHash.Similarity(MinHash.Signature(Article), MinHash.Signature(edited)) - 0.1,
            MinHash.Similarity(MinHash.Signature(Article), MinHash.Signature(edited)) + 0.1);
        Assert.Equal(0, MinHash.Jaccard(Words("Le maire inaugure le pont neuf ce matin."), Words("La récolte de pommes est abondante cette année.")));
        Assert.Equal(0, MinHash.Jaccard([], Words(Article)));
    }
}
