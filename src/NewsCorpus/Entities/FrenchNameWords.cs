namespace NewsCorpus.Entities;

/// <summary>
/// Word lists the extractor's heuristics rely on, all folded (lower case, no accents) because that is how
/// tokens are looked up. Language knowledge lives here; corpus-specific names live in entity-aliases.txt.
/// </summary>
internal static class FrenchNameWords
{
    /// <summary>Words that are capitalised at the start of a sentence or heading but never start a name.</summary>
    public static readonly HashSet<string> NotNames = Set("""
        le la les l un une des du de d au aux ce cet cette ces celui celle ceux celles ca cela ceci
        il ils elle elles on nous vous je tu lui leur leurs son sa ses notre nos votre vos mon ma mes
        qui que quoi quel quelle quels quelles dont ou et mais or donc ni car si comme quand lorsque puisque
        dans en par pour sur sous avec sans selon vers depuis pendant avant apres entre contre chez malgre
        durant lors face outre parmi envers via hormis sauf des jusque jusqu a
        tout tous toute toutes chaque plusieurs certains certaines aucun aucune autre autres meme memes tel telle
        ainsi alors aussi aujourd hier demain deja encore enfin ensuite egalement parallelement recemment
        actuellement desormais notamment neanmoins pourtant toutefois cependant cependant puis enfin bref
        surtout seulement finalement justement d'ailleurs ailleurs par-ailleurs outre-mer en-outre
        oui non pas plus moins tres trop peu beaucoup bien mal ici la-bas voici voila
        premier premiere premiers deuxieme troisieme dernier derniere derniers nouveau nouvelle nouveaux
        grand grande grands grandes petit petite haut haute
        un deux trois quatre cinq six sept huit neuf dix cent mille million millions milliard milliards
        janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
        lundi mardi mercredi jeudi vendredi samedi dimanche
        monsieur madame mademoiselle messieurs mesdames
        etat etats gouvernement gouvernements transition republique nation nations patrie peuple
        president presidente ministre ministres premier chef directeur secretaire ambassadeur general
        capitaine colonel commandant lieutenant sergent
        dieu allah islam internet covid
        publicite photo video lire aussi source sources
        cooperation securite sante defense energie education culture economie politique diplomatie
        conclusion introduction contexte analyse entretien interview resume
        nord sud est ouest centre
        africains africaines europeens europeennes occidentaux occidentales saheliens sahelienne soviets
        """);

    /// <summary>
    /// Titles and roles that announce a person and are not part of the name. Several words are matched as a
    /// sequence ("premier ministre", "chef d'etat-major"): see <see cref="TitlePhrases"/>.
    /// </summary>
    public static readonly string[][] TitlePhrases = Phrases("""
        capitaine|colonel|colonel major|general|general de division|general de brigade|general d armee|
        lieutenant|lieutenant colonel|commandant|sergent|adjudant|marechal|amiral|caporal|soldat|
        president|presidente|vice president|president de la transition|president du faso|president de la republique|
        chef de l etat|chef d etat major|chef d etat major general des armees|chef du gouvernement|chef de la diplomatie|
        ministre|ministres|vice ministre|vice ministres|premier ministre|ministre d etat|
        secretaire general|secretaire d etat|porte parole|ambassadeur|ambassadrice|consul|
        directeur|directrice|directeur general|directrice generale|pdg|patron|
        m|mme|mlle|me|dr|docteur|pr|professeur|monsieur|madame|mr|mrs|sir|lord|
        imam|abbe|pere|monseigneur|mgr|
        depute|senateur|gouverneur|prefet|maire|juge|procureur|
        opposant|journaliste|chercheur|expert|analyste|homologue
        """);

    /// <summary>Words that may follow a role after "de/du/des/d'" without being a name: "Ministre de la Défense et des Anciens Combattants".</summary>
    public static readonly HashSet<string> RoleDomains = Set("""
        defense affaires etrangeres exterieures interieur etat transition sante economie finances justice
        energie energies mines securite anciens combattants communication cooperation internationale international
        administration territoriale education nationale culture agriculture commerce industrie transports
        infrastructures armee armees urbanisme enseignement superieur recherche scientifique travail emploi
        jeunesse sports femme femmes famille enfant environnement eau assainissement hydraulique elevage peche
        tourisme reconciliation paix refondation numerique postes developpement protection civile civil
        religieux cultes droits homme fonction publique reformes politiques institutionnelles integration
        africaine africain maliens etablis exterieur budget plan prospective gouvernement republique faso
        conseil legislatif assemblee senat etat-major major general generale generaux terre air nucleaire
        atomique renouvelables petrole gaz diplomatie delegation russe russes ambassade chancellerie
        solidarite action humanitaire sociale social logement catastrophes crise siege fondation sciences
        technologies information communication medias relations institutions transports mobilite urbaine
        secteur financier bancaire
        """);

    /// <summary>Words that start an organisation's name: "Ministère de la Défense", "Forces Armées Nationales".</summary>
    public static readonly HashSet<string> OrganisationHeads = Set("""
        agence groupe ministere ministeres societe compagnie banque fonds organisation forces force armee
        union conseil assemblee universite institut commission parti front mouvement coalition alliance
        corps centre hopital fondation association direction etat-major cour tribunal communaute programme
        office bureau academie ecole federation confederation syndicat entreprise corporation holding
        gendarmerie police garde brigade bataillon regiment division escadron service services autorite reseau
        caisse commissariat haut-commissariat observatoire gauche droite journal gazette revue radio chaine
        television
        ambassade consulat chambre senat parlement comite secretariat delegation mission croix congres
        """);

    /// <summary>Lower-case words just before a name that say it is an organisation: "l'agence russe Rosatom".</summary>
    public static readonly HashSet<string> OrganisationCues = Set("""
        agence groupe societe compagnie banque fonds organisation entreprise firme conglomerat mouvement parti
        milice coalition alliance chaine journal quotidien hebdomadaire media site radio television agences
        groupes societes compagnies organisations syndicat syndicats secte sectes ong association federation
        confederation fondation institut laboratoire constructeur avionneur operateur editeur fabricant assureur
        transporteur magazine mensuel club
        """);

    /// <summary>
    /// Plural nouns of the people a group is made of: "les membres d'Ansar Eddine", "les combattants du MNLA".
    /// After them and "de", a name is the group's (a first name is still a person's: the extractor asks first).
    /// </summary>
    public static readonly HashSet<string> GroupMemberNouns = Set("""
        membres militants combattants islamistes jihadistes djihadistes rebelles miliciens adherents syndiques
        salaries employes dirigeants responsables fondateurs actionnaires
        """);

    /// <summary>
    /// Lower-case words just before a name (or before "de" and the name) that say it names a thing, not an actor:
    /// a vessel, a machine, a program, a storm ("le paquebot Titanic", "l'accélérateur de particules LHC", "le
    /// naufrage du Titanic", "le programme ACE", "les accords d'Évian", "l'ouragan Sandy").
    /// </summary>
    public static readonly HashSet<string> ThingCues = Set("""
        paquebot paquebots navire navires bateau bateaux cargo cargos ferry sous-marin porte-avions fregate fregates
        naufrage naufrages abordage accelerateur accelerateurs collisionneur detecteur detecteurs telescope satellite satellites sonde sondes
        fusee fusees robot console consoles ordinateur ordinateurs calculateur logiciel logiciels programme
        programmes modele modeles avion avions helicoptere vol vols appareil appareils vaccin medicament missile
        missiles ouragan ouragans cyclone tempete typhon boson particule mecanisme theoreme theorie accords accord
        traite protocole operation plan serie series feuilleton film films emission emissions livre livres roman
        romans album albums chanson chansons spectacle opera baptise baptisee baptises baptisees
        """);

    /// <summary>Events held in a place, whose complement is that place: "le tournoi de Wimbledon", "le festival de Cannes".</summary>
    public static readonly HashSet<string> EventNouns = Set("""
        tournoi tournois festival festivals sommet sommets jeux marathon salon championnat championnats rallye open
        """);

    /// <summary>Words just before a name that say it is a place: "à Kidal", "la région de Kidal".</summary>
    public static readonly HashSet<string> PlaceCues = Set("""
        a au en vers ville villes region regions localite localites village villages commune communes cercle
        province provinces capitale departement quartier camp base aeroport port fleuve lac mont desert
        """);

    /// <summary>
    /// Lower-case generic words that belong to the name they precede ("l'hôpital Yalgado Ouédraogo",
    /// "la place Rouge"), unlike cues such as "l'agence Rosatom".
    /// </summary>
    public static readonly Dictionary<string, EntityKind> FacilityHeads = new(StringComparer.Ordinal)
    {
        ["hopital"] = EntityKind.Organisation, ["universite"] = EntityKind.Organisation, ["lycee"] = EntityKind.Organisation,
        ["ecole"] = EntityKind.Organisation, ["clinique"] = EntityKind.Organisation,
        ["place"] = EntityKind.Place, ["stade"] = EntityKind.Place, ["aeroport"] = EntityKind.Place, ["avenue"] = EntityKind.Place,
        ["boulevard"] = EntityKind.Place, ["rue"] = EntityKind.Place, ["pont"] = EntityKind.Place, ["barrage"] = EntityKind.Place,
        ["mine"] = EntityKind.Place, ["mosquee"] = EntityKind.Place, ["eglise"] = EntityKind.Place,
        ["cathedrale"] = EntityKind.Place, ["basilique"] = EntityKind.Place, ["chateau"] = EntityKind.Place,
        ["palais"] = EntityKind.Place, ["gare"] = EntityKind.Place, ["parc"] = EntityKind.Place, ["theatre"] = EntityKind.Place,
        ["pavillon"] = EntityKind.Place, ["site"] = EntityKind.Place, ["quai"] = EntityKind.Place, ["musee"] = EntityKind.Organisation,
    };

    /// <summary>Head words that name a country's assembly on their own: "le Sénat", "le Parlement".</summary>
    public static readonly HashSet<string> Assemblies = Set("senat parlement assemblee congres");

    /// <summary>Lower-case words for a venue that a name follows, directly or after "des/du": "le centre des Congrès".</summary>
    public static readonly HashSet<string> VenueHeads = Set("centre salle maison");

    /// <summary>
    /// Acronyms of ordinary life (economy, work, health, everyday objects, units): written in capitals like an
    /// organisation's initials, but naming a thing, not an actor.
    /// </summary>
    public static readonly HashSet<string> CommonAcronyms = Set("""
        pib pnb tva smic isf ir csg rsa rmi apl caf cdi cdd pme tpe eti ivg pma gpa sms mms ong avc irm adn arn vih
        sida ogm pc cv gps sd ds xl xxl tgv ter rer hlm pdg drh rtt btp qi pv rib ttc ht uv led usb dvd cd tv hd
        ia km kg cm mm mw kw gw tw ko mo go utc gmt bac bts dut cap cm1 cm2 ehpad samu smur vtc suv jo jt
        """);

    /// <summary>Words that open the name of an event, which is none of the three kinds: "Jeux olympiques", "Coupe du monde".</summary>
    public static readonly HashSet<string> EventHeads = Set("""
        jeux coupe championnat championnats festival forum sommet journee journees salon euro mondial guerre
        printemps operation exposition conference conferences biennale foire rencontres marche concours grand-prix
        """);

    /// <summary>English words that make a name an organisation's: "Allen Institute", "Human Rights Watch".</summary>
    public static readonly HashSet<string> EnglishOrganisationWords = Set("""
        institute foundation council corporation company group inc ltd university museum airlines airways bank
        watch news times post press view party association agency fund society trust club league records studios
        telecom electronics systems motors technologies pictures entertainment arena stadium
        """);

    /// <summary>Continents, oceans, seas and large regions: places no commune list holds.</summary>
    public static readonly HashSet<string> WorldRegions = Set("""
        europe afrique asie amerique ameriques oceanie antarctique arctique eurasie mediterranee maghreb machrek
        sahel sahara proche-orient moyen-orient extreme-orient balkans caucase caraibes scandinavie patagonie
        atlantique pacifique occident orient levant indochine siberie oural
        """);

    /// <summary>
    /// Lower-case words before a single capitalised word that make it a person's surname: "le gouvernement
    /// Ayrault", "l'affaire Merah", "la famille Bettencourt".
    /// </summary>
    public static readonly HashSet<string> PersonCues = Set("gouvernement affaire famille clan epouse veuve fils fille");

    /// <summary>Words that start a place name: "Saint-Pétersbourg", "Lac Tchad".</summary>
    public static readonly HashSet<string> PlaceHeads = Set("saint sainte san santa lac mont golfe cap ile iles port fort");

    /// <summary>Lower-case words allowed inside a person's name: "Iyad ag Ghaly", "Ould Cheikh".</summary>
    public static readonly HashSet<string> PersonParticles = Set("ag ould ben bin ibn al el von van der dos da di");

    /// <summary>First names frequent in this corpus' news: a capitalised word sequence starting with one is a person.</summary>
    public static readonly HashSet<string> FirstNames = Set("""
        vladimir sergei serguei dmitri dmitry evgueni ievgueni yevgeny alexandre alexander alexei alexeï
        andrei andrey mikhail nikolai oleg igor ivan pavel maria anna elena yunus iounous iounous-bek
        ibrahim assimi abdoulaye moussa mamadou amadou sadio kassoum choguel apollinaire boubacar modibo ismael
        ismail issa oumar omar ousmane aliou alioune bakary bassolma karim adama seydou souleymane salif
        mahamadou mohamed mohammed ahmed abdel abdou hamidou daouda lassina yacouba fatoumata aminata mariam
        aissata kadiatou rokia awa oumou abdourahamane tiemoko idrissa ismaila bamba yao sidi cheick iyad
        abdelkader emmanuel jean pierre paul jacques francois nicolas antonio josep ursula charles joe donald
        joseph kamala olaf xi narendra recep abdel-fattah mahamat faure patrice macky bola paul-henri sergey
        roch marc christian blaise thomas yusuf kemi bruno marine eric dominique michel
        """);

    /// <summary>The single words of <see cref="TitlePhrases"/> that a complement follows: "secrétaire général de la Francophonie".</summary>
    public static readonly HashSet<string> TitleWords = TitlePhrases.SelectMany(p => p)
        .Where(w => w.Length > 3 && w is not ("etat" or "major" or "armee" or "armees" or "republique" or "transition"
            or "gouvernement" or "diplomatie" or "faso" or "division" or "brigade" or "generale"))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Titles whose complement is a place: "le maire de Noyal", "le préfet de Corse".</summary>
    public static readonly HashSet<string> PlaceTitles = Set("maire prefet gouverneur depute senateur consul ambassadeur ambassadrice juge procureur");

    /// <summary>Lower-case connectors that may join the words of an organisation or place name.</summary>
    public static bool IsNameConnector(string folded) => folded is "de" or "du" or "des" or "la" or "le" or "les";

    static HashSet<string> Set(string words) =>
        new(words.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    static string[][] Phrases(string text) =>
        text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 0)
            .ToArray();
}
