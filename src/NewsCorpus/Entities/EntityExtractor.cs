using System.Text;
using NewsCorpus.Analysis;
using NewsCorpus.Lexicon;

namespace NewsCorpus.Entities;

/// <summary>
/// Finds people, organisations and places (not countries) in French news text with word-level heuristics:
/// capitalised word sequences, titles that announce a person ("le Capitaine Ibrahim TRAORE"), words that
/// announce an organisation or a place, and the known names of <see cref="EntityAliases"/>. One pass over the
/// tokens with hash lookups, so it can run on every article of a large corpus.
/// </summary>
public sealed class EntityExtractor
{
    enum Join { Break, Space, Hyphen }

    /// <summary>A word of the text. An elided article or preposition ("l'", "d'") is a word of its own.</summary>
    readonly record struct Word(int Start, int Length, string Folded, bool Capitalised, bool AllCaps, bool Elision,
        bool Digit, Join JoinBefore, bool CommaBefore, bool SentenceStart, bool Heading = false)
    {
        public int End => Start + Length;
    }

    readonly EntityAliases aliases;
    readonly PhraseTable<EntityKind?> knownNames = new();
    readonly PhraseTable<bool> countries = new();
    readonly HashSet<string> countryWords = new(StringComparer.Ordinal);
    readonly PhraseTable<bool> titles = new();

    static readonly Lazy<EntityExtractor> defaultExtractor = new(() => new EntityExtractor(EntityAliases.Default));

    public static EntityExtractor Default => defaultExtractor.Value;

    /// <param name="aliases">Known names (with their kinds) and blocked names.</param>
    /// <param name="countryNames">Country names and demonyms never to return; the embedded French list when null.</param>
    public EntityExtractor(EntityAliases aliases, IEnumerable<string>? countryNames = null)
    {
        this.aliases = aliases;
        foreach (var (name, kind) in aliases.KnownNames) knownNames.Add(FoldedWords(name), kind);
        foreach (var name in countryNames ?? EmbeddedCountryNames())
        {
            var words = FoldedWords(name);
            countries.Add(words, true);
            if (words.Length == 1) countryWords.Add(words[0]);
        }
        foreach (var title in FrenchNameWords.TitlePhrases) titles.Add(title, true);
    }

    public IReadOnlyList<EntityMention> Extract(string text)
    {
        var words = SplitWords(text);
        var folded = new string[words.Count];
        // Sized up front: growing them word by word was a good part of the extractor's allocations.
        var lowerForms = new HashSet<string>(words.Count, StringComparer.Ordinal);
        var capitalisedInside = new HashSet<string>(words.Count / 4, StringComparer.Ordinal);
        for (int k = 0; k < words.Count; k++)
        {
            var w = words[k];
            folded[k] = w.Folded;
            if (w.Elision || w.Digit) continue;
            if (!w.Capitalised && !w.AllCaps) lowerForms.Add(w.Folded);
            else if (!w.SentenceStart) capitalisedInside.Add(w.Folded);
        }
        return new Pass(this, text, words, folded, lowerForms, capitalisedInside).Run();
    }

    /// <summary>The state of one Extract call, so the helpers can share it without long parameter lists.</summary>
    sealed class Pass(EntityExtractor x, string text, List<Word> words, string[] folded,
        HashSet<string> lowerForms, HashSet<string> capitalisedInside)
    {
        readonly List<EntityMention> found = [];
        int n => words.Count;

        bool Joined(int k) => words[k].JoinBefore != Join.Break;

        bool IsNameStart(int k) =>
            words[k].Capitalised && !words[k].Digit && !FrenchNameWords.NotNames.Contains(folded[k]) && !IsRomanOrdinal(k)
            && (CountryAt(k) == 0 || CountryOpensName(k));

        // "France Télécom", "France 5": a one-word country directly followed by a capitalised word that names no
        // country, or by a short number, is the start of a brand, not the country.
        bool CountryOpensName(int k)
        {
            if (CountryAt(k) != 1 || k + 1 >= n || words[k + 1].JoinBefore != Join.Space) return false;
            // "l'Américain Pete Selleck": after an article the word is a nationality, and a name follows it.
            if (k > 0 && folded[k - 1] is "le" or "la" or "l" or "les" or "un" or "une" or "du" or "des" or "au" or "aux" || IsFirstName(k + 1)) return false;
            var next = words[k + 1];
            return next.Digit ? next.Length <= 3 && !IsNumberFollowedByUnit(k + 1)
                : next.Capitalised && !next.SentenceStart && CountryAt(k + 1) == 0
                  && (!FrenchNameWords.NotNames.Contains(folded[k + 1]) || FrenchNameWords.RoleDomains.Contains(folded[k + 1]));
        }

        // "France 2 millions": a number that counts something is not part of a name.
        bool IsNumberFollowedByUnit(int k) => k + 1 < n && Joined(k + 1) && !words[k + 1].Capitalised;

        // "XVe siècle", "Ve République": a roman numeral in capitals with an ordinal ending ("Ille" is a name).
        bool IsRomanOrdinal(int k)
        {
            var f = folded[k];
            int end = f.EndsWith("eme") ? f.Length - 3 : f.EndsWith("er") ? f.Length - 2 : f.EndsWith('e') ? f.Length - 1 : -1;
            if (end <= 0 || end > words[k].Length) return false;
            for (int c = 0; c < end; c++) if (text[words[k].Start + c] is not ('I' or 'V' or 'X' or 'L' or 'C')) return false;
            return true;
        }

        int CountryAt(int k) => x.countries.Match(folded, k, Joined, out _);

        public List<EntityMention> Run()
        {
            int i = 0;
            while (i < n)
            {
                int country = CountryAt(i);
                int known = words[i].Capitalised || words[i].AllCaps || words[i].Heading ? x.knownNames.Match(folded, i, Joined, out _) : 0;
                if (country > 0 && country >= known && !CountryOpensName(i)) { i += country; continue; }

                int title = TitleAt(i);
                if (title > 0)
                {
                    int j = SkipRoleComplement(i + title);
                    if (j < n && (Joined(j) || words[j].CommaBefore) && TitleAt(j) is var second and > 0 && words[j].Capitalised)
                        j = SkipRoleComplement(j + second);   // "chef du gouvernement, M. Ayrault"
                    if (j + 1 < n && words[j].Capitalised && folded[j] is "de" or "du" or "le" or "la" or "van" or "von" or "di" or "da"
                        && Joined(j + 1) && IsNameStart(j + 1))
                    {
                        i = AddPerson(j);   // "De Gaulle", "Le Pen"
                        continue;
                    }
                    if (j < n && IsNameStart(j) && (Joined(j) || words[j].CommaBefore))
                    {
                        i = AddPerson(j);
                        continue;
                    }
                    i = j;
                    continue;
                }

                if (IsInitial(i) && i + 1 < n && Joined(i + 1) && words[i + 1].Length > 1 && IsNameStart(i + 1))
                {
                    i = AddPerson(i + 1);   // "B. Obama", "J-M Ayrault": an initial announces a surname
                    continue;
                }
                if (known > 0 || IsNameStart(i) || IsLowercaseMinistry(i)) { i = AddSpan(i, known); continue; }
                if (IsArticleOfName(i)) { i = AddArticleName(i); continue; }
                if (FrenchNameWords.FacilityHeads.TryGetValue(folded[i], out var facility) && !words[i].Capitalised
                    && FacilityNameStart(i) is var nameStart and > 0)
                {
                    int last = SpanEnd(nameStart, orgHead: false);
                    var key = EntityNames.Key(Surface(i, last, titleCaseCapitals: false));
                    if (!x.aliases.IsBlockedKey(key)) Add(i, last, x.aliases.FindByKey(key)?.Kind ?? facility);
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
            && i + 1 < n && words[i + 1].JoinBefore == Join.Space && IsNameStart(i + 1) && IsCommonWord(i + 1);

        int AddArticleName(int article)
        {
            int last = SpanEnd(article + 1, orgHead: false);
            var key = EntityNames.Key(Surface(article, last, titleCaseCapitals: false));
            if (x.aliases.IsBlockedKey(key)) return last + 1;
            Add(article, last, x.aliases.FindByKey(key)?.Kind ?? (IsPlaceName(article, last) ? EntityKind.Place : EntityKind.Organisation));
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
            if (k < n && Joined(k) && !words[k].Capitalised && IsDescriptiveWord(folded[k])) k++;
            if (k < n && Joined(k) && folded[k] is "de" or "d" or "du" && folded[head] is "universite" or "ecole" or "musee" or "aeroport" or "gare" or "rue" or "avenue" or "boulevard" or "pont" or "quai")
                k++;
            return k < n && Joined(k) && IsNameStart(k) ? k : 0;
        }

        // French writes "le ministère de la Défense": the lower-case head still names an organisation.
        bool IsLowercaseMinistry(int i)
        {
            if (folded[i] is not ("ministere" or "ministeres") || words[i].Capitalised) return false;
            int k = i + 1;
            while (k < n && Joined(k) && folded[k] is "de" or "du" or "des" or "d" or "la" or "l") k++;
            return k > i + 1 && k < n && Joined(k) && words[k].Capitalised;
        }

        // Abbreviated titles are also common words ("me", "m'"), so they count only when capitalised.
        int TitleAt(int i)
        {
            int length = x.titles.Match(folded, i, Joined, out _);
            if (length == 1 && folded[i] is "m" or "me" or "mme" or "mlle" or "dr" or "pr" or "mgr" && !words[i].Capitalised) return 0;
            return length;
        }

        /// <summary>Skips what qualifies a role ("russe", "de la Défense et des Anciens Combattants du Burkina Faso").</summary>
        int SkipRoleComplement(int j)
        {
            while (j < n && Joined(j))
            {
                int country = CountryAt(j);
                if (country > 0 && !words[j].Capitalised) { j += country; continue; }   // "le président russe"
                if (FrenchNameWords.RoleDomains.Contains(folded[j])) { j++; continue; }
                if (folded[j] is "de" or "du" or "des" or "d" or "et" or "la" or "l" or "les")
                {
                    int k = j;
                    while (k < n && Joined(k) && folded[k] is "de" or "du" or "des" or "d" or "et" or "la" or "l" or "les") k++;
                    if (k < n && Joined(k) && (FrenchNameWords.RoleDomains.Contains(folded[k]) || CountryAt(k) > 0))
                    {
                        j = k + Math.Max(1, CountryAt(k));
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
            while (k < n && Joined(k))
            {
                if (words[k].Capitalised && (CountryAt(k) == 0 || IsSurnameAfterFirstName(k))) { last = k++; continue; }
                if (k + 1 < n && Joined(k + 1) && words[k + 1].Capitalised && CountryAt(k + 1) == 0
                    && (FrenchNameWords.PersonParticles.Contains(folded[k])
                        || folded[k] is "de" or "d" && x.knownNames.Match(folded, k + 1, Joined, out _) == 0))   // "Kyélem de Tambèla", not "de Moscou"
                { k++; continue; }
                break;
            }
            int known = x.knownNames.Match(folded, start, Joined, out _);
            if (start + known - 1 > last) last = start + known - 1;
            var kind = EntityKind.Person;
            var key = EntityNames.Key(Surface(start, last, titleCaseCapitals: true));
            if (x.aliases.IsBlockedKey(key)) return last + 1;
            if (x.aliases.FindByKey(key) is { Kind: { } hinted }) kind = hinted;
            Add(start, last, kind);
            return last + 1;
        }

        int AddSpan(int start, int known)
        {
            bool orgHead = (words[start].Capitalised || IsLowercaseMinistry(start))
                && (FrenchNameWords.OrganisationHeads.Contains(folded[start]) || FrenchNameWords.FacilityHeads.ContainsKey(folded[start]));
            int last = SpanEnd(start, orgHead);
            if (known > 0 && start + known - 1 > last) last = start + known - 1;
            // A known name is complete: "Conseil de sécurité | de l'ONU".
            if (known > 0 && last > start + known - 1 && IsConnector(folded[start + known], orgHead: true)) last = start + known - 1;
            bool isKnown = known > 0 && start + known - 1 == last;

            if (!isKnown && words[start].SentenceStart && LooksLikeCommonWord(start, last))
                return start + 1;   // the next word may still start a name: "Parallèlement Rosatom ..."

            var key = EntityNames.Key(Surface(start, last, titleCaseCapitals: false));
            if (x.aliases.IsBlockedKey(key)) return last + 1;
            var kind = x.aliases.FindByKey(key)?.Kind ?? Classify(start, last, orgHead);
            if (kind is { } k) Add(start, last, k);
            return last + 1;
        }

        /// <summary>
        /// The last word of a capitalised name starting at <paramref name="start"/>: more capitalised words, joined by
        /// "de/du/des/d'" ("Afrique de l'Ouest"); organisations also take "et", countries and lower-case adjectives
        /// ("Forces armées maliennes", "Ministère de la Défense et des Anciens Combattants").
        /// </summary>
        int SpanEnd(int start, bool orgHead)
        {
            int last = start, k = start + 1, lowercaseTaken = 0;
            while (k < n && Joined(k))
            {
                var w = words[k];
                if (w.Digit && k == start + 1 && CountryOpensName(start)) { last = k++; continue; }   // "France 5"
                if (IsRomanOrdinal(k)) break;
                if (w.Digit) break;
                int country = CountryAt(k);
                if (w.Capitalised && !words[k - 1].Capitalised && !words[k - 1].Elision && IsFirstName(k) && !FrenchNameWords.PersonParticles.Contains(folded[k - 1]))
                    break;   // "l'Autorité palestinienne Yasser Arafat": the first name opens another name
                if (w.Capitalised && (country == 0 || IsSurnameAfterFirstName(k) || IsCountryInBrand(k))) { last = k++; continue; }
                // "Noyal-sur-Vilaine", "Ille-et-Vilaine", "Pointe-à-Callière": a small word between hyphens.
                if (!w.Capitalised && w.JoinBefore == Join.Hyphen && k + 1 < n && words[k + 1].JoinBefore == Join.Hyphen
                    && words[k + 1].Capitalised && w.Length <= 3)
                { last = k + 1; k += 2; continue; }
                if (orgHead && country > 0 && !w.Capitalised) { last = k + country - 1; k += country; continue; }   // "Forces armées maliennes"
                if (!w.Capitalised && !w.Elision && orgHead && lowercaseTaken < 4 && IsDescriptiveWord(folded[k]))
                {
                    lowercaseTaken++;
                    last = k++;
                    continue;
                }
                if (IsConnectorStart(folded[k], orgHead) && !(folded[k] is "et" or "pour" && !NextIsConnector(k)))
                {
                    int m = k;
                    while (m < n && m - k < 3 && Joined(m) && IsConnector(folded[m], orgHead)) m++;
                    if (m < n && Joined(m) && !words[m].Digit && !(folded[k] is "et" && IsAcronym(m)))
                    {
                        int countryAfter = CountryAt(m);
                        if (countryAfter > 0 && orgHead) { last = m + countryAfter - 1; k = last + 1; continue; }
                        if (countryAfter == 0 && words[m].Capitalised
                            && (orgHead || !FrenchNameWords.NotNames.Contains(folded[m]) && x.knownNames.Match(folded, m, Joined, out _) == 0))
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

        // "Air France", "Radio France": a one-word country right after a capitalised ordinary word ends a brand.
        bool IsCountryInBrand(int k) =>
            words[k].JoinBefore == Join.Space && CountryAt(k) == 1 && words[k - 1].Capitalised && !words[k - 1].SentenceStart && IsCommonWord(k - 1)
            && (k + 1 >= n || !words[k + 1].Capitalised || words[k + 1].JoinBefore == Join.Break);

        // "François Hollande", "Thomas Salvador": a capitalised country word right after a first name is a surname.
        bool IsSurnameAfterFirstName(int k) =>
            words[k].Capitalised && words[k].JoinBefore == Join.Space && k > 0 && words[k - 1].Capitalised && IsFirstName(k - 1);

        // "Défense et des Anciens Combattants" continues a name; "Nations unies et l'Union africaine" are two.
        bool NextIsConnector(int k) => k + 1 < n && Joined(k + 1) && folded[k + 1] is "de" or "du" or "des" or "d";

        static bool IsConnectorStart(string f, bool orgHead) => f is "de" or "du" or "des" or "d" || (orgHead && f is "et" or "pour");
        static bool IsConnector(string f, bool orgHead) => f is "de" or "du" or "des" or "d" or "la" or "l" or "les" || (orgHead && f is "et" or "pour" or "aux" or "a");

        // Lower-case words that continue an organisation's name: domains and adjectives ("mondiale", "atomique").
        static bool IsDescriptiveWord(string f) =>
            FrenchNameWords.RoleDomains.Contains(f) || f is "unies" or "unis" or "islam" or "musulmans" or "patrie" or "stabilisation"
            || f.Length > 4 && (f.EndsWith("ale") || f.EndsWith("ales") || f.EndsWith("aux") || f.EndsWith("al")
                || f.EndsWith("ique") || f.EndsWith("iques") || f.EndsWith("aire") || f.EndsWith("aires")
                || f.EndsWith("ienne") || f.EndsWith("iennes") || f.EndsWith("ien") || f.EndsWith("iens")
                || f.EndsWith("aine") || f.EndsWith("aines") || f.EndsWith("ee") || f.EndsWith("ees") || f.EndsWith("elle")
                || f.EndsWith("elles") || f.EndsWith("ive") || f.EndsWith("ives") || f.EndsWith("eenne") || f.EndsWith("eennes")
                || f.EndsWith("ier") || f.EndsWith("iere") || f.EndsWith("iers") || f.EndsWith("ieres") || f.EndsWith("eux") || f.EndsWith("euse"));

        /// <summary>
        /// A capitalised word that opens a sentence is usually just a capitalised common word. It counts as a name
        /// only when the text also writes it capitalised elsewhere and never in lower case.
        /// </summary>
        bool LooksLikeCommonWord(int start, int last)
        {
            var f = folded[start];
            if (FrenchNameWords.FirstNames.Contains(f) || FrenchNameWords.OrganisationHeads.Contains(f)
                || FrenchNameWords.PlaceHeads.Contains(f) || IsAcronym(start) || IsPlaceName(start, last)) return false;
            if (lowerForms.Contains(f) || f.EndsWith("ment")) return true;
            return start == last && !capitalisedInside.Contains(f);
        }

        /// <summary>
        /// The kind of a capitalised name no alias knows, from evidence only: its head word, the gazetteer, the
        /// word before it, a known first name, the French lexicon. A name with no evidence of being a person is
        /// not one: a single unknown word is an organisation at most, and nothing when it is an ordinary word.
        /// </summary>
        EntityKind? Classify(int start, int last, bool orgHead)
        {
            var first = folded[start];
            bool single = start == last;
            if (single && words[start].Length == 1) return null;   // a letter alone: "38 degrés C"
            if (FrenchNameWords.EventHeads.Contains(first) || !single && FrenchNameWords.EventHeads.Contains(folded[start + 1])) return null;
            if (orgHead && FrenchNameWords.FacilityHeads.TryGetValue(first, out var facilityKind)) return single ? null : facilityKind;
            if (orgHead) return single ? null : EntityKind.Organisation;
            if (!single && CountryOpensName(start)) return EntityKind.Organisation;   // "France Télécom"
            if (IsPlaceName(start, last)) return EntityKind.Place;
            if (FrenchNameWords.PlaceHeads.Contains(first)) return single ? null : EntityKind.Place;
            if (HasDigit(start, last)) return null;   // "AF447", "Baa2": flights, ratings, models ("TF1" stays)
            if (single && IsAcronym(start)) return FrenchNameWords.CommonAcronyms.Contains(first) ? null : EntityKind.Organisation;
            if (!single && IsFirstName(start)) return RestIsSurname(start + 1, last) ? EntityKind.Person : null;   // "Dana Air"
            // An ordinary word alone is a name only when the word before says so: "à Porto", "la chaîne Histoire";
            // "au" is also "to the" ("au Congrès", "au Figaro").
            if (single && !IsFirstName(start) && (lowerForms.Contains(first) || IsCommonWord(start)))
                return start > 0 && folded[start - 1] != "au" ? CueBefore(start) : null;
            if (CueBefore(start) is { } cued && !(cued == EntityKind.Place && IsWeakPlaceCue(start - 1) && LooksLikePersonName(start, last)))
                return cued;
            if (single && IsFirstName(start) && !IsCommonWord(start)) return EntityKind.Person;
            if (single) return SingleWordKind(start);

            if (folded[start] is "al" or "el" && words[start].Capitalised) return EntityKind.Organisation;   // "Al-Qaïda", "Al Jazeera"
            if (EndsWithPlace(start, last)) return EntityKind.Place;   // "Iju de Lagos"
            // An ordinary noun with a complement names a thing after someone or something ("Boson de Higgs",
            // "Maison des Marins"), not an organisation: organisations open with a head word.
            if (IsCommonWord(start) && HasLowercaseConnector(start, last)) return null;
            bool hasConnector = false, hasCommonWord = false;
            for (int k = start; k <= last; k++)
            {
                if (!words[k].Capitalised && !words[k].AllCaps) { hasConnector = true; continue; }
                if (FrenchNameWords.NotNames.Contains(folded[k])) return null;
                if (lowerForms.Contains(folded[k]) || IsCommonWord(k)) hasCommonWord = true;
            }
            // Two or three capitalised words that are no French words are a person's name ("Nadim Houry");
            // ordinary words make it an organisation's ("Bouygues Travaux Publics").
            return hasConnector || hasCommonWord || !LooksLikePersonName(start, last) ? EntityKind.Organisation : EntityKind.Person;
        }

        bool HasLowercaseConnector(int start, int last)
        {
            for (int k = start + 1; k < last; k++) if (!words[k].Capitalised && !words[k].AllCaps) return true;
            return false;
        }

        // "X de Lagos": a name that says in which known place it is, with no head word of an organisation.
        bool EndsWithPlace(int start, int last)
        {
            for (int k = last; k > start + 1; k--)
                if (folded[k - 1] is "de" or "d" or "du" && !words[k - 1].Capitalised)
                    return IsPlaceName(k, last) && !IsCommonWord(start);
            return false;
        }

        /// <summary>Two or three capitalised words, none an ordinary French word, a place or a region.</summary>
        bool LooksLikePersonName(int start, int last)
        {
            if (last == start || last - start > 3) return false;
            int nameWords = 0;
            for (int k = start; k <= last; k++) if (!FrenchNameWords.PersonParticles.Contains(folded[k])) nameWords++;
            // Three names make a person only after a first name or initials ("J-M Ayrault"): "Human Rights Watch".
            if (nameWords > 3 || nameWords == 3 && !IsFirstName(start) && words[start].Length > 1) return false;
            for (int k = start; k <= last; k++)
            {
                if (FrenchNameWords.PersonParticles.Contains(folded[k]) && k > start) continue;   // "Nock Ag Attia"
                if (!words[k].Capitalised || words[k].AllCaps && words[k].Length > 1) return false;
                if (FrenchNameWords.WorldRegions.Contains(folded[k]) || lowerForms.Contains(folded[k])
                    || FrenchNameWords.EnglishOrganisationWords.Contains(folded[k])) return false;
                if (IsCommonWord(k) && !PersonNames.IsSurname(folded[k]) && !IsFirstName(k)) return false;
            }
            return true;
        }

        // "à", "au", "en" say where, but also "revient à Antonis Manitakis": they do not outweigh a person's name.
        bool IsWeakPlaceCue(int k) => k >= 0 && folded[k] is "a" or "au" or "en";

        /// <summary>
        /// A capitalised word alone, with nothing before it that tells its kind. An ordinary French word
        /// ("Poste", "Monde", "Marine") or a plural after an article ("les Talibans": a group of people) is not
        /// a name; a word seen elsewhere in the article as a surname is settled by the resolver; anything else is
        /// taken for an organisation's name ("Nintendo", "Medef").
        /// </summary>
        EntityKind? SingleWordKind(int k)
        {
            if (lowerForms.Contains(folded[k]) || IsCommonWord(k)) return null;
            if (k > 0 && folded[k - 1] is "les" or "des" or "aux" && folded[k].EndsWith('s')) return null;
            // Capitals inside a lower-case word make a product or a unit ("ColorADD", "GeV"), not an organisation.
            var word = text.AsSpan(words[k].Start, words[k].Length);
            for (int c = 1; c + 1 < word.Length; c++)
                if (char.IsLower(word[c]) && char.IsUpper(word[c + 1])) return null;
            return EntityKind.Organisation;
        }

        bool IsCommonWord(int k) => LexiconLookups.IsCommonWord(text.AsSpan(words[k].Start, words[k].Length));

        // After a first name, words that are not ordinary French words, or are also surnames ("Laurent Berger"):
        // "Dana Air" is an airline.
        bool RestIsSurname(int from, int last)
        {
            for (int k = from; k <= last; k++)
            {
                if (FrenchNameWords.PersonParticles.Contains(folded[k]) || words[k].Capitalised && IsFirstName(k)) continue;
                if (!words[k].Capitalised) return false;
                if (IsCommonWord(k) && !PersonNames.IsSurname(folded[k])) return false;
            }
            return true;
        }

        bool IsFirstName(int k)
        {
            var f = folded[k];
            return FrenchNameWords.FirstNames.Contains(f) || PersonNames.IsFirstName(f);
        }

        /// <summary>
        /// Whether the whole name is a place of the gazetteer: a continent or sea, a French département or
        /// région, a commune of 10,000 people or more, or a city of the world's list.
        /// </summary>
        bool IsPlaceName(int start, int last)
        {
            var surface = Surface(start, last, titleCaseCapitals: false);
            if (FrenchNameWords.WorldRegions.Contains(start == last ? folded[start] : Folding.Fold(surface))) return true;   // "Proche-Orient"
            var places = LexiconLookups.PlacesNamed(surface);
            if (places.Count == 0) return false;
            if (start < last) return true;   // "Noyal-sur-Vilaine", "Rio de Janeiro": a compound name is the place
            // One word is often also a person's name or an ordinary word (Hassan, Barroso, Orange): a town needs
            // the size that makes it the usual sense, more when the word is a first name or a surname.
            bool personName = IsFirstName(start) || PersonNames.IsSurname(folded[start]);
            bool commonWord = IsCommonWord(start);
            foreach (var place in places)
            {
                if (place.Kind is PlaceKind.Departement or PlaceKind.Region) return true;
                int needed = place.Kind == PlaceKind.City ? 20_000 : 10_000;
                if (personName || commonWord) needed = 100_000;
                if (place.Kind == PlaceKind.City && (personName || commonWord)) needed = 1_000_000;
                if (place.Population >= needed) return true;
            }
            return false;
        }

        bool HasDigit(int start, int last)
        {
            for (int k = start; k <= last; k++)
                for (int c = words[k].Start; c < words[k].End; c++)
                    if (char.IsDigit(text[c])) return !IsAcronym(k) || CountDigits(k) > 2;
            return false;
        }

        int CountDigits(int k)
        {
            int digits = 0;
            for (int c = words[k].Start; c < words[k].End; c++) if (char.IsDigit(text[c])) digits++;
            return digits;
        }

        bool IsAcronym(int k)
        {
            var w = words[k];
            if (!w.AllCaps || w.Length < 2 || w.Length > 8) return false;
            int letters = 0;
            for (int c = w.Start; c < w.End; c++) if (char.IsLetter(text[c])) letters++;
            if (letters < 2) return false;   // "A3", "B52": a grade or a model
            return !FrenchNameWords.NotNames.Contains(folded[k]);
        }

        /// <summary>Organisation or place announced by the words before: "l'agence russe Rosatom", "la région de Kidal", "à Kidal".</summary>
        EntityKind? CueBefore(int start)
        {
            int k = start - 1;
            if (k < 0 || !Joined(start)) return null;
            while (k >= 0 && !words[k].Capitalised && IsCountryWord(folded[k]) && Joined(k)) k--;   // "l'agence russe"
            if (k < 0) return null;
            if (FrenchNameWords.OrganisationCues.Contains(folded[k])) return EntityKind.Organisation;
            if (FrenchNameWords.PersonCues.Contains(folded[k]) && !words[k].Capitalised) return EntityKind.Person;
            if (FrenchNameWords.PlaceCues.Contains(folded[k]) && !words[k].Capitalised) return EntityKind.Place;
            if (folded[k] is "de" or "d" or "du" && k > 0 && Joined(k) && FrenchNameWords.PlaceCues.Contains(folded[k - 1]) && folded[k - 1] is not "a" and not "en")
                return EntityKind.Place;
            return null;
        }

        bool IsCountryWord(string f) => x.countryWords.Contains(f);

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
            var sb = new StringBuilder();
            for (int k = start; k <= last; k++)
            {
                var w = words[k];
                if (k > start && !words[k - 1].Elision) sb.Append(w.JoinBefore == Join.Hyphen ? '-' : ' ');
                var s = text.Substring(w.Start, w.Length);
                if (k == start && char.IsLower(s[0])) s = char.ToUpperInvariant(s[0]) + s[1..];   // "ministère" opening a name
                if (w.Elision) s = s[..^1] + "'";
                else if (titleCaseCapitals && w.Length > 1 && EntityNames.IsAllCaps(s) && !IsRomanNumeral(s)) s = EntityNames.TitleCase(s);   // "Benoît XVI" stays
                sb.Append(s);
            }
            return sb.ToString();
        }
    }

    static readonly string[] ElisionPrefixes = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"];

    static List<Word> SplitWords(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = new List<Word>(tokens.Count + tokens.Count / 8);   // room for the elided articles split off
        int previousEnd = -1;
        string previousFolded = "";
        foreach (var token in tokens)
        {
            var join = Join.Break;
            bool comma = false, sentenceStart = previousEnd < 0;
            if (previousEnd >= 0) ReadGap(text.AsSpan(previousEnd, token.Start - previousEnd), previousFolded, out join, out comma, out sentenceStart);

            int start = token.Start, length = token.Length;
            int apostrophe = IndexOfApostrophe(text, start, length);
            if (apostrophe > 0)
            {
                var prefix = text.AsSpan(start, apostrophe - start);
                var prefixFolded = FrenchAnalyzer.Fold(prefix);
                // "N'Djamena" keeps its apostrophe; a capital elision opens a sentence ("L'Afrique") or a lower-case
                // word ("[C'est]").
                bool elided = ElisionPrefixes.Contains(prefixFolded)
                    && (char.IsLower(prefix[0]) || sentenceStart && prefixFolded is not "n"
                        || apostrophe + 1 < start + length && char.IsLower(text[apostrophe + 1]));
                if (elided)
                {
                    words.Add(new Word(start, apostrophe - start + 1, prefixFolded, false, false, true, false, join, comma, sentenceStart));
                    length -= apostrophe - start + 1;
                    start = apostrophe + 1;
                    join = Join.Space;
                    comma = false;
                    sentenceStart = false;
                }
            }
            var word = text.AsSpan(start, length);
            words.Add(new Word(start, length, FrenchAnalyzer.Fold(word), char.IsUpper(word[0]), EntityNames.IsAllCaps(word) && length > 1,
                false, char.IsDigit(word[0]), join, comma, sentenceStart));
            previousEnd = token.End;
            previousFolded = words[^1].Folded;
        }
        MarkCapitalHeadings(words);
        return words;
    }

    static int IndexOfApostrophe(string text, int start, int length)
    {
        for (int k = start; k < start + length; k++) if (Tokenizer.IsApostrophe(text[k])) return k;
        return -1;
    }

    static void ReadGap(ReadOnlySpan<char> gap, string previousFolded, out Join join, out bool comma, out bool sentenceStart)
    {
        comma = false;
        sentenceStart = false;
        if (gap.Length == 1 && gap[0] is '-' or '\u2010' or '\u2011') { join = Join.Hyphen; return; }
        bool onlySpaces = true;
        foreach (var c in gap)
        {
            if (c is ' ' or '\t') continue;
            onlySpaces = false;
            if (c == ',') comma = true;
            else if (c is '.' or '!' or '?' or '…' or ':' or ';' or '«' or '"' or '“' or '\n' or '\r' or '•' or '(' or ')') sentenceStart = true;
        }
        // "M. Traoré": the period of an abbreviated title neither ends a sentence nor breaks the name.
        // "B. Obama": nor does the period of an initial.
        if (!onlySpaces && gap.Trim().SequenceEqual(".")
            && (previousFolded is "m" or "mme" or "mlle" or "dr" or "pr" or "me" or "mgr" or "st" || previousFolded.Length == 1 && char.IsLetter(previousFolded[0])))
        {
            join = Join.Space;
            sentenceStart = false;
            return;
        }
        join = onlySpaces ? Join.Space : Join.Break;
        if (comma && sentenceStart) comma = false;
    }

    // Runs of ALL-CAPS words holding a function word ("LA RUSSIE ET LE MALI") are headings, not acronyms or names.
    static void MarkCapitalHeadings(List<Word> words)
    {
        int k = 0;
        while (k < words.Count)
        {
            if (!words[k].AllCaps) { k++; continue; }
            int end = k;
            bool functionWord = FrenchNameWords.NotNames.Contains(words[k].Folded) && words[k].Length > 1;
            while (end + 1 < words.Count && (words[end + 1].AllCaps || words[end + 1].Elision) && words[end + 1].JoinBefore != Join.Break)
            {
                end++;
                if (words[end].Length > 1 && FrenchNameWords.NotNames.Contains(words[end].Folded)) functionWord = true;
            }
            if (functionWord && end > k)
                for (int m = k; m <= end; m++) words[m] = words[m] with { Capitalised = false, AllCaps = false, Heading = true };
            k = end + 1;
        }
    }

    static string[] FoldedWords(string phrase) => SplitWords(phrase).Select(w => w.Folded).ToArray();

    static IEnumerable<string> EmbeddedCountryNames()
    {
        using var stream = typeof(EntityExtractor).Assembly.GetManifestResourceStream("country-words-fr.txt")
            ?? throw new InvalidOperationException("Embedded resource country-words-fr.txt is missing from the NewsCorpus assembly.");
        using var reader = new StreamReader(stream);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#') names.Add(line);
        }
        return names;
    }
}
