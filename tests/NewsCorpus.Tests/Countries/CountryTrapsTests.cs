using NewsCorpus.Articles;
using NewsCorpus.Countries;

namespace NewsCorpus.Tests.Countries;

/// <summary>The traps of real news as classes: names of people, homonym cities, compounds, antiquity, the two Congos.</summary>
public class CountryTrapsTests
{
    static string Codes(string text) =>
        string.Join(",", CountryDetector.Default.Find(text).Select(m => m.Iso2).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("Le film de Thomas Salvador sort mercredi.", "")]
    [InlineData("Thomas Salvador a tourné dans les Alpes.", "")]
    [InlineData("Le défenseur Thiago de Lima a marqué deux buts.", "")]
    [InlineData("Le milieu Kevin de Paris reste au club.", "")]
    [InlineData("Le président François Hollande est à Bamako.", "ml")]
    // The same words with no person: the countries are there.
    [InlineData("Il vit au Salvador depuis 2010.", "sv")]
    [InlineData("Le sommet s'est tenu à Lima.", "pe")]
    [InlineData("L'université de Lima et le Conseil de Paris.", "fr,pe")]
    public void A_country_or_capital_word_inside_a_persons_name_is_a_surname(string text, string expected) =>
        Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Des combats ont éclaté à Tripoli, dans le nord du Liban.", "lb")]
    [InlineData("Des combats ont éclaté à Tripoli, la capitale.", "ly")]
    [InlineData("Tripoli et Benghazi, en Libye, puis le Liban.", "lb,ly")]
    [InlineData("Emmanuel Macron à Paris a parlé des États-Unis.", "fr,us")]
    public void A_capital_shared_with_a_city_of_another_named_country_goes_to_that_country(string text, string expected) =>
        Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Le Paris-Dakar a quitté l'Afrique.", "")]
    [InlineData("Le crash du Rio-Paris reste inexpliqué.", "")]
    [InlineData("Le vol de Paris à Dakar.", "fr,sn")]
    [InlineData("l'axe Mali-Burkina-Niger", "bf,ml,ne")]
    public void A_capital_in_a_hyphenated_compound_names_a_route_or_an_event(string text, string expected) =>
        Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Une exposition sur la Rome antique.", "")]
    [InlineData("Les dieux de la Grèce antique.", "")]
    [InlineData("Un vase de l'Antiquité grecque.", "")]
    [InlineData("La Grèce vote aujourd'hui.", "gr")]
    public void The_ancient_world_is_not_todays_country(string text, string expected) => Assert.Equal(expected, Codes(text));

    static string ArticleCodes(params string[] paragraphs)
    {
        var text = " date 2024-01\n\n" + string.Join("\n\n", paragraphs) + "\n";
        var article = ArticleParser.Parse("001_0123456789abcdef.txt", System.Text.Encoding.UTF8.GetBytes(text)).Article!;
        return string.Join(",", CountryMentions.Count(article).Select(c => c.Iso2).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Congo_alone_in_an_article_about_the_DRC_is_the_DRC()
    {
        Assert.Equal("cd", ArticleCodes("Les combats reprennent dans l'est de la RDC.", "Le Congo accuse le M23 d'avancer vers Goma."));
        Assert.Equal("cd", ArticleCodes("Kinshasa dément.", "Le gouvernement du Congo a réagi."));
        Assert.Equal("cg", ArticleCodes("À Brazzaville, le Congo vote.", "Le Congo attend les résultats."));
        Assert.Equal("cg", ArticleCodes("Le Congo vote dimanche."));
        Assert.Equal("cd,cg", ArticleCodes("La RDC et le Congo-Brazzaville signent un accord."));
    }

    [Fact]
    public void Congo_and_congolais_go_to_the_Congo_whose_towns_and_provinces_the_article_names()
    {
        Assert.Equal("cd", ArticleCodes("Le Congo dénonce une offensive.", "Les rebelles sont aux portes de Goma, dans le Nord-Kivu."));
        Assert.Equal("cg", ArticleCodes("Les électeurs congolais votent.", "À Pointe-Noire, les bureaux ouvrent tôt."));
        Assert.Equal("cg", ArticleCodes("Les électeurs congolais votent.", "À Brazzaville, le calme règne."));
        Assert.Equal("cd", ArticleCodes("L'armée congolaise recule."));
        // One Congo for all the shared words of an article.
        Assert.Equal("cg", ArticleCodes("Le Congo vote.", "Les électeurs congolais attendent."));
    }

    [Theory]
    [InlineData("Bruxelles a salué la formation du gouvernement grec.", "gr")]
    [InlineData("Athènes doit répondre aux exigences de Bruxelles.", "gr")]
    [InlineData("Le sommet se tient à Bruxelles.", "be")]
    [InlineData("Bruxelles et la Wallonie s'opposent au gouvernement belge.", "be")]
    public void Brussels_as_an_actor_is_the_European_Union_and_no_country(string text, string expected) =>
        Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Le berceau de l'Amérique française accueille le forum.", "")]
    [InlineData("L'Afrique portugaise a disparu en 1975.", "")]
    [InlineData("La grammaire et l'orthographe françaises se heurtent aux usages.", "")]
    [InlineData("Le gouvernement français et l'Afrique.", "fr")]
    public void A_demonym_that_qualifies_a_continent_or_a_language_names_no_country(string text, string expected) =>
        Assert.Equal(expected, Codes(text));
}
