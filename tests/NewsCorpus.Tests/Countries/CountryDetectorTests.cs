using NewsCorpus.Countries;
using Xunit.Abstractions;

namespace NewsCorpus.Tests.Countries;

public class CountryDetectorTests(ITestOutputHelper output)
{
    static string Codes(string text) =>
        string.Join(",", CountryDetector.Default.Find(text).Select(m => m.Iso2).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("Le Mali et la Russie renforcent leurs liens.", "ml,ru")]
    [InlineData("La Fédération de Russie et la République du Mali.", "ml,ru")]
    [InlineData("La République française et le Royaume de Belgique.", "be,fr")]
    [InlineData("Les Tuvalu, les Fidji et le Vanuatu.", "fj,tv,vu")]
    [InlineData("LE MALI ET LA RUSSIE SIGNENT UN ACCORD", "ml,ru")]
    [InlineData("le mali et la russie", "ml,ru")]
    public void Finds_names_and_official_names(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Il est arrivé au Mali.", "ml")]
    [InlineData("Il revient du Burkina Faso.", "bf")]
    [InlineData("Elle vit en Russie.", "ru")]
    [InlineData("Ils partent aux États-Unis.", "us")]
    [InlineData("L'Algérie et l'Inde.", "dz,in")]
    [InlineData("Le président d'Égypte.", "eg")]
    [InlineData("Le président d’Égypte et l’Ukraine.", "eg,ua")]
    [InlineData("Jusqu'au Soudan du Sud, lorsqu'Israël répond.", "il,ss")]
    public void Finds_names_after_articles_and_elisions(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Le sommet s'est tenu à Kinshassa la semaine dernière.", "cd")]
    [InlineData("La diplomatie algérinne a répondu.", "dz")]
    [InlineData("Des soldats ukrainiennnes ont été blessés.", "ua")]
    [InlineData("Le gouvernement de Mauritannie a démissionné.", "mr")]
    public void Reads_a_long_country_word_misspelt_by_one_letter(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Françoise Hardy chante ce soir.")]        // a first name one letter from a demonym
    [InlineData("Une salade romaine et du pain.")]         // a French word one letter from a demonym
    [InlineData("Le club a recruté Malli et Irann.")]      // short words have too many neighbours
    public void Leaves_long_words_that_are_something_else_and_short_ones(string text) => Assert.Equal("", Codes(text));

    [Theory]
    [InlineData("la Guinée", "gn")]
    [InlineData("la Guinée-Bissau", "gw")]
    [InlineData("la Guinée Bissau", "gw")]
    [InlineData("la Guinée équatoriale", "gq")]
    [InlineData("la Papouasie-Nouvelle-Guinée", "pg")]
    [InlineData("le Niger", "ne")]
    [InlineData("le Nigeria", "ng")]
    [InlineData("le Nigéria", "ng")]
    [InlineData("le Congo", "cg")]
    [InlineData("le Congo-Brazzaville", "cg")]
    [InlineData("la République démocratique du Congo", "cd")]
    [InlineData("la République du Congo", "cg")]
    [InlineData("les États-Unis", "us")]
    [InlineData("les Etats-Unis", "us")]
    [InlineData("les Etats Unis d'Amérique", "us")]
    [InlineData("les USA", "us")]
    [InlineData("les États-Unis du Mexique", "mx")]
    [InlineData("le Soudan du Sud", "ss")]
    [InlineData("l'Afrique du Sud", "za")]
    [InlineData("l'Irlande du Nord", "gb")]
    [InlineData("la Corée du Nord et la Corée du Sud", "kp,kr")]
    [InlineData("la Côte d'Ivoire", "ci")]
    [InlineData("la Côte d’Ivoire", "ci")]
    public void Prefers_the_longest_name(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Au Burkina, la junte tient.", "bf")]
    [InlineData("Le Faso ne pliera pas.", "bf")]
    [InlineData("La RDC accuse le Rwanda.", "cd,rw")]
    [InlineData("La RCA et la Centrafrique.", "cf")]
    [InlineData("Les Émirats investissent.", "ae")]
    [InlineData("L'Arabie et le Bélarus.", "by,sa")]
    [InlineData("La Birmanie ou Myanmar.", "mm")]
    [InlineData("Le Cap-Vert et la Grande-Bretagne.", "cv,gb")]
    public void Finds_short_forms(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("un soldat malien", "ml")]
    [InlineData("des soldats maliens", "ml")]
    [InlineData("l'armée malienne", "ml")]
    [InlineData("les autorités maliennes", "ml")]
    [InlineData("Les Maliens votent.", "ml")]
    [InlineData("une délégation russe", "ru")]
    [InlineData("des experts russes", "ru")]
    [InlineData("le gouvernement français", "fr")]
    [InlineData("les ressortissants français", "fr")]
    [InlineData("la diplomatie française", "fr")]
    [InlineData("les troupes burkinabè", "bf")]
    [InlineData("le président burkinabé", "bf")]
    [InlineData("des officiers burkinabés", "bf")]
    [InlineData("la population burkinabée", "bf")]
    [InlineData("les autorités burkinabées", "bf")]
    [InlineData("un diplomate émirati", "ae")]
    [InlineData("le président nigérien", "ne")]
    [InlineData("le président nigérian", "ng")]
    [InlineData("une délégation sud-africaine", "za")]
    [InlineData("des Néo-Zélandais", "nz")]
    public void Finds_demonyms(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Il a atterri à Moscou.", "ru")]
    [InlineData("Ouagadougou et Bamako", "bf,ml")]
    [InlineData("Niamey a répondu à Paris.", "fr,ne")]
    [InlineData("Pékin et Washington négocient.", "cn,us")]
    [InlineData("Le Caire, Addis-Abeba et N'Djamena.", "eg,et,td")]
    [InlineData("De Buenos Aires à La Havane.", "ar,cu")]
    [InlineData("Kiev et Londres.", "gb,ua")]
    public void Finds_capitals(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Le Kremlin a démenti.", "ru")]
    [InlineData("L'Élysée a confirmé.", "fr")]
    [InlineData("Le Quai d'Orsay déconseille le voyage.", "fr")]
    [InlineData("La Maison-Blanche a réagi.", "us")]
    [InlineData("La Maison Blanche a réagi.", "us")]
    [InlineData("Le palais de Koulouba a reçu la délégation.", "ml")]
    public void Finds_metonyms(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("les relations russo-maliennes", "ml,ru")]
    [InlineData("les relations russo-burkinabées", "bf,ru")]
    [InlineData("le partenariat franco-malien", "fr,ml")]
    [InlineData("la coopération sino-africaine", "cn")]
    [InlineData("un accord américano-iranien", "ir,us")]
    [InlineData("le couple germano-italien", "de,it")]
    [InlineData("la coopération anglo-française", "fr,gb")]
    [InlineData("l'accord nippo-coréen", "jp")]
    [InlineData("le conflit israélo-palestinien", "il,ps")]
    [InlineData("la frontière malo-burkinabè", "bf,ml")]
    [InlineData("les échanges turco-russes", "ru,tr")]
    [InlineData("le sommet Russie-Afrique", "ru")]
    [InlineData("le sommet Russie Afrique", "ru")]
    [InlineData("l'axe Mali-Burkina-Niger", "bf,ml,ne")]
    public void Finds_both_halves_of_compounds(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("La Somalie a voté.", "so")]
    [InlineData("Les Malinkés chantent.", "")]
    [InlineData("Un opposant biélorusse.", "by")]
    [InlineData("Une salade russe, une roulette russe, des poupées russes et des montagnes russes.", "")]
    [InlineData("Il parle russe et lit en russe un roman traduit du russe.", "")]
    [InlineData("Le texte est en français, en anglais, en arabe, en chinois, en portugais, en espagnol et en allemand.", "")]
    [InlineData("Un livre traduit de l'anglais ; un cours d'anglais.", "")]
    [InlineData("Elle habite au Kremlin-Bicêtre.", "")]
    [InlineData("Un hommage à Maurice Ravel.", "")]
    [InlineData("Dominique Strauss-Kahn a parlé.", "")]
    [InlineData("Une toile de Salvador Dalí.", "")]
    [InlineData("Jordan Bardella a parlé.", "")]
    [InlineData("L'actrice Georgia Scalliet.", "")]
    [InlineData("Israël Katz a menacé le Hezbollah.", "")]
    [InlineData("Le président George Washington.", "")]
    [InlineData("Le Washington Post et les Panama Papers.", "")]
    [InlineData("François Hollande a parlé.", "")]
    [InlineData("L'actrice Philippine Leroy-Beaulieu.", "")]
    [InlineData("Le dictateur Franco est mort en 1975.", "")]
    [InlineData("Il vit à Saint-Malo-de-Guersac.", "")]
    public void Ignores_traps(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("Une grenade a explosé.", "")]
    [InlineData("Un tissu chiné, un jersey bleu, un cas bénin.", "")]
    [InlineData("La réunion des ministres et la ligne de l'équateur.", "")]
    [InlineData("Un chili con carne et un couteau suisse.", "")]
    [InlineData("Il est la tête de Turc du village ; ils marchent en file indienne.", "")]
    [InlineData("Les navires de l'océan Indien et du golfe de Guinée.", "")]
    [InlineData("Le gouvernement turc et le Premier ministre grec.", "gr,tr")]
    [InlineData("Le turc est une langue ; il parle grec ; elle apprend le russe.", "")]
    [InlineData("Le Turc a gagné ; le Français a perdu.", "fr,tr")]
    [InlineData("Il cite la Chine, l'Inde et l'inde.", "cn,in")]
    public void Keeps_common_words_apart_from_countries(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("L'île Maurice et la République de Maurice.", "mu")]
    [InlineData("Il est en vacances à Maurice.", "mu")]
    [InlineData("Un cyclone a frappé la Dominique.", "dm")]
    [InlineData("Un cyclone a frappé la Grenade.", "gd")]
    [InlineData("L'Alhambra de Grenade.", "")]
    [InlineData("Au Salvador, la prison est pleine.", "sv")]
    [InlineData("La Géorgie et l'Arménie.", "am,ge")]
    [InlineData("L'État de Géorgie a voté.", "")]
    [InlineData("Jersey et Guernesey ; le New Jersey.", "gg,je")]
    [InlineData("La Jordanie ; la Réunion ; en Hollande.", "jo,nl,re")]
    public void Resolves_names_shared_with_people_and_places(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Fact]
    public void Reports_offsets_of_each_mention()
    {
        const string text = "Le Kremlin et l'Élysée ; les relations russo-maliennes ; la Guinée-Bissau.";
        var found = CountryDetector.Default.Find(text).Select(m => (m.Iso2, text.Substring(m.Start, m.Length))).ToArray();
        Assert.Equal(
            [("ru", "Kremlin"), ("fr", "Élysée"), ("ru", "russo"), ("ml", "maliennes"), ("gw", "Guinée-Bissau")],
            found);
    }

    [Fact]
    public void Finds_nothing_in_empty_or_unrelated_text()
    {
        Assert.Empty(CountryDetector.Default.Find(""));
        Assert.Empty(CountryDetector.Default.Find("Le conseil municipal a voté le budget."));
    }

    [Fact]
    public void Leaves_no_form_claimed_by_two_countries() => Assert.Empty(CountryDetector.Default.AmbiguousForms);

    [Fact]
    public void Catalog_loads_every_country()
    {
        var catalog = CountryCatalog.Default;
        Assert.Equal(250, catalog.All.Count);
        var mali = catalog.Find("ML");
        Assert.NotNull(mali);
        Assert.Equal(new Country("ml", "MLI", "Mali", "République du Mali", "Africa", "Afrique", "Western Africa"), mali);
        Assert.Same(mali, catalog.Find("ml"));
        Assert.Null(catalog.Find("zz"));
        Assert.All(catalog.All, c => Assert.Equal(c.Iso2.ToLowerInvariant(), c.Iso2));
        Assert.Equal(["Afrique", "Amériques", "Antarctique", "Asie", "Europe", "Océanie"],
            catalog.All.Select(c => c.RegionFr).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_detected_code_is_in_the_catalog()
    {
        const string text = "Le Kremlin, la RDC, les Émirats, russo-malien, Bamako et la Dominique.";
        Assert.All(CountryDetector.Default.Find(text), m => Assert.NotNull(CountryCatalog.Default.Find(m.Iso2)));
    }

    [Fact]
    public void Labelled_sentences_reach_precision_and_recall_of_095()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "countries-labelled.tsv");
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, sentences = 0;
        foreach (var line in File.ReadLines(path).Skip(1))   // header
        {
            if (line.Length == 0) continue;
            var columns = line.Split('\t');
            var expected = columns[1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            var detected = CountryDetector.Default.Find(columns[0]).Select(m => m.Iso2).ToHashSet();
            truePositives += detected.Count(expected.Contains);
            falsePositives += detected.Count(c => !expected.Contains(c));
            falseNegatives += expected.Count(c => !detected.Contains(c));
            if (!detected.SetEquals(expected))
                output.WriteLine($"expected [{columns[1]}] got [{string.Join(",", detected.Order())}]: {columns[0]}");
            sentences++;
        }
        double precision = truePositives / (double)(truePositives + falsePositives);
        double recall = truePositives / (double)(truePositives + falseNegatives);
        output.WriteLine($"{sentences} sentences: precision {precision:F3}, recall {recall:F3} (TP {truePositives}, FP {falsePositives}, FN {falseNegatives})");
        Assert.True(sentences >= 60, $"only {sentences} labelled sentences");
        Assert.True(precision >= 0.95, $"precision {precision:F3}");
        Assert.True(recall >= 0.95, $"recall {recall:F3}");
    }

    [Theory]
    [InlineData("La médaillée d'argent des jeux de Beyrouth se plaint.", "")]
    [InlineData("Le protocole de Kyoto et les accords d'Oslo.", "")]
    [InlineData("Le sommet de Dakar s'ouvre au Sénégal.", "sn")]
    [InlineData("Un attentat à Beyrouth.", "lb")]
    public void A_capital_naming_an_event_or_agreement_is_not_the_country(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("La langue cocktail rassemble français, anglais et réalités du terroir.", "")]
    [InlineData("Troisième langue d'usage après l'anglais et l'allemand.", "")]
    [InlineData("Les ministres français et allemand se rencontrent.", "de,fr")]
    [InlineData("Le gouvernement français et l'armée malienne.", "fr,ml")]
    [InlineData("Les soldats français, allemands et italiens.", "de,fr,it")]
    public void Language_words_listed_together_are_languages(string text, string expected) => Assert.Equal(expected, Codes(text));

    [Theory]
    [InlineData("La console sortira en Europe et au Japon, et en Amérique le 18 août.", "jp")]
    [InlineData("L'Amérique vote : les électeurs américains choisissent.", "us")]
    [InlineData("De retour d'Amérique, il parle des États-Unis.", "us")]
    public void America_names_the_United_States_only_with_other_evidence(string text, string expected) => Assert.Equal(expected, Codes(text));
}
