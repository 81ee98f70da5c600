using System.Text;

namespace NewsCorpus.Entities;

public sealed partial class EntityExtractor
{
    /// <summary>Where names start and end: titles, heads, connectors, hyphens, the words a name may hold.</summary>
    sealed partial class Pass
    {
        bool Joined(int k) => words[k].JoinBefore != Join.Break;

        bool IsNameStart(int k) =>
            words[k].Capitalised && !words[k].Digit && (!FrenchNameWords.NotNames.Contains(folded[k]) || IsAcronymOfName(k)) && !IsRomanOrdinal(k)
            && (CountryAt(k) == 0 || CountryOpensName(k));

        // "SUD-PTT", "le syndicat SUD": a word in capitals that is otherwise a common word ("sud") is an acronym when
        // another acronym is hyphened to it or an organisation's cue word precedes it.
        bool IsAcronymOfName(int k) =>
            words[k].AllCaps && !words[k].Heading && words[k].Length >= 3
            && (k + 1 < WordCount && words[k + 1].JoinBefore == Join.Hyphen && words[k + 1].AllCaps
                || k > 0 && Joined(k) && FrenchNameWords.OrganisationCues.Contains(folded[k - 1]) && !words[k - 1].Capitalised);

        // "France Télécom", "France 5": a one-word country directly followed by a capitalised word that names no
        // country, or by a short number, is the start of a brand, not the country.
        bool CountryOpensName(int k)
        {
            if (CountryAt(k) != 1 || k + 1 >= WordCount || words[k + 1].JoinBefore != Join.Space) return false;
            // "l'Américain Pete Selleck": after an article the word is a nationality, and a name follows it.
            if (k > 0 && folded[k - 1] is "le" or "la" or "l" or "les" or "un" or "une" or "du" or "des" or "au" or "aux" || IsFirstName(k + 1)) return false;
            var next = words[k + 1];
            return next.Digit ? next.Length <= 3 && !IsNumberFollowedByUnit(k + 1)
                : next.Capitalised && !next.SentenceStart && CountryAt(k + 1) == 0
                  && (!FrenchNameWords.NotNames.Contains(folded[k + 1]) || FrenchNameWords.RoleDomains.Contains(folded[k + 1]));
        }

        // "France 2 millions": a number that counts something is not part of a name.
        bool IsNumberFollowedByUnit(int k) => k + 1 < WordCount && Joined(k + 1) && !words[k + 1].Capitalised;

        // "XVe siècle", "Ve République": a roman numeral in capitals with an ordinal ending ("Ille" is a name).
        bool IsRomanOrdinal(int k)
        {
            var f = folded[k];
            int end = f.EndsWith("eme") ? f.Length - 3 : f.EndsWith("er") ? f.Length - 2 : f.EndsWith('e') ? f.Length - 1 : -1;
            if (end <= 0 || end > words[k].Length) return false;
            // One letter: "Ve", "Xe", "Ier"; "Le" is an article.
            if (end == 1 && !(text[words[k].Start] is 'V' or 'X' || text[words[k].Start] == 'I' && f.EndsWith("er"))) return false;
            for (int c = 0; c < end; c++) if (text[words[k].Start + c] is not ('I' or 'V' or 'X' or 'L' or 'C')) return false;
            return true;
        }

        int CountryAt(int k) => extractor.countries.Match(folded, k, Joined, out _);

        public List<EntityMention> Run()
        {
            int i = 0;
            while (i < WordCount)
            {
                int country = CountryAt(i);
                int known = words[i].Capitalised || words[i].AllCaps || words[i].Heading ? extractor.knownNames.Match(folded, i, Joined, out _) : 0;
                if (country > 0 && country >= known && !CountryOpensName(i))
                {
                    // "France-Afrique", "Chine-Afrique": a country hyphened to a continent names a relation, not a place.
                    i += country;
                    if (i < WordCount && words[i].JoinBefore == Join.Hyphen && FrenchNameWords.WorldRegions.Contains(folded[i])) i++;
                    continue;
                }

                int title = TitleAt(i);
                if (title > 0)
                {
                    int j = SkipRoleComplement(i + title);
                    if (j < WordCount && (Joined(j) || words[j].CommaBefore) && TitleAt(j) is var second and > 0 && words[j].Capitalised)
                        j = SkipRoleComplement(j + second);   // "chef du gouvernement, M. Ayrault"
                    if (j + 1 < WordCount && words[j].Capitalised && folded[j] is "de" or "du" or "le" or "la" or "van" or "von" or "di" or "da"
                        && Joined(j + 1) && IsNameStart(j + 1))
                    {
                        i = AddPerson(j);   // "De Gaulle", "Le Pen"
                        continue;
                    }
                    if (j < WordCount && IsNameStart(j) && (Joined(j) || words[j].CommaBefore))
                    {
                        i = AddPerson(j);
                        continue;
                    }
                    i = j;
                    continue;
                }

                if (words[i].Credit && words[i].Capitalised)
                {
                    i = SpanEnd(i, orgHead: false) + 1;   // "© AFP", "Photo : Jean Dupont"
                    continue;
                }
                if (IsInitial(i) && i + 1 < WordCount && Joined(i + 1) && words[i + 1].Length > 1 && IsNameStart(i + 1))
                {
                    i = AddPerson(i + 1);   // "B. Obama", "J-M Ayrault": an initial announces a surname
                    continue;
                }
                // "l'ONG Human Rights Watch": an acronym of ordinary life says what the name after it is, and is no part of it.
                if (known == 0 && words[i].AllCaps && FrenchNameWords.CommonAcronyms.Contains(folded[i])
                    && i + 1 < WordCount && words[i + 1].JoinBefore == Join.Space && IsNameStart(i + 1))
                { i++; continue; }
                if (known > 0 || IsNameStart(i) || IsLowercaseMinistry(i)) { i = AddSpan(i, known); continue; }
                if (IsArticleOfName(i)) { i = AddArticleName(i); continue; }
                if ((FrenchNameWords.FacilityHeads.TryGetValue(folded[i], out var facility) || FrenchNameWords.VenueHeads.Contains(folded[i]) && (facility = EntityKind.Place) == EntityKind.Place)
                    && !words[i].Capitalised
                    && FacilityNameStart(i) is var nameStart and > 0)
                {
                    int last = SpanEnd(nameStart, orgHead: false);
                    var key = EntityNames.Key(Surface(i, last, titleCaseCapitals: false));
                    if (!extractor.aliases.IsBlockedKey(key)) Add(i, last, extractor.aliases.FindByKey(key)?.Kind ?? facility);
                    i = last + 1;
                    continue;
                }
                i++;
            }
            return found;
        }

        // A capital letter with its period or hyphen ("B.", "J-"): "À Porto" is no initial.
        bool IsInitial(int k) =>
            words[k].Length == 1 && words[k].Capitalised && words[k].End < text.Length && text[words[k].End] is '.' or '-';

        // "de La Poste", "selon Le Figaro": a capitalised article inside a sentence belongs to the name after it,
        // when that name is an ordinary word ("Le Pen" is a surname, and left to the other rules).
        bool IsArticleOfName(int i) =>
            words[i].Capitalised && !words[i].SentenceStart && folded[i] is "le" or "la" or "les"
            && i + 1 < WordCount && words[i + 1].JoinBefore == Join.Space && IsNameStart(i + 1) && IsCommonWord(i + 1);

        int AddArticleName(int article)
        {
            int last = SpanEnd(article + 1, orgHead: false);
            var key = EntityNames.Key(Surface(article, last, titleCaseCapitals: false));
            if (extractor.aliases.IsBlockedKey(key)) return last + 1;
            Add(article, last, extractor.aliases.FindByKey(key)?.Kind ?? (IsPlaceName(article, last) ? EntityKind.Place : EntityKind.Organisation));
            return last + 1;
        }

        /// <summary>
        /// Where the name after a lower-case facility word starts: right after it ("l'hôpital Sao Joao"), after an
        /// adjective ("l'aéroport international Murtala-Muhammed"), or after "de" for the places whose name says
        /// where they are ("l'université de Manchester"). 0 when no name follows.
        /// </summary>
        int FacilityNameStart(int head)
        {
            int k = head + 1;
            if (k < WordCount && Joined(k) && !words[k].Capitalised && IsDescriptiveWord(folded[k])) k++;
            if (k < WordCount && Joined(k) && folded[k] is "de" or "d" or "du" && folded[head] is "universite" or "ecole" or "musee" or "aeroport" or "gare" or "rue" or "avenue" or "boulevard" or "pont" or "quai" or "chateau" or "place")
                k++;
            // "le centre des Congrès", "le palais des Sports": a venue named by its complement; "le centre de Lyon"
            // is the middle of the town.
            else if (k + 1 < WordCount && Joined(k) && folded[k] is "des" or "du" && folded[head] is "centre" or "palais" or "parc" or "stade" or "salle" or "maison"
                && Joined(k + 1) && words[k + 1].Capitalised && !IsPlaceName(k + 1, k + 1) && CountryAt(k + 1) == 0)
                k++;
            return k < WordCount && Joined(k) && IsNameStart(k) ? k : 0;
        }

        // French writes "le ministère de la Défense": the lower-case head still names an organisation.
        bool IsLowercaseMinistry(int i)
        {
            if (folded[i] is not ("ministere" or "ministeres") || words[i].Capitalised) return false;
            int k = i + 1;
            while (k < WordCount && Joined(k) && folded[k] is "de" or "du" or "des" or "d" or "la" or "l") k++;
            return k > i + 1 && k < WordCount && Joined(k) && words[k].Capitalised;
        }

        // Abbreviated titles are also common words ("me", "m'"), so they count only when capitalised.
        int TitleAt(int i)
        {
            int length = extractor.titles.Match(folded, i, Joined, out _);
            if (length == 1 && folded[i] is "m" or "me" or "mme" or "mlle" or "dr" or "pr" or "mgr" && !words[i].Capitalised) return 0;
            return length;
        }

        /// <summary>Skips what qualifies a role ("russe", "de la Défense et des Anciens Combattants du Burkina Faso").</summary>
        int SkipRoleComplement(int j)
        {
            while (j < WordCount && Joined(j))
            {
                int country = CountryAt(j);
                if (country > 0 && !words[j].Capitalised) { j += country; continue; }   // "le président russe"
                if (FrenchNameWords.RoleDomains.Contains(folded[j])) { j++; continue; }
                if (folded[j] is "de" or "du" or "des" or "d" or "et" or "la" or "l" or "les")
                {
                    int k = j;
                    while (k < WordCount && Joined(k) && folded[k] is "de" or "du" or "des" or "d" or "et" or "la" or "l" or "les") k++;
                    if (k < WordCount && Joined(k) && (FrenchNameWords.RoleDomains.Contains(folded[k]) || CountryAt(k) > 0))
                    {
                        j = k + Math.Max(1, CountryAt(k));
                        continue;
                    }
                    // "le préfet de Corse Claude Érignac", "le maire de Lyon Gérard Collomb": where the role is held.
                    if (k + 1 < WordCount && Joined(k) && words[k].Capitalised && !IsFirstName(k) && words[k + 1].JoinBefore == Join.Space
                        && IsFirstName(k + 1))
                    {
                        j = k + 1;
                        continue;
                    }
                }
                break;
            }
            return j;
        }

        /// <summary>A name announced by a title: capitalised words and particles ("Iyad Ag Ghaly").</summary>
        int AddPerson(int start)
        {
            int last = start, k = start + 1;
            while (k < WordCount && Joined(k))
            {
                if (words[k].Capitalised && (CountryAt(k) == 0 || IsSurnameAfterFirstName(k))) { last = k++; continue; }
                if (k + 1 < WordCount && Joined(k + 1) && words[k + 1].Capitalised && CountryAt(k + 1) == 0
                    && (FrenchNameWords.PersonParticles.Contains(folded[k])
                        || folded[k] is "de" or "d" && extractor.knownNames.Match(folded, k + 1, Joined, out _) == 0))   // "Kyélem de Tambèla", not "de Moscou"
                { k++; continue; }
                break;
            }
            int known = extractor.knownNames.Match(folded, start, Joined, out _);
            if (start + known - 1 > last) last = start + known - 1;
            var kind = EntityKind.Person;
            var key = EntityNames.Key(Surface(start, last, titleCaseCapitals: true));
            if (extractor.aliases.IsBlockedKey(key)) return last + 1;
            if (extractor.aliases.FindByKey(key) is { Kind: { } hinted }) kind = hinted;
            Add(start, last, kind);
            return last + 1;
        }

        int AddSpan(int start, int known)
        {
            bool orgHead = (words[start].Capitalised || IsLowercaseMinistry(start))
                && (FrenchNameWords.OrganisationHeads.Contains(folded[start]) || FrenchNameWords.FacilityHeads.ContainsKey(folded[start]));
            // "le parti des Frères musulmans": a name announced as an organisation's takes its adjectives too.
            int last = SpanEnd(start, orgHead, adjectives: orgHead || known == 0 && CueBefore(start) == EntityKind.Organisation);
            if (known > 0 && start + known - 1 > last) last = start + known - 1;
            // "Airbus A330", "McDonnel Douglas MD-83": a model's code names a product, and the words before it its
            // maker, even where the words before announce a thing ("l'appareil de type …").
            // "la Poste portugaise", "la Marine indienne": an ordinary word made a name, with a nationality after it,
            // is that country's institution.
            bool national = known == 0 && !orgHead && last == start && !words[start].SentenceStart && IsCommonWord(start)
                && last + 1 < WordCount && words[last + 1].JoinBefore == Join.Space && !words[last + 1].Capitalised && CountryAt(last + 1) > 0;
            if (national) last += CountryAt(last + 1);
            int end = last;
            while (known == 0 && last > start && IsModelCode(last)) last--;
            if (last < end)
            {
                var makerKey = EntityNames.Key(Surface(start, last, titleCaseCapitals: false));
                if (!extractor.aliases.IsBlockedKey(makerKey))
                    Add(start, last, extractor.aliases.FindByKey(makerKey)?.Kind ?? EntityKind.Organisation);
                return end + (words[end].AllCaps && end + 1 < WordCount && words[end + 1].Digit ? 2 : 1);
            }
            // A known name is complete: "Conseil de sécurité | de l'ONU".
            if (known > 0 && last > start + known - 1 && IsConnector(folded[start + known], orgHead: true)) last = start + known - 1;
            bool isKnown = known > 0 && start + known - 1 == last;

            if (!isKnown && words[start].SentenceStart && LooksLikeCommonWord(start, last))
                return start + 1;   // the next word may still start a name: "Parallèlement Rosatom ..."

            var key = EntityNames.Key(Surface(start, last, titleCaseCapitals: false));
            if (extractor.aliases.IsBlockedKey(key)) return last + 1;
            var alias = extractor.aliases.FindByKey(key);
            if (alias is null && IsThing(start))
            {
                things.Add(key);
                MarkExpansionAsThing(last);
                return last + 1;
            }
            // "la banlieue d'Iju de Lagos": an unknown name, "de" and a known town are two places, the one in the other.
            if (alias is null && !orgHead && PlaceAfterDe(start, last) is var town and > 0)
            {
                Add(start, town - 2, EntityKind.Place);
                Add(town, last, EntityKind.Place);
                return last + 1;
            }
            var kind = alias?.Kind ?? (national ? EntityKind.Organisation : Classify(start, last, orgHead));
            if (kind is { } k && !(k == EntityKind.Place && IsCountryName(start, last))) Add(start, last, k);
            return last + 1;
        }

        /// <summary>
        /// The last word of a capitalised name starting at <paramref name="start"/>: more capitalised words, joined by
        /// "de/du/des/d'" ("Afrique de l'Ouest"); organisations also take "et", countries and lower-case adjectives
        /// ("Forces armées maliennes", "Ministère de la Défense et des Anciens Combattants").
        /// </summary>
        /// <param name="adjectives">Whether lower-case adjectives continue the name (an organisation's head or cue before it).</param>
        int SpanEnd(int start, bool orgHead, bool? adjectives = null)
        {
            bool takesAdjectives = adjectives ?? orgHead;
            int last = start, k = start + 1, lowercaseTaken = 0;
            while (k < WordCount && Joined(k))
            {
                var w = words[k];
                if (w.Digit && k == start + 1 && CountryOpensName(start)) { last = k++; continue; }   // "France 5"
                // "l'Amérique française", "l'Afrique occidentale": a continent and its adjective name a region.
                if (k == start + 1 && !w.Capitalised && w.JoinBefore == Join.Space && FrenchNameWords.WorldRegions.Contains(folded[start])
                    && (CountryAt(k) == 1 || IsRegionAdjective(folded[k])))
                { last = k; break; }
                if (IsRomanOrdinal(k)) break;
                if (w.Digit) break;
                int country = CountryAt(k);
                if (w.Capitalised && !words[k - 1].Capitalised && !words[k - 1].Elision && IsFirstName(k) && !FrenchNameWords.PersonParticles.Contains(folded[k - 1]))
                    break;   // "l'Autorité palestinienne Yasser Arafat": the first name opens another name
                if (w.Capitalised && k == start + 1 && w.JoinBefore == Join.Space && IsFirstName(k) && country == 0 && !IsFirstName(start)
                    && (IsCommonWord(start) || IsPlaceName(start, start)))
                    break;   // "de Corse Claude Érignac": a place, then a person
                if (w.Capitalised && (country == 0 || IsSurnameAfterFirstName(k) || IsCountryInBrand(k))) { last = k++; continue; }
                // "Noyal-sur-Vilaine", "Ille-et-Vilaine", "Pointe-à-Callière": a small word between hyphens.
                if (!w.Capitalised && w.JoinBefore == Join.Hyphen && k + 1 < WordCount && words[k + 1].JoinBefore == Join.Hyphen
                    && words[k + 1].Capitalised && w.Length <= 4)   // "Aulnay-sous-Bois"
                { last = k + 1; k += 2; continue; }
                if (orgHead && country > 0 && !w.Capitalised) { last = k + country - 1; k += country; continue; }   // "Forces armées maliennes"
                if (!w.Capitalised && !w.Elision && takesAdjectives && (orgHead || country == 0) && lowercaseTaken < 4 && IsDescriptiveWord(folded[k]))
                {
                    lowercaseTaken++;
                    last = k++;
                    continue;
                }
                // "Science and Technology Facilities Council", "Bank of America": English connectors are no French words.
                if (folded[k] is "of" or "and" or "for" && k + 1 < WordCount && Joined(k + 1) && words[k + 1].Capitalised && words[k - 1].Capitalised)
                { last = k + 1; k += 2; continue; }
                if (IsConnectorStart(folded[k], orgHead) && !(folded[k] is "et" or "pour" && !NextIsConnector(k)))
                {
                    int m = k;
                    while (m < WordCount && m - k < 3 && Joined(m) && IsConnector(folded[m], orgHead)) m++;
                    if (m < WordCount && Joined(m) && !words[m].Digit && !(folded[k] is "et" && IsAcronym(m)))
                    {
                        int countryAfter = CountryAt(m);
                        if (countryAfter > 0 && orgHead) { last = m + countryAfter - 1; k = last + 1; continue; }
                        if (countryAfter == 0 && words[m].Capitalised
                            && (orgHead || (!FrenchNameWords.NotNames.Contains(folded[m]) || folded[m] is "nord" or "sud" or "est" or "ouest")   // "Amérique du Nord"
                                && extractor.knownNames.Match(folded, m, Joined, out _) == 0))
                        { last = m; k = m + 1; continue; }
                        if (countryAfter == 0 && orgHead && !words[m].Capitalised && lowercaseTaken < 4 && IsDescriptiveWord(folded[m]))
                        {
                            lowercaseTaken++;
                            last = m; k = m + 1;
                            continue;
                        }
                    }
                }
                break;
            }
            return last;
        }

        // "occidentale", "francophone", "subsaharienne", "latine": what sets a region apart within a continent.
        static bool IsRegionAdjective(string f) =>
            f.EndsWith("ale") || f.EndsWith("ales") || f.EndsWith("phone") || f.EndsWith("ienne") || f is "latine" or "noire";

        // "le programme ACE (Automatic Computing Engine)": the name in brackets right after a thing's is the same thing.
        void MarkExpansionAsThing(int last)
        {
            int k = last + 1;
            if (k >= WordCount || !words[k].Capitalised || !text.AsSpan(words[last].End, words[k].Start - words[last].End).Trim().SequenceEqual("(")) return;
            things.Add(EntityNames.Key(Surface(k, SpanEnd(k, orgHead: false), titleCaseCapitals: false)));
        }

        // "A330", "MD-83", "737-800": letters with digits, or capitals hyphened to a number.
        bool IsModelCode(int k) =>
            !words[k].Digit && (CountDigits(k) > 0 || (words[k].AllCaps || words[k].Length <= 3) && k + 1 < WordCount && words[k + 1].Digit && words[k + 1].JoinBefore == Join.Hyphen);

        // "Air France", "Radio France": a one-word country right after a capitalised ordinary word ends a brand.
        bool IsCountryInBrand(int k) =>
            words[k].JoinBefore == Join.Space && CountryAt(k) == 1 && words[k - 1].Capitalised && !words[k - 1].SentenceStart && IsCommonWord(k - 1)
            && (k + 1 >= WordCount || !words[k + 1].Capitalised || words[k + 1].JoinBefore == Join.Break);

        // "François Hollande", "Thomas Salvador": a capitalised country word right after a first name is a surname.
        bool IsSurnameAfterFirstName(int k) =>
            words[k].Capitalised && words[k].JoinBefore == Join.Space && k > 0 && words[k - 1].Capitalised && IsFirstName(k - 1);

        // "Défense et des Anciens Combattants" continues a name; "Nations unies et l'Union africaine" are two.
        bool NextIsConnector(int k) => k + 1 < WordCount && Joined(k + 1) && folded[k + 1] is "de" or "du" or "des" or "d";

        static bool IsConnectorStart(string f, bool orgHead) => f is "de" or "du" or "des" or "d" || (orgHead && f is "et" or "pour");
        static bool IsConnector(string f, bool orgHead) => f is "de" or "du" or "des" or "d" or "la" or "l" or "les" || (orgHead && f is "et" or "pour" or "aux" or "a");

        // Lower-case words that continue an organisation's name: domains and adjectives ("mondiale", "atomique").
        static bool IsDescriptiveWord(string f) =>
            FrenchNameWords.RoleDomains.Contains(f) || f is "unies" or "unis" or "islam" or "musulmans" or "patrie" or "stabilisation" or "gauche" or "droite"
            || f.Length > 6 && (f.EndsWith("el") || f.EndsWith("els"))   // "constitutionnel"
            || f.Length > 4 && (f.EndsWith("ale") || f.EndsWith("itime") || f.EndsWith("ales") || f.EndsWith("aux") || f.EndsWith("al")
                || f.EndsWith("ique") || f.EndsWith("iques") || f.EndsWith("aire") || f.EndsWith("aires")
                || f.EndsWith("ienne") || f.EndsWith("iennes") || f.EndsWith("ien") || f.EndsWith("iens")
                || f.EndsWith("aine") || f.EndsWith("aines") || f.EndsWith("ee") || f.EndsWith("ees") || f.EndsWith("elle")
                || f.EndsWith("elles") || f.EndsWith("ive") || f.EndsWith("ives") || f.EndsWith("eenne") || f.EndsWith("eennes")
                || f.EndsWith("ier") || f.EndsWith("iere") || f.EndsWith("iers") || f.EndsWith("ieres") || f.EndsWith("eux") || f.EndsWith("euse"));


        void Add(int start, int last, EntityKind kind)
        {
            // "Ibrahim TRAORE" reads "Ibrahim Traore", "MOSCOU" in a heading "Moscou"; a word alone in capitals is
            // an acronym and keeps them ("LR").
            var surface = Surface(start, last, titleCaseCapitals: kind != EntityKind.Organisation && (last > start || words[start].Heading));
            found.Add(new EntityMention(surface, kind, words[start].Start, words[last].End - words[start].Start));
        }

        static bool IsRomanNumeral(string word)
        {
            foreach (var c in word) if (c is not ('I' or 'V' or 'X' or 'L' or 'C' or 'D' or 'M')) return false;
            return true;
        }

        string Surface(int start, int last, bool titleCaseCapitals)
        {
            // One word as the text writes it, the usual case: no builder.
            if (start == last && !words[start].Elision && char.IsUpper(text[words[start].Start])
                && !(titleCaseCapitals && words[start].Length > 1 && EntityNames.IsAllCaps(text.AsSpan(words[start].Start, words[start].Length))))
                return text.Substring(words[start].Start, words[start].Length);
            var sb = new StringBuilder();
            for (int k = start; k <= last; k++)
            {
                var w = words[k];
                if (k > start && !words[k - 1].Elision)
                    sb.Append(w.JoinBefore == Join.Hyphen ? "-" : text.AsSpan(words[k - 1].End, w.Start - words[k - 1].End).Contains('&') ? " & " : " ");
                var s = text.Substring(w.Start, w.Length);
                if (k == start && char.IsLower(s[0])) s = char.ToUpperInvariant(s[0]) + s[1..];   // "ministère" opening a name
                if (w.Elision) s = s[..^1] + "'";
                else if (titleCaseCapitals && w.Length > 1 && EntityNames.IsAllCaps(s) && !IsRomanNumeral(s)) s = EntityNames.TitleCase(s);   // "Benoît XVI" stays
                sb.Append(s);
            }
            return sb.ToString();
        }
    }
}
