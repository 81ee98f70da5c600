namespace NewsCorpus.Countries;

/// <summary>
/// Curated forms that countries-fr.json lacks or gets wrong for running French news text. Kept as one text
/// table so that it reads like data and needs no build change; <see cref="CountryLexicon"/> parses it.
/// </summary>
internal static class CountryOverlay
{
    /// <summary>
    /// One entry per line: <c>kind | ISO2 | form, form, … | flags</c>; "#" starts a comment. Forms are written as
    /// in text; matching folds case and accents and treats a hyphen like a space, so "Etats Unis" matches
    /// "États-Unis". An entry replaces whatever the data generated for the same words.
    ///
    /// Kinds:
    ///   name, capital, metonym   proper nouns; by default any case, and when a single word, rejected when a
    ///                            capitalised word follows (a surname or a brand: "Panama Papers") unless that word
    ///                            starts another form or is a continent (sommet Russie Afrique)
    ///   demonym                  adjective or noun of nationality; its plural (+s unless it ends in s/x/z) is added
    ///   acronym                  case-sensitive (USA, not the verb "usa")
    ///   prefix                   first half of a hyphenated compound: russo-malien, sino-africain; counts only when a
    ///                            hyphen follows and it does not itself follow a hyphen (Saint-Malo-de-Guersac)
    ///   block                    a phrase that names no country; it swallows its words, so the longest match wins
    ///                            ("salade russe", "Kremlin-Bicêtre", "océan Indien")
    ///   drop                     removes a form generated from the data
    ///   language, languagecue    every cue followed by every language word is blocked: "en russe", "traduit du russe"
    ///
    /// Flags:
    ///   cap        words spelled with a capital must be capitalised in the text (the lower-case word is common French)
    ///   lower      the last word must be in lower case in the text
    ///   exact      case-sensitive
    ///   guard      reject when a capitalised word follows (default for one-word name, capital, metonym); noguard turns it off
    ///   person     also reject when a capitalised word precedes mid-sentence (George Washington)
    ///   after=a,b  the word just before must be one of these (compared folded)
    /// </summary>
    public const string Text = """
        # ---- Names the data lacks, short forms, and repairs ---------------------------------------------------
        name | BF | Burkina, Faso, Haute-Volta
        name | CD | RD Congo, RDCongo, Congo-Kinshasa
        acronym | CD | RDC
        name | CG | Congo-Brazzaville
        name | CF | Centrafrique
        acronym | CF | RCA
        name | GN | Guinée-Conakry
        name | US | Amérique
        acronym | US | USA
        name | GB | Grande-Bretagne, Angleterre, Écosse, Pays de Galles, Irlande du Nord
        acronym | GB | UK
        name | AE | Émirats, Émirats arabes
        acronym | AE | EAU
        name | SA | Arabie
        name | BY | Bélarus
        name | MM | Myanmar
        name | CZ | République tchèque
        name | CV | Cap-Vert
        name | TL | Timor-Leste
        name | VN | Vietnam
        name | SZ | Swaziland
        name | HK | Hongkong
        name | MD | Moldova
        name | BA | Bosnie
        name | KG | Kirghizstan, Kirghizie
        name | IQ | Iraq
        name | ST | São Tomé
        name | PR | Puerto Rico
        name | PW | Palaos, Palau
                name | CC | îles Cocos
        name | SH | Sainte-Hélène
        name | SJ | Svalbard
        name | FK | Malouines
        name | FO | Féroé
        name | KY | Caïmans | cap
        name | VA | Vatican, Saint-Siège
        name | MK | Macédoine | cap
        name | NL | Hollande | cap person after=la,en

        # Two data entries share one name; the French Saint-Martin is the one texts mean.
        name | MF | Saint-Martin

        # ---- Names that are also common words or first names --------------------------------------------------
        # Lower case these are ordinary words (chiné, bénin, grenade, réunion, équateur, jersey…): require the capital.
        name | CN | Chine | cap
        name | BJ | Bénin | cap
        name | CL | Chili | cap
        name | PA | Panama | cap
        name | EC | Équateur | cap
        name | CY | Chypre | cap
        name | MT | Malte | cap
        name | SE | Suède | cap
        name | JE | Jersey | cap
        name | GG | Guernesey | cap
        name | AQ | Antarctique | cap
        name | TT | Trinité-et-Tobago | cap
        # First names: Maurice Ravel, Dominique Strauss-Kahn, Salvador Dalí, Israël Katz. Alone, Maurice counts only
        # after "à"/"de" (à Maurice, le gouvernement de Maurice) and Dominique only as "la Dominique"; "île Maurice"
        # and "République de Maurice" need no cue. The Spanish city Grenade takes no article, the island "la Grenade".
        name | MU | Maurice | cap person after=à,de
        name | DM | Dominique | cap person after=la
        name | GD | Grenade | cap after=la
        name | SV | Salvador | cap person
        name | IL | Israël | cap person
        name | GE | Géorgie | cap person
        # The Réunion island is "La Réunion"; "la réunion des ministres" is a meeting.
        drop | - | Réunion
        name | RE | la Réunion | cap

        # ---- Demonyms the data lacks, and conflicts between two territories -----------------------------------
        demonym | BF | burkinabè, burkinabé, burkinabée
        demonym | AE | émirati, émiratie
        demonym | QA | qatari, qatarie
        demonym | GB | anglais, anglaise
        demonym | NL | hollandais, hollandaise
        demonym | CR | costaricien, costaricienne
        demonym | CY | cypriote
        demonym | TJ | tadjik
        demonym | SZ | swazi
        demonym | IQ | iraquien, iraquienne
        demonym | BD | bangladeshi
        demonym | LV | lettonne
        demonym | KE | kenyan, kenyane
        # Shared by two territories in the data; the sovereign state is what texts mean.
        demonym | US | américain, américaine
        demonym | NL | néerlandais, néerlandaise
        demonym | FR | français, française
        demonym | WS | samoan, samoane
        demonym | MF | saint-martinois, saint-martinoise
        # Congolais is said of both Congos; Kinshasa's is far more often in the news.
        demonym | CD | congolais, congolaise
        # Malouin is also who lives in Saint-Malo; Philippine is also a first name.
        drop | - | malouin, malouins, malouinne, malouinnes
        demonym | PH | philippine | person

        # ---- Capitals (and seats of government) -------------------------------------------------------------
        # Africa
        capital | ML | Bamako
        capital | BF | Ouagadougou, Ouaga
        capital | NE | Niamey
        capital | SN | Dakar
        capital | MR | Nouakchott
        capital | GN | Conakry
        capital | GW | Bissau
        capital | GM | Banjul
        capital | SL | Freetown
        capital | LR | Monrovia
        capital | CI | Yamoussoukro
        capital | GH | Accra
        capital | TG | Lomé
        capital | BJ | Porto-Novo, Cotonou
        capital | NG | Abuja
        capital | TD | N'Djamena, Ndjamena
        capital | CM | Yaoundé
        capital | CF | Bangui
        capital | GA | Libreville
        capital | GQ | Malabo
        capital | CG | Brazzaville
        capital | CD | Kinshasa
        capital | AO | Luanda
        capital | CV | Praia
        capital | DZ | Alger
        capital | MA | Rabat | cap
        capital | TN | Tunis
        capital | LY | Tripoli
        capital | EG | Le Caire, Caire
        capital | SD | Khartoum
        capital | SS | Djouba, Juba
        capital | ET | Addis-Abeba
        capital | ER | Asmara
        capital | SO | Mogadiscio, Mogadishu
        capital | KE | Nairobi
        capital | UG | Kampala
        capital | RW | Kigali
        capital | BI | Gitega, Bujumbura
        capital | TZ | Dodoma
        capital | MW | Lilongwe
        capital | ZM | Lusaka
        capital | ZW | Harare
        capital | MZ | Maputo
        capital | BW | Gaborone
        capital | NA | Windhoek
        capital | ZA | Pretoria
        capital | LS | Maseru
        capital | SZ | Mbabane
        capital | MG | Antananarivo, Tananarive
        capital | KM | Moroni
        capital | MU | Port-Louis
        # Europe
        capital | RU | Moscou
        capital | FR | Paris | cap person
        capital | GB | Londres
        capital | DE | Berlin
        capital | IT | Rome
        capital | ES | Madrid
        capital | PT | Lisbonne
        capital | BE | Bruxelles
        capital | NL | Amsterdam
        capital | CH | Berne | cap
        capital | AT | Vienne | cap
        capital | PL | Varsovie
        capital | CZ | Prague
        capital | HU | Budapest
        capital | SK | Bratislava
        capital | SI | Ljubljana
        capital | HR | Zagreb
        capital | RS | Belgrade
        capital | BA | Sarajevo
        capital | ME | Podgorica
        capital | MK | Skopje
        capital | AL | Tirana
        capital | XK | Pristina
        capital | GR | Athènes
        capital | BG | Sofia | person
        capital | RO | Bucarest
        capital | MD | Chisinau, Kichinev
        capital | UA | Kiev, Kyiv
        capital | BY | Minsk
        capital | LT | Vilnius
        capital | LV | Riga
        capital | EE | Tallinn
        capital | FI | Helsinki
        capital | SE | Stockholm
        capital | NO | Oslo
        capital | DK | Copenhague
        capital | IS | Reykjavik
        capital | IE | Dublin
        capital | MT | La Valette
        capital | CY | Nicosie
        capital | LI | Vaduz
        capital | AD | Andorre-la-Vieille
        # Asia
        capital | CN | Pékin, Beijing
        capital | JP | Tokyo
        capital | KR | Séoul
        capital | KP | Pyongyang
        capital | TW | Taipei
        capital | MN | Oulan-Bator
        capital | IN | New Delhi, Delhi
        capital | PK | Islamabad
        capital | AF | Kaboul
        capital | BD | Dacca, Dhaka
        capital | NP | Katmandou
        capital | LK | Colombo
        capital | VN | Hanoï
        capital | TH | Bangkok
        capital | LA | Vientiane
        capital | KH | Phnom Penh
        capital | MM | Naypyidaw
        capital | MY | Kuala Lumpur
        capital | ID | Jakarta
        capital | PH | Manille
        capital | KZ | Astana
        capital | UZ | Tachkent
        capital | KG | Bichkek
        capital | TJ | Douchanbé
        capital | TM | Achgabat
        capital | IR | Téhéran
        capital | IQ | Bagdad
        capital | SY | Damas | cap
        capital | LB | Beyrouth
        capital | JO | Amman
        capital | SA | Riyad, Riyadh
        capital | BH | Manama
        capital | QA | Doha
        capital | AE | Abou Dhabi, Abu Dhabi
        capital | OM | Mascate
        capital | YE | Sanaa
        capital | TR | Ankara
        capital | GE | Tbilissi
        capital | AM | Erevan
        capital | AZ | Bakou
        # Americas and Oceania
        capital | US | Washington | cap person
        capital | CA | Ottawa
        capital | MX | Mexico
        capital | CU | La Havane
        capital | HT | Port-au-Prince
        capital | DO | Saint-Domingue
        capital | VE | Caracas
        capital | CO | Bogota
        capital | EC | Quito
        capital | PE | Lima
        capital | BR | Brasilia
        capital | AR | Buenos Aires
        capital | CL | Santiago du Chili
        capital | UY | Montevideo
        capital | PY | Asuncion
        capital | BO | La Paz
        capital | NI | Managua
        capital | HN | Tegucigalpa
        capital | SV | San Salvador
        capital | AU | Canberra
        capital | NZ | Wellington
        capital | PG | Port Moresby
        capital | FJ | Suva

        # ---- Metonyms: seats of power named for the government -------------------------------------------------
        metonym | RU | Kremlin | cap
        metonym | FR | Élysée, quai d'Orsay | cap
        metonym | FR | Matignon | cap person
        metonym | US | Maison-Blanche, Pentagone, département d'État | cap
        metonym | GB | Downing Street
        metonym | CN | Zhongnanhai
        metonym | ML | Koulouba
        metonym | BF | Kosyam
        metonym | DE | Bundestag
        metonym | IL | Knesset

        # ---- Compound prefixes ----------------------------------------------------------------------------------
        prefix | RU | russo
        prefix | FR | franco
        prefix | CN | sino
        prefix | US | américano
        prefix | DE | germano
        prefix | IT | italo
        prefix | GB | anglo, britanno
        prefix | JP | nippo
        prefix | IL | israélo
        prefix | IR | irano
        prefix | TR | turco
        prefix | ML | malo
        prefix | BE | belgo
        prefix | ES | hispano
        prefix | PT | luso
        prefix | GR | gréco, helléno
        prefix | IN | indo
        prefix | AT | austro
        prefix | PL | polono
        prefix | UA | ukraino
        prefix | SY | syro
        prefix | LB | libano
        prefix | EG | égypto
        prefix | CA | canado
        prefix | MX | mexicano
        prefix | CU | cubano
        prefix | CO | colombo
        prefix | VE | vénézuélo
        prefix | PK | pakistano
        prefix | AF | afghano
        prefix | PS | palestino
        prefix | JO | jordano
        prefix | TN | tuniso
        prefix | DZ | algéro
        prefix | MA | maroco
        prefix | MR | mauritano
        prefix | NE | nigéro
        prefix | CI | ivoiro
        prefix | SN | sénégalo
        prefix | GN | guinéo
        prefix | TD | tchado
        prefix | SD | soudano
        prefix | SO | somalo
        prefix | RW | rwando
        prefix | AM | arméno
        prefix | KR | coréano
        prefix | VN | viêtnamo
        prefix | SE | suédo
        prefix | NL | néerlando
        prefix | CH | helvético

        # ---- Phrases that name no country -----------------------------------------------------------------------
        # Russia that is not Russia.
        block | - | salade russe, salades russes, roulette russe, poupée russe, poupées russes, montagne russe, montagnes russes
        block | - | Kremlin-Bicêtre, Le Kremlin-Bicêtre
        # Idioms and fixed phrases built on a demonym or a name.
        block | - | tête de Turc, têtes de Turc, bain turc, bains turcs, café turc
        block | - | couteau suisse, couteaux suisses, petit-suisse, petits-suisses
        block | - | clé anglaise, clés anglaises, clef anglaise, à l'anglaise, filer à l'anglaise
        block | - | à la française, à l'italienne, à l'américaine, à la russe, à la chinoise
        block | - | file indienne, océan Indien, Indiens d'Amérique, Indiennes d'Amérique
        block | - | cochon d'Inde, cochons d'Inde, encre de Chine, ombres chinoises, casse-tête chinois, casse-têtes chinois
        block | - | berger allemand, bergers allemands, berger belge, bergers belges, sauce hollandaise
        block | - | chou de Bruxelles, choux de Bruxelles, chili con carne
        block | - | anglo-saxon, anglo-saxonne, anglo-saxons, anglo-saxonnes, anglo-normand, anglo-normande, anglo-normands, anglo-normandes
        block | - | gréco-romain, gréco-romaine, gréco-romains, gréco-romaines, serbo-croate
        block | - | indo-européen, indo-européenne, indo-européens, indo-européennes, Indo-Pacifique, indo-pacifique
        block | - | latino-américain, latino-américaine, latino-américains, latino-américaines
        block | - | sud-américain, sud-américaine, sud-américains, sud-américaines
        block | - | nord-américain, nord-américaine, nord-américains, nord-américaines
        block | - | Amérique latine, Amérique du Sud, Amérique du Nord, Amérique centrale, Amériques
        # Places that share a country's name.
        block | - | golfe de Guinée, Nouvelle-Guinée, fleuve Niger, delta du Niger, New Jersey, État de Géorgie
        block | - | Salvador de Bahia, palais du Luxembourg, jardin du Luxembourg
        # Organisations and media named after a country or capital.
        block | - | France 24, France 2, France 3, France 5, Agence France-Presse, France Presse, Air France, Radio France
        block | - | Paris Saint-Germain, Paris SG, accord de Paris, accords de Paris

        # The language rather than the country: "en russe", "parle russe", "traduit de l'anglais".
        languagecue | - | en, parle, parlent, parler, parlait, parlaient, parlant, parlé, langue, langues
        languagecue | - | traduit du, traduit de, traduite du, traduite de, traduits du, traduction du, traduction de
        languagecue | - | apprendre le, apprend le, apprennent le, enseigner le, enseigne le, version
        languagecue | - | cours de, cours d', professeur de, professeur d', traduit de l', traduction de l'
        # What a language has: "l'orthographe française", "la grammaire anglaise".
        languagecue | - | grammaire, orthographe, syntaxe, conjugaison, prononciation, vocabulaire, dictionnaire
        # "le turc", "du russe" in lower case are the language; "le Turc" is a person.
        languagecue | - | le, du | lower
        language | - | russe, français, française, anglais, anglaise, chinois, portugais, portugaise, espagnol, espagnole
        language | - | allemand, allemande, italien, italienne, japonais, turc, grec, néerlandais, polonais, ukrainien
        language | - | coréen, hongrois, roumain, suédois, danois, norvégien, tchèque, bulgare, serbe, croate, albanais
        language | - | arménien, géorgien, vietnamien, malgache, persan, hébreu, mongol, letton, lituanien, estonien
        """;
}
