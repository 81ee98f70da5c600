using NewsCorpus.Analysis;
using NewsCorpus.Lexicon;

namespace NewsCorpus.Entities;

public sealed partial class EntityExtractor
{
    /// <summary>What kind a name is, from evidence: the gazetteer, first names, head words, cues, the lexicon.</summary>
    sealed partial class Pass
    {
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
            // "le Sénat", "le Parlement": the head word of an assembly alone, capitalised inside a sentence and never in
            // lower case in the article, is the institution ("le Parti", "le Conseil" alone say not which one).
            if (orgHead) return !single ? EntityKind.Organisation
                : FrenchNameWords.Assemblies.Contains(first) && !words[start].SentenceStart && words[start].Capitalised && !words[start].AllCaps && !lowerForms.Contains(first)
                  && !(start + 1 < WordCount && Joined(start + 1) && (folded[start + 1] is "de" or "d" or "du" or "des" || words[start + 1].Capitalised))   // the head of a longer name cut short
                  && !(start > 0 && words[start - 1].Elision && words[start - 1].SentenceStart)
                  && !(start > 0 && folded[start - 1] == "au") ? EntityKind.Organisation : null;   // "au" is also "to the": "au Congrès"
            // "Stop Online Piracy Act": a law.
            if (!single && folded[last] is "act" or "bill") return null;
            if (!single && CountryOpensName(start)) return EntityKind.Organisation;   // "France Télécom"
            if (IsPlaceName(start, last)) return EntityKind.Place;
            if (FrenchNameWords.PlaceHeads.Contains(first)) return single ? null : EntityKind.Place;
            if (HasDigit(start, last)) return null;   // "AF447", "Baa2": flights, ratings, models ("TF1" stays)
            if ((single || IsOneHyphenedWord(start, last) && folded[last].EndsWith('s')) && IsPeople(start)) return null;   // "les Touareg", "les Pieds-Noirs"
            if (single && IsAcronym(start)) return FrenchNameWords.CommonAcronyms.Contains(first) ? null : EntityKind.Organisation;
            if (!single && (IsFirstName(start) || IsOtherFirstName(start)))   // "Dana Air" is neither sure; "Betty Moore Foundation" is an organisation
                return RestIsSurname(start + 1, last) ? EntityKind.Person : HasEnglishOrganisationWord(start, last) ? EntityKind.Organisation : null;
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
            if ((IsCommonWord(start) || lowerForms.Contains(folded[start])) && HasLowercaseConnector(start, last)) return null;
            bool hasConnector = false, hasCommonWord = false;
            for (int k = start; k <= last; k++)
            {
                if (!words[k].Capitalised && !words[k].AllCaps) { hasConnector = true; continue; }
                if (FrenchNameWords.NotNames.Contains(folded[k]) && !IsAcronymOfName(k)) return null;
                if (lowerForms.Contains(folded[k]) || IsCommonWord(k)) hasCommonWord = true;
            }
            // Two or three capitalised words that are no French words are a person's name ("Nadim Houry");
            // ordinary words make it an organisation's ("Bouygues Travaux Publics").
            if (hasConnector || hasCommonWord || !LooksLikePersonName(start, last)) return EntityKind.Organisation;
            // French puts no article before a person's name: "du Flight Director", "les Flight Directors" name a thing.
            return AfterArticle(start) ? null : EntityKind.Person;
        }

        bool AfterArticle(int start) =>
            start > 0 && Joined(start) && !words[start - 1].Capitalised && folded[start - 1] is "le" or "la" or "l" or "les" or "du" or "des" or "au" or "aux" or "ces" or "ce" or "cet";

        bool IsOneHyphenedWord(int start, int last)
        {
            for (int k = start + 1; k <= last; k++) if (words[k].JoinBefore != Join.Hyphen) return false;
            return true;
        }

        bool HasLowercaseConnector(int start, int last)
        {
            for (int k = start + 1; k < last; k++) if (!words[k].Capitalised && !words[k].AllCaps) return true;
            return false;
        }

        // "X de Lagos": a name that says in which known place it is, with no head word of an organisation.
        bool EndsWithPlace(int start, int last) => PlaceAfterDe(start, last) > 0;

        /// <summary>
        /// Where the known place of "X de Lagos" starts, 0 when the name is not an unknown one-word name, "de" and a
        /// place of the gazetteer (a compound the gazetteer knows whole, "Rio de Janeiro", is one place).
        /// </summary>
        int PlaceAfterDe(int start, int last)
        {
            if (last < start + 2 || folded[start + 1] is not ("de" or "d" or "du") || words[start + 1].Capitalised) return 0;
            if (IsCommonWord(start) || lowerForms.Contains(folded[start]) || IsFirstName(start) || IsPlaceName(start, last)) return 0;
            return IsPlaceName(start + 2, last) ? start + 2 : 0;
        }

        /// <summary>Two or three capitalised words, none an ordinary French word, a place or a region.</summary>
        bool LooksLikePersonName(int start, int last)
        {
            if (last == start || last - start > 3) return false;
            bool spaced = false;
            for (int k = start + 1; k <= last; k++) if (words[k].JoinBefore == Join.Space) spaced = true;
            if (!spaced) return false;   // "Addis-Abeba", "Hewlett-Packard": one hyphenated word is no first name and surname
            int nameWords = 0;
            for (int k = start; k <= last; k++) if (!FrenchNameWords.PersonParticles.Contains(folded[k])) nameWords++;
            // Three names make a person only after a first name or initials ("J-M Ayrault"): "Human Rights Watch".
            if (nameWords > 3 || nameWords == 3 && !IsFirstName(start) && !IsOtherFirstName(start) && words[start].Length > 1) return false;
            for (int k = start; k <= last; k++)
            {
                if ((FrenchNameWords.PersonParticles.Contains(folded[k]) || IsNameParticle(k, last)) && k > start) continue;   // "Nock Ag Attia"
                if (!words[k].Capitalised || words[k].AllCaps && words[k].Length > 1) return false;
                if (FrenchNameWords.WorldRegions.Contains(folded[k]) || lowerForms.Contains(folded[k])
                    || FrenchNameWords.EnglishOrganisationWords.Contains(folded[k]) || IsWellKnownPlace(k)) return false;   // "Madrid Arena"
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
                if (IsNameParticle(k, last)) continue;   // "Jean-Marie Le Pen", "Charles de Gaulle"
                if (CountryAt(k) > 0 && IsSurnameAfterFirstName(k)) continue;   // "François Hollande"
                if (FrenchNameWords.EnglishOrganisationWords.Contains(folded[k])) return false;   // "Betty Moore Foundation"
                if (!words[k].Capitalised) return false;
                if (IsCommonWord(k) && !PersonNames.IsSurname(folded[k])) return false;
            }
            return true;
        }

        bool HasEnglishOrganisationWord(int start, int last)
        {
            for (int k = start; k <= last; k++) if (FrenchNameWords.EnglishOrganisationWords.Contains(folded[k])) return true;
            return false;
        }

        // A capital, a région or a city of half a million: too well known to be someone's name ("Whitman" is).
        bool IsWellKnownPlace(int k)
        {
            var name = text.Substring(words[k].Start, words[k].Length);
            return LexiconLookups.IsFoldedCapitalCity(folded[k])
                || LexiconLookups.PlacesNamed(name).Any(p => p.Kind is PlaceKind.Region || p.Population >= 500_000);
        }

        // French particles inside a surname, before its last word: "Le Pen", "de Villepin", "La Fontaine".
        bool IsNameParticle(int k, int last) => k < last && folded[k] is "le" or "la" or "de" or "du" or "d";

        bool IsFirstName(int k)
        {
            var f = folded[k];
            return FrenchNameWords.FirstNames.Contains(f) || PersonNames.IsFirstName(f);
        }

        /// <summary>
        /// A first name of another language opening a longer name ("Alfredo Pérez Rubalcaba"), when the word is no
        /// French word, place or country here.
        /// </summary>
        bool IsOtherFirstName(int k) =>
            words[k].Capitalised && PersonNames.IsOtherFirstName(folded[k]) && !IsCommonWord(k) && !lowerForms.Contains(folded[k])
            && !IsPlaceName(k, k) && CountryAt(k) == 0;

        /// <summary>
        /// Whether the whole name is a place of the gazetteer: a continent or sea, a French département or
        /// région, a commune of 2,000 people or more (Figeac), a city of the world's list, a state or province.
        /// </summary>
        bool IsPlaceName(int start, int last)
        {
            var surface = Surface(start, last, titleCaseCapitals: false);
            // A word's folded form is at hand; folding is dear (the case tables), so a longer name is folded once.
            var foldedName = start == last ? folded[start] : Folding.Fold(surface);
            if (FrenchNameWords.WorldRegions.Contains(foldedName)) return true;   // "Proche-Orient"
            if (last == start + 1 && !words[last].Capitalised && FrenchNameWords.WorldRegions.Contains(folded[start])) return true;   // "Afrique occidentale"
            if (LexiconLookups.IsFoldedCapitalCity(foldedName)) return true;   // in French: "Addis-Abeba", "Pékin"
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
                // A state or province has no population here: its name is enough unless it is also a person's name
                // or an ordinary word ("Victoria", "Hidalgo", "Marche").
                if (place.Kind == PlaceKind.Subdivision) { if (!personName && !commonWord) return true; continue; }
                int needed = place.Kind == PlaceKind.City ? 20_000 : 2_000;
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

        /// <summary>A name the words before announce as a thing: "le paquebot Titanic", "l'accélérateur de particules LHC".</summary>
        bool IsThing(int start)
        {
            int k = start - 1;
            if (k < 0 || !Joined(start)) return false;
            if (folded[k] is "le" or "la" or "l" or "les" && k > 0 && Joined(k)) k--;   // "abordage du paquebot par le Storstad" stops at "par"
            // A cue capitalised only because it starts the sentence or the headline is one too: "Ouragan Sandy : 39 morts".
            if (FrenchNameWords.ThingCues.Contains(folded[k]) && (!words[k].Capitalised || words[k].SentenceStart && !words[k].AllCaps)) return true;
            // "l'ouragan meurtrier Sandy", "le paquebot géant Titanic": an adjective between the cue and the name.
            if (k > 0 && !words[k].Capitalised && Joined(k) && IsThingAdjective(folded[k]) && FrenchNameWords.ThingCues.Contains(folded[k - 1]) && !words[k - 1].Capitalised)
                return true;
            // "naufrage du Titanic", "accords d'Évian", "accélérateur de particules LHC"; but "le programme de
            // François Hollande" is his: a first name and a surname make a person.
            if (IsFirstName(start) && start + 1 < WordCount && words[start + 1].Capitalised && words[start + 1].JoinBefore == Join.Space) return false;
            if (folded[k] is "de" or "d" or "du" or "des" && k > 0 && Joined(k)) k--;
            else if (k > 1 && !words[k].Capitalised && folded[k - 1] is "de" or "d" && Joined(k) && Joined(k - 1)) k -= 2;
            else return false;
            if (folded[k] is "le" or "la" or "l" && k > 0 && Joined(k)) k--;
            return k >= 0 && FrenchNameWords.ThingCues.Contains(folded[k]) && !words[k].Capitalised;
        }

        /// <summary>"les Touareg, les Peul, les Songhoï": a capitalised word alone after "les" is a people, not an organisation.</summary>
        bool IsPeople(int k) => k > 0 && folded[k - 1] is "les" && Joined(k) && !IsAcronym(k);

        /// <summary>Organisation or place announced by the words before: "l'agence russe Rosatom", "la région de Kidal", "à Kidal".</summary>
        EntityKind? CueBefore(int start)
        {
            int k = start - 1;
            if (k < 0 || !Joined(start)) return null;
            while (k >= 0 && !words[k].Capitalised && IsCountryWord(folded[k]) && Joined(k)) k--;   // "l'agence russe"
            if (k < 0) return null;
            if (FrenchNameWords.OrganisationCues.Contains(folded[k])) return EntityKind.Organisation;
            // "la secte islamiste Boko Haram", "la compagnie aérienne X": one or two adjectives after the cue.
            for (int m = k, adjectives = 0; m > 0 && adjectives < 2 && !words[m].Capitalised && IsAdjective(folded[m]) && Joined(m); m--, adjectives++)
                if (FrenchNameWords.OrganisationCues.Contains(folded[m - 1]) && !words[m - 1].Capitalised) return EntityKind.Organisation;
            int of = folded[k] is "la" or "l" && k > 0 && Joined(k) && folded[k - 1] is "de" or "d" ? k - 1 : k;
            if (folded[of] is "de" or "d" or "du" or "des" && of > 0 && Joined(of))
            {
                // "les membres d'Ansar Eddine", "le parti des Frères musulmans", "secrétaire général de la Francophonie"
                int head = of - 1;
                if (head >= 0 && (FrenchNameWords.GroupMemberNouns.Contains(folded[head])
                    || FrenchNameWords.TitleWords.Contains(folded[head]) && !FrenchNameWords.PlaceTitles.Contains(folded[head])
                    || FrenchNameWords.OrganisationCues.Contains(folded[head]) && !words[head].Capitalised))
                    return EntityKind.Organisation;
            }
            if (FrenchNameWords.PersonCues.Contains(folded[k]) && !words[k].Capitalised) return EntityKind.Person;
            if (FrenchNameWords.PlaceCues.Contains(folded[k]) && !words[k].Capitalised) return EntityKind.Place;
            // "à Jalo et Ojla": a name coordinated with a place just found is a place.
            if (folded[k] is "et" or "ou" && k > 0 && found.Count > 0 && found[^1].Kind == EntityKind.Place && found[^1].Start + found[^1].Length == words[k - 1].End)
                return EntityKind.Place;
            if (folded[k] is "la" or "l" && k > 1 && Joined(k) && folded[k - 1] is "de" or "d") k--;   // "la province de la Kapisa"
            if (folded[k] is "de" or "d" or "du" && k > 0 && Joined(k) && FrenchNameWords.EventNouns.Contains(folded[k - 1]) && !words[k - 1].Capitalised)
                return EntityKind.Place;   // "le tournoi de Wimbledon"
            // "la province orientale de Cyrénaïque": an adjective between the place word and "de".
            if (folded[k] is "de" or "d" or "du" && k > 1 && Joined(k) && !words[k - 1].Capitalised && IsAdjective(folded[k - 1])
                && FrenchNameWords.PlaceCues.Contains(folded[k - 2]) && folded[k - 2] is not "a" and not "en" and not "au" && Joined(k - 1))
                return EntityKind.Place;
            if (folded[k] is "de" or "d" or "du" && k > 0 && Joined(k) && FrenchNameWords.PlaceCues.Contains(folded[k - 1]) && folded[k - 1] is not "a" and not "en")
                return EntityKind.Place;
            return null;
        }

        bool IsCountryWord(string f) => extractor.countryWords.Contains(f);

        // "au Vietnam": a spelling the extractor's country words lack but the country detector knows is a country.
        bool IsCountryName(int start, int last) =>
            LexiconLookups.IsCountryName(text.Substring(words[start].Start, words[last].End - words[start].Start));

        // "meurtrier", "dangereuse", "géant": what qualifies a storm, a ship or a device between its cue word and its name.
        static bool IsThingAdjective(string f) =>
            IsAdjective(f) || f.Length > 5 && (f.EndsWith("ier") || f.EndsWith("iere") || f.EndsWith("eux") || f.EndsWith("euse"))
            || f is "geant" or "geante" or "nouveau" or "nouvel" or "nouvelle" or "celebre" or "fameux" or "fameuse";

        // "islamiste", "aérienne", "armé": the adjectives that qualify a cue word before the name it announces.
        static bool IsAdjective(string f) =>
            IsDescriptiveWord(f) || f.Length > 4 && (f.EndsWith("iste") || f.EndsWith("istes") || f.EndsWith("enne") || f.EndsWith("aise") || f.EndsWith("ais") || f.EndsWith("ain") || f.EndsWith("aine"))
            || f is "arme" or "armee" or "armes" or "armees" or "public" or "publique" or "prive" or "privee";

    }
}
