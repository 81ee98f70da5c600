using NewsCorpus.Entities;

namespace NewsCorpus.Tests.Entities;

public class EntityExtractorTests
{
    static List<(EntityKind Kind, string Name)> Extract(string text) =>
        EntityExtractor.Default.Extract(text).Select(m => (m.Kind, m.Surface)).ToList();

    [Fact]
    public void Titles_and_roles_are_stripped_from_person_names()
    {
        var found = Extract("Le Colonel-major Kassoum COULIBALY, Ministre d’État, Ministre de la Défense et des Anciens Combattants du Burkina Faso, a parlé.");
        Assert.Equal([(EntityKind.Person, "Kassoum Coulibaly")], found);
    }

    [Fact]
    public void Role_with_complement_then_name_after_comma_is_a_person()
    {
        var found = Extract("Selon le ministre malien des Affaires étrangères, Abdoulaye Diop, tout va bien.");
        Assert.Equal([(EntityKind.Person, "Abdoulaye Diop")], found);
    }

    [Fact]
    public void All_caps_surname_is_title_cased_and_mention_points_at_original_text()
    {
        const string text = "la délégation a été reçue par le Président de la Transition, le Capitaine Ibrahim TRAORE.";
        var mention = Assert.Single(EntityExtractor.Default.Extract(text));
        Assert.Equal("Ibrahim Traore", mention.Surface);
        Assert.Equal(EntityKind.Person, mention.Kind);
        Assert.Equal("Ibrahim TRAORE", text.Substring(mention.Start, mention.Length));
    }

    [Fact]
    public void Abbreviated_title_does_not_end_the_sentence()
    {
        Assert.Equal([(EntityKind.Person, "Traoré")], Extract("Hier, M. Traoré a parlé."));
    }

    [Fact]
    public void Sentence_starters_and_capitalised_common_words_are_not_entities()
    {
        var found = Extract("Parallèlement, le projet avance. Récemment, la coopération s'est accrue.\n\nCoopération militaire\n\n"
            + "Dans le domaine de la santé, Cette aide compte. Le 5 Octobre, l'État a signé.");
        Assert.Empty(found);
    }

    [Fact]
    public void Countries_and_demonyms_are_not_returned()
    {
        var found = Extract("La Russie, le Mali, le Burkina Faso et la Côte d'Ivoire ; les Russes et les Maliens ; l'Afrique du Sud.");
        Assert.Empty(found);
    }

    [Fact]
    public void Continents_regions_and_cities_are_places()
    {
        var found = Extract("Entre Moscou et l’Afrique, au Sahel comme à Kidal, et au sommet de Saint-Pétersbourg.");
        Assert.Equal([(EntityKind.Place, "Moscou"), (EntityKind.Place, "Afrique"), (EntityKind.Place, "Sahel"),
            (EntityKind.Place, "Kidal"), (EntityKind.Place, "Saint-Pétersbourg")], found);
    }

    [Fact]
    public void Organisation_cues_heads_and_acronyms_make_organisations()
    {
        var found = Extract("L'agence russe Rosatom, les Forces Armées Nationales, la CEDEAO et le ministère de la Défense du Mali.");
        Assert.Equal([(EntityKind.Organisation, "Rosatom"), (EntityKind.Organisation, "Forces Armées Nationales"),
            (EntityKind.Organisation, "CEDEAO"), (EntityKind.Organisation, "Ministère de la Défense du Mali")], found);
    }

    [Fact]
    public void Unknown_name_after_place_cue_is_a_place_and_after_organisation_cue_an_organisation()
    {
        var found = Extract("Les soldats sont arrivés à Boulkessi, puis la société Tamboura Mining a investi.");
        Assert.Equal([(EntityKind.Place, "Boulkessi"), (EntityKind.Organisation, "Tamboura Mining")], found);
    }

    [Fact]
    public void Lower_case_particles_stay_inside_names()
    {
        Assert.Equal([(EntityKind.Person, "Iyad Ag Ghaly")], Extract("le chef jihadiste Iyad Ag Ghaly"));
        Assert.Equal([(EntityKind.Place, "Afrique de l'Ouest")], Extract("en Afrique de l'Ouest"));
    }

    [Fact]
    public void Capital_headings_are_not_acronyms_but_known_names_in_them_are_found()
    {
        Assert.Equal([(EntityKind.Place, "Moscou"), (EntityKind.Place, "Bamako")], Extract("MOSCOU ET BAMAKO SIGNENT UN ACCORD"));
    }

    [Fact]
    public void Blocked_names_are_not_returned()
    {
        Assert.Empty(Extract("date 2023-10 Publicité"));
    }

    [Theory]
    [InlineData("Le naufrage du paquebot Storstad fit mille morts.", "Storstad")]
    [InlineData("Les physiciens utilisent l'accélérateur de particules LHC depuis 2008.", "LHC")]
    [InlineData("Il lance le programme Pilot en 1945.", "Pilot")]
    [InlineData("Les accords d'Évian sont signés le 18 mars.", "Évian")]
    [InlineData("Au Mali, les Touareg, les Peul, les Songhoï ne partagent pas le projet.", "Songhoï")]
    public void Things_and_peoples_named_by_the_words_before_are_no_organisations(string text, string name) =>
        Assert.DoesNotContain(Extract(text), m => m.Name.Contains(name) && m.Kind == EntityKind.Organisation);

    [Fact]
    public void A_province_named_after_its_article_is_a_place() =>
        Assert.Contains((EntityKind.Place, "Kapisa"), Extract("Les forces françaises ont rendu le contrôle de la province de la Kapisa, au nord-est."));

    [Fact]
    public void A_name_one_block_announces_as_a_thing_is_no_entity_in_the_whole_article()
    {
        string[] blocks = ["L'ouragan Sandy a touché la côte est.", "Selon Barack Obama, Sandy a fait 39 morts à New York."];
        Assert.Contains(EntityExtractor.Default.Extract(blocks[1]), m => m.Surface == "Sandy");
        var article = EntityExtractor.Default.ExtractArticle(blocks);
        Assert.DoesNotContain(article, m => m.Surface == "Sandy");
        Assert.Contains(article, m => m.Surface == "Barack Obama" && m.Kind == EntityKind.Person);
    }

    [Theory]
    [InlineData("La côte a été ravagée par l'ouragan meurtrier Dorla la semaine dernière.", "Dorla")]
    [InlineData("Le paquebot géant Arveline a quitté Marseille.", "Arveline")]
    [InlineData("Ouragan Dorla : 39 morts sur la côte est.", "Dorla")]
    public void A_name_announced_as_a_thing_through_an_adjective_is_no_entity(string text, string name) =>
        Assert.DoesNotContain(Extract(text), m => m.Name == name);

    [Theory]
    [InlineData("Une attaque revendiquée par la secte islamiste Kalem Doran a fait dix morts.", "Kalem Doran")]
    [InlineData("Les membres d'Ansar Tikri ont détruit une porte.", "Ansar Tikri")]
    [InlineData("Le syndicat CNT-SO a révélé le décès.", "CNT-SO")]
    [InlineData("Le syndicat SUD estime que la direction savait.", "SUD")]
    [InlineData("Le secrétaire général de la Francophonie a répondu.", "Francophonie")]
    [InlineData("Le parti des Frères musulmans était majoritaire.", "Frères musulmans")]
    [InlineData("La Poste portugaise édite des timbres.", "Poste portugaise")]
    [InlineData("Le vol était assuré sur un Tupolev Tu-154 par la compagnie.", "Tupolev")]
    [InlineData("Un appareil de type Ilyouchine IL-76 s'est posé.", "Ilyouchine")]
    [InlineData("Le directeur du Engineering & Physical Sciences Research Council a parlé.", "Engineering & Physical Sciences Research Council")]
    [InlineData("Le président de Renault Amérique du Sud examine le thème.", "Renault Amérique du Sud")]
    public void Group_names_cued_acronyms_institutions_and_makers_are_organisations(string text, string name) =>
        Assert.Contains((EntityKind.Organisation, name), Extract(text));

    [Theory]
    [InlineData("L'ONG Amnesty International a publié un rapport.", "ONG Amnesty International")]
    [InlineData("Le vol était assuré sur un Tupolev Tu-154 par la compagnie.", "Tu")]
    [InlineData("Les Pieds-Noirs sont rentrés en 1962.", "Pieds-Noirs")]
    public void Generic_acronyms_model_codes_and_peoples_are_no_organisations(string text, string name) =>
        Assert.DoesNotContain(Extract(text), m => m.Name == name);

    [Fact]
    public void A_states_or_provinces_name_is_a_place() =>
        Assert.Contains((EntityKind.Place, "Louisiane"), Extract("Le festival s'est tenu en Louisiane cette année."));

    [Fact]
    public void A_country_word_after_a_first_name_is_a_surname() =>
        Assert.Contains((EntityKind.Person, "Marc Hollande"), Extract("Le programme de Marc Hollande insiste sur la jeunesse."));

    [Fact]
    public void A_word_the_article_writes_in_lower_case_is_an_ordinary_word_in_its_title_too()
    {
        var mentions = EntityExtractor.Default.ExtractArticle(["Découverte du Quark de Planck", "Le quark de Planck a enfin été observé."]);
        Assert.DoesNotContain(mentions, m => m.Surface == "Quark de Planck");
    }

    [Theory]
    [InlineData("Les pilotes ont suivi les consignes du Flight Planner sans douter.", "Flight Planner")]
    [InlineData("On l'a découvert dans la série Marc Duval, sur une chaîne publique.", "Marc Duval")]
    [InlineData("Le réseau (baptisé Vidéopac) a vécu trente ans.", "Vidéopac")]
    [InlineData("Il lance le programme ACE (Analytical Calculus Engine) en 1945.", "Analytical Calculus Engine")]
    [InlineData("Le texte ressemble au Digital Privacy Act américain.", "Digital Privacy Act")]
    public void Things_works_and_laws_are_no_people_or_organisations(string text, string name) =>
        Assert.DoesNotContain(EntityExtractor.Default.ExtractArticle([text]), m => m.Surface == name);

    [Theory]
    [InlineData("Elle a remporté le tournoi de Kelmora.", "Kelmora")]
    [InlineData("Des incidents ont eu lieu à Kufra et Tazirbu.", "Tazirbu")]
    [InlineData("On a volé des bulletins dans la province orientale de Fezzanie.", "Fezzanie")]
    public void Event_venues_coordinated_names_and_provinces_are_places(string text, string name) =>
        Assert.Contains((EntityKind.Place, name), Extract(text));

    [Fact]
    public void A_lone_institution_head_inside_a_sentence_is_the_institution()
    {
        Assert.Contains((EntityKind.Organisation, "Sénat"), Extract("Le texte adopté par le Sénat sera publié."));
        Assert.DoesNotContain(Extract("L'Association des parents a voté."), m => m.Name == "Association");
    }
}
