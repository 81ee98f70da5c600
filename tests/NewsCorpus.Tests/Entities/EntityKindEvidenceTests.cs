using NewsCorpus.Entities;

namespace NewsCorpus.Tests.Entities;

/// <summary>Kinds come from evidence: the gazetteer, first names, head words, the lexicon; no evidence, no person.</summary>
public class EntityKindEvidenceTests
{
    static List<(EntityKind Kind, string Name)> Extract(string text) =>
        EntityExtractor.Default.Extract(text).Select(m => (m.Kind, m.Surface)).ToList();

    [Theory]
    [InlineData("Le train reliait Toulouse et Grenoble hier soir.", "Toulouse|Grenoble")]
    [InlineData("Le corps a été retrouvé à Noyal-sur-Vilaine, en Ille-et-Vilaine.", "Noyal-sur-Vilaine|Ille-et-Vilaine")]
    [InlineData("Les touristes visitent le Proche-Orient et l'Asie.", "Proche-Orient|Asie")]
    [InlineData("Le métro de New York est inondé.", "New York")]
    public void Places_of_the_gazetteer_are_places_not_people(string text, string places) =>
        Assert.Equal(places.Split('|').Select(p => (EntityKind.Place, p)), Extract(text));

    [Theory]
    [InlineData("Hier, Nadim Houry a publié le rapport.", "Nadim Houry")]
    [InlineData("La voix de l'Américain Pete Selleck a porté.", "Pete Selleck")]
    [InlineData("Les chiffres de B. Obama ont surpris.", "Obama")]
    [InlineData("Le président François Hollande est arrivé.", "François Hollande")]
    [InlineData("Le général De Gaulle a parlé.", "De Gaulle")]
    [InlineData("Jean-Marie Le Pen traite sa fille de petite-bourgeoise.", "Jean-Marie Le Pen")]
    [InlineData("Il a vu Bruno Le Roux hier.", "Bruno Le Roux")]
    [InlineData("Les obsèques du préfet de Corse Claude Érignac ont eu lieu.", "Claude Érignac")]
    public void People_need_a_first_name_a_title_an_initial_or_a_name_shaped_like_one(string text, string person) =>
        Assert.Equal([(EntityKind.Person, person)], Extract(text));

    [Theory]
    [InlineData("Le commissaire Joaquín Almunia Amann a répondu.", "Joaquín Almunia Amann")]   // three names after a Spanish first name
    [InlineData("Selon Gerhard Kretschmer Vogt, rien ne change.", "Gerhard Kretschmer Vogt")]   // after a German one
    public void A_first_name_of_another_language_opens_a_persons_longer_name(string text, string person) =>
        Assert.Equal([(EntityKind.Person, person)], Extract(text));

    [Theory]
    [InlineData("Le PIB, la TVA et le SMIC augmentent, selon la CGT.", "CGT")]
    [InlineData("Il est arrivé chez Air France puis chez France Télécom.", "Air France|France Télécom")]
    [InlineData("Le président de La Poste a refusé.", "La Poste")]
    [InlineData("Une étude de l'Allen Institute est parue.", "Allen Institute")]
    [InlineData("Le don de la Betty Moore Foundation arrive.", "Betty Moore Foundation")]
    [InlineData("Le groupe Al-Qaïda a revendiqué.", "Al-Qaïda")]
    public void Organisations_keep_their_capitals_and_common_acronyms_are_none(string text, string organisations) =>
        Assert.Equal(organisations.Split('|').Select(o => (EntityKind.Organisation, o)), Extract(text));

    [Theory]
    [InlineData("C'est le XVe siècle. [C'est] la Marine marchande.")]
    [InlineData("Il fait 38 degrés C. Il pleut.")]
    [InlineData("Les Jeux olympiques et la Coupe du monde.")]
    [InlineData("Le vol AF447 et la note Baa2.")]
    [InlineData("La célèbre Loi de Moore tient encore.")]
    [InlineData("Il a parlé au Congrès puis au Figaro.")]
    [InlineData("La manifestation a réuni du monde. Photo : Jean Dupont. © AFP")]
    public void Ordinary_words_events_letters_codes_and_things_are_no_entities(string text) => Assert.Empty(Extract(text));
}
