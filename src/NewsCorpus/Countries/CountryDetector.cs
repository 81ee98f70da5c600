using NewsCorpus.Analysis;
using NewsCorpus.Lexicon;

namespace NewsCorpus.Countries;

/// <summary>A country mention: the lower-case ISO2 code and where the words that name it sit in the text.</summary>
public readonly record struct CountryMatch(string Iso2, int Start, int Length)
{
    /// <summary>The words are the country's capital (a town as well), not its name or people.</summary>
    public bool Capital { get; init; }
}

/// <summary>
/// Finds every country a French text names: names, official names, short forms, demonyms, capitals,
/// metonyms (le Kremlin) and compound prefixes (russo-malien). Lookups are built once from the catalog and
/// <see cref="CountryOverlay"/>; a text is then read in one pass over its tokens, taking at each token the
/// longest form that starts there.
/// </summary>
public sealed class CountryDetector
{
    static readonly Lazy<CountryDetector> defaultDetector = new(() => new CountryDetector(CountryLexicon.Build(CountryCatalog.Default)));

    public static CountryDetector Default => defaultDetector.Value;

    readonly CountryLexicon lexicon;

    // Every folded word that any form, prefix or context rule mentions, for span lookups that allocate nothing.
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> knownWords;

    internal CountryDetector(CountryLexicon lexicon)
    {
        this.lexicon = lexicon;
        var known = new HashSet<string>(lexicon.Words);
        known.UnionWith(Continents);
        knownWords = known.GetAlternateLookup<ReadOnlySpan<char>>();
        capitalNames = lexicon.CapitalNames.GetAlternateLookup<ReadOnlySpan<char>>();
        misspellings = new CountryMisspellings(lexicon.Root.Next!
            .Where(next => next.Value.Form is { Iso2: not null, Exact: false }
                && !lexicon.AmbiguousForms.Contains(next.Key) && !NeedSupport.Contains(next.Key) && !UnionSeats.Contains(next.Key))
            .Select(next => next.Key));
    }

    readonly CountryMisspellings misspellings;

    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> capitalNames;

    /// <summary>Forms generated from the data that more than one country claims and the overlay does not settle.</summary>
    internal IReadOnlyCollection<string> AmbiguousForms => lexicon.AmbiguousForms;

    public IReadOnlyList<CountryMatch> Find(string text)
    {
        var words = ReadWords(text);
        var matches = new List<CountryMatch>(8);
        var candidates = new List<(CountryForm Form, int WordCount)>(4);
        int i = 0;
        while (i < words.Length)
        {
            if (words[i].Folded.Length == 0) { i++; continue; }   // a word no form mentions
            var (form, count) = LongestAccepted(text, words, i, candidates);
            // A longer phrase beats a prefix (anglo-saxon is blocked, not anglo-); a prefix beats a lone word (colombo- is not Colombo).
            if (count < 2 && IsCompoundPrefix(text, words, i, out var prefixIso2))
            {
                matches.Add(new CountryMatch(prefixIso2, words[i].Start, words[i].Length));
                i++;
                continue;
            }
            if (form is null || count == 1 && IsElidedLanguage(text, words[i])) { i++; continue; }
            if (form.Iso2 is not null)   // null: a blocked phrase, which swallows its words and names nothing
            {
                var last = words[i + count - 1];
                matches.Add(new CountryMatch(form.Iso2, words[i].Start, last.End - words[i].Start) { Capital = form.Capital });
            }
            i += count;
        }
        if (matches.Count > 1) AttributeHomonymCapitals(text, matches);
        matches.RemoveAll(m => IsUnsupported(text, m, matches));
        return matches;
    }

    // Words that name a country only when the text names it otherwise too: "l'Amérique" is as often the continent.
    static readonly HashSet<string> NeedSupport = new(StringComparer.Ordinal) { "amerique" };

    // The capital that is also the seat of a union's institutions: "Bruxelles a salué", "les exigences de
    // Bruxelles" are the European Union, which is no country. It names Belgium where it is a place ("à Bruxelles")
    // or when the text names Belgium otherwise.
    static readonly HashSet<string> UnionSeats = new(StringComparer.Ordinal) { "bruxelles" };

    static bool IsUnsupported(string text, CountryMatch match, List<CountryMatch> matches)
    {
        var folded = SupportWord(text, match);
        if (UnionSeats.Contains(folded))
            return !IsAfterPlacePreposition(text, match.Start)
                && !matches.Any(other => other.Iso2 == match.Iso2 && !UnionSeats.Contains(SupportWord(text, other)));
        return NeedSupport.Contains(folded)
            && !matches.Any(other => other.Iso2 == match.Iso2 && !NeedSupport.Contains(SupportWord(text, other)));
    }

    // "à Bruxelles", "vers Bruxelles", "depuis Bruxelles": the word before says where.
    static bool IsAfterPlacePreposition(string text, int start)
    {
        int end = start;
        while (end > 0 && text[end - 1] is ' ' or '\u00A0') end--;
        int begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1])) begin--;
        return Folding.Fold(text[begin..end]) is "a" or "vers" or "depuis" or "pres";
    }

    /// <summary>The folded match when it is a word of NeedSupport or UnionSeats ("l'Amérique" → "amerique"), else "".</summary>
    static string SupportWord(string text, CountryMatch match)
    {
        // Most matches are plain Latin words: folded a character at a time, and only the few that could be in
        // NeedSupport or UnionSeats made strings (folding a whole string goes through the case tables).
        Span<char> buffer = stackalloc char[2 * MaxFoldedToken];
        var raw = text.AsSpan(match.Start, match.Length);
        var latin = raw.Length <= MaxFoldedToken ? FoldLatin(raw, buffer) : [];
        if (!latin.IsEmpty || raw.IsEmpty)
        {
            int cut = latin.IndexOf('\'') is var a and (1 or 2) ? a + 1 : 0;
            var word = latin[cut..];
            return word.SequenceEqual("amerique") ? "amerique" : word.SequenceEqual("bruxelles") ? "bruxelles" : "";
        }
        var folded = Folding.Fold(raw.ToString());
        int apostrophe = folded.IndexOf('\'');
        return apostrophe is 1 or 2 ? folded[(apostrophe + 1)..] : folded;   // l'Amérique, qu'Amérique
    }

    /// <summary>
    /// "Tripoli, dans le nord du Liban": a capital whose name is also a large city of another country that the
    /// same text names is that other country's city (the gazetteer knows the cities of every country).
    /// </summary>
    void AttributeHomonymCapitals(string text, List<CountryMatch> matches)
    {
        for (int m = 0; m < matches.Count; m++)
        {
            var match = matches[m];
            if (!IsCapitalName(text.AsSpan(match.Start, match.Length))) continue;
            var name = text.Substring(match.Start, match.Length);
            // Only when the text names the other country and not the capital's own, and the other city is a real
            // city: Paris is not the small Paris of Texas because a text on France mentions the United States.
            if (matches.Count(other => other.Iso2 == match.Iso2) > 1) continue;
            foreach (var place in Places.Named(name))
            {
                var iso2 = place.CountryCode.ToLowerInvariant();
                if (iso2 != match.Iso2 && place.Kind == PlaceKind.City && place.Population >= 100_000 && matches.Any(other => other.Iso2 == iso2))
                {
                    matches[m] = match with { Iso2 = iso2 };
                    break;
                }
            }
        }
    }

    bool IsCapitalName(ReadOnlySpan<char> raw)
    {
        Span<char> buffer = stackalloc char[2 * MaxFoldedToken];
        var latin = raw.Length <= MaxFoldedToken ? FoldLatin(raw, buffer) : [];
        return latin.IsEmpty ? lexicon.CapitalNames.Contains(Folding.Fold(raw.ToString())) : capitalNames.Contains(latin);
    }

    /// <summary>The longest form starting at word i whose context rules accept it; a rejected form leaves room for a shorter one.</summary>
    (CountryForm? Form, int WordCount) LongestAccepted(string text, Word[] words, int i, List<(CountryForm, int)> candidates)
    {
        CollectCandidates(text, words, i, candidates);
        for (int c = candidates.Count - 1; c >= 0; c--)
        {
            var (form, count) = candidates[c];
            if (Accepts(form, text, words, i, count)) return (form, count);
        }
        return (null, 0);
    }

    /// <summary>
    /// Each token folded, with a leading elided article (l', d', qu'…) cut off so "l'Algérie" reads as "algerie".
    /// A word that appears in no form is left empty: it cannot match, and skipping it saves the allocation.
    /// </summary>
    Word[] ReadWords(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = new Word[tokens.Count];
        Span<char> buffer = stackalloc char[2 * MaxFoldedToken];
        for (int t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var raw = text.AsSpan(token.Start, token.Length);
            scoped ReadOnlySpan<char> folded = [];
            if (token.Length <= MaxFoldedToken)   // no form has a longer word
            {
                folded = FoldLatin(raw, buffer);
                if (folded.IsEmpty) folded = Folding.Fold(raw.ToString());   // scripts beyond Latin: rare in French text
            }
            int cut = ElisionLength(folded);
            // Elided prefixes are ASCII letters plus one apostrophe, so their length is the same in the original.
            var known = knownWords.TryGetValue(folded[cut..], out var word) ? word : misspellings.Correct(folded[cut..]);
            words[t] = new Word(token.Start, token.Start + cut, token.Length - cut, known);
        }
        return words;
    }

    const int MaxFoldedToken = 48;

    // Case and accent folding of Latin letters, one character at a time, as Folding.Fold does for whole words.
    static readonly string[] latinFolds = Enumerable.Range(0, 0x250).Select(c => Folding.Fold(((char)c).ToString())).ToArray();
    // The same where a letter folds to exactly one letter, which is nearly always: '\0' sends the rest (œ → oe) to latinFolds.
    static readonly char[] latinFoldChars = latinFolds.Select(f => f.Length == 1 ? f[0] : '\0').ToArray();

    /// <summary>Folds into <paramref name="buffer"/>; empty when a character is outside the Latin table.</summary>
    static ReadOnlySpan<char> FoldLatin(ReadOnlySpan<char> raw, Span<char> buffer)
    {
        int length = 0;
        foreach (var c in raw)
        {
            if (c < latinFoldChars.Length)
            {
                var single = latinFoldChars[c];
                if (single != '\0') { buffer[length++] = single; continue; }
                var folded = latinFolds[c];
                folded.CopyTo(buffer[length..]);
                length += folded.Length;
            }
            else if (Tokenizer.IsApostrophe(c)) buffer[length++] = '\'';
            else return [];
        }
        return buffer[..length];
    }

    internal static int ElisionLength(ReadOnlySpan<char> folded)
    {
        int apostrophe = folded.IndexOf('\'');
        if (apostrophe <= 0 || apostrophe == folded.Length - 1) return 0;
        return folded[..apostrophe] switch
        {
            "l" or "d" or "qu" or "jusqu" or "lorsqu" or "puisqu" or "presqu" => apostrophe + 1,
            _ => 0,
        };
    }

    void CollectCandidates(string text, Word[] words, int i, List<(CountryForm, int)> candidates)
    {
        candidates.Clear();
        var node = lexicon.Root;
        for (int k = 0; i + k < words.Length; k++)
        {
            if (k > 0 && !IsJoinGap(text, words[i + k - 1].End, words[i + k].TokenStart)) break;
            if (node.Next is null || !node.Next.TryGetValue(words[i + k].Folded, out var next)) break;
            node = next;
            if (node.Form is not null) candidates.Add((node.Form, k + 1));
        }
    }

    bool Accepts(CountryForm form, string text, Word[] words, int i, int count)
    {
        for (int k = 0; k < count; k++)
        {
            var spelling = form.Spelling[k];
            var word = words[i + k];
            if (form.Exact)
            {
                if (!text.AsSpan(word.Start, word.Length).SequenceEqual(spelling)) return false;
            }
            else if (form.Capitalised && char.IsUpper(spelling[0]) && !char.IsUpper(text[word.Start]))
                return false;
            else if (form.LastWordLowercase && k == count - 1 && !char.IsLower(text[word.Start]))
                return false;
        }

        if (form.After is not null && (i == 0 || !form.After.Contains(words[i - 1].Folded)))
            return false;

        // "Maurice Ravel", "Panama Papers", "Washington Post": a capitalised word right after makes it a person or a brand.
        if (form.Guarded && i + count < words.Length)
        {
            var next = words[i + count];
            if (IsSpaceGap(text, words[i + count - 1].End, next.TokenStart) && IsTitlecase(text, next)
                && lexicon.Root.Next?.ContainsKey(next.Folded) != true && !Continents.Contains(next.Folded))
                return false;
        }

        if (count == 1 && form.ProperNoun && IsInsidePersonName(text, words, i)) return false;
        if (count == 1 && form.Capital && (IsPartOfCompoundName(text, words, i) || IsEventOfTheCity(text, words, i))) return false;
        if (count == 1 && IsInLanguageList(text, words, i)) return false;
        if (IsAntiquity(text, words, i, count)) return false;
        // "l'Amérique française", "l'Afrique portugaise": a demonym qualifying a continent names a cultural or
        // colonial area, not today's country.
        if (!form.ProperNoun && !form.Exact && i > 0 && (Continents.Contains(words[i - 1].Folded) || words[i - 1].Folded == "amerique")
            && IsSpaceGap(text, words[i - 1].End, words[i].TokenStart))
            return false;

        // "George Washington", "Denzel Washington": a capitalised word right before that does not start a sentence.
        if (form.PersonName && i > 0)
        {
            var previous = words[i - 1];
            if (IsSpaceGap(text, previous.End, words[i].TokenStart) && IsTitlecase(text, previous)
                && !StartsSentence(text, words, i - 1))
                return false;
        }
        return true;
    }

    // "l'anglais", "de l'allemand": after an elided article a language word in lower case is the language (the
    // person is "l'Anglais"); the cue phrases of the overlay cannot see an article glued to its word.
    bool IsElidedLanguage(string text, Word word) =>
        word.Start > word.TokenStart && char.IsLower(text[word.Start]) && lexicon.Languages.Contains(word.Folded);

    /// <summary>
    /// "Thomas Salvador", "François Hollande", "Thiago de Lima": a country or capital word right after a known
    /// first name, or after "de/da/dos" that follows a capitalised name which is no ordinary word, is a surname.
    /// Sentence-initial or not, the first-name list is the evidence.
    /// </summary>
    bool IsInsidePersonName(string text, Word[] words, int i)
    {
        if (i == 0 || !IsSpaceGap(text, words[i - 1].End, words[i].TokenStart)) return false;
        var previous = RawWord(text, words[i - 1]);
        if (IsTitlecase(text, words[i - 1]) && lexicon.Root.Next?.ContainsKey(words[i - 1].Folded) != true && PersonNames.IsFirstName(previous))
            return true;
        if (previous is not ("de" or "da" or "dos" or "do") || i < 2 || !IsSpaceGap(text, words[i - 2].End, words[i - 1].TokenStart)) return false;
        var name = words[i - 2];
        var spelled = RawWord(text, name);
        return IsTitlecase(text, name) && !StartsSentence(text, words, i - 2) && lexicon.Root.Next?.ContainsKey(name.Folded) != true
            && (PersonNames.IsFirstName(spelled) || !FrenchLexicon.IsCommonWord(spelled));
    }

    /// <summary>"Paris-Dakar", "Rio-Paris": a capital glued by a hyphen to another capitalised name is a route or an event.</summary>
    static bool IsPartOfCompoundName(string text, Word[] words, int i)
    {
        var word = words[i];
        if (i + 1 < words.Length && word.End + 1 == words[i + 1].TokenStart && IsHyphen(text[word.End]) && IsTitlecase(text, words[i + 1]))
            return true;
        return i > 0 && words[i - 1].End + 1 == word.TokenStart && IsHyphen(text[words[i - 1].End]) && IsTitlecase(text, words[i - 1]);
    }

    // The heads of the events, meetings and agreements a city gives its name to.
    static readonly HashSet<string> EventHeads = new(StringComparer.Ordinal)
    {
        "jeux", "sommet", "sommets", "accord", "accords", "traite", "traites", "conference", "conferences", "convention",
        "conventions", "protocole", "festival", "marathon", "salon", "biennale", "forum", "tournoi", "championnats",
        "exposition", "congres", "processus", "format", "pacte", "declaration",
    };

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> eventHeads = EventHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// "les jeux de Beyrouth", "le protocole de Kyoto", "les accords d'Oslo": a capital after an event's name and "de"
    /// names the event, held there or signed there, not the country.
    /// </summary>
    static bool IsEventOfTheCity(string text, Word[] words, int i)
    {
        var word = words[i];
        int head;
        if (word.Start > word.TokenStart) head = word.Start - word.TokenStart == 2 && text[word.TokenStart] is 'd' or 'D' ? i - 1 : -1;   // d'Oslo
        else head = i >= 2 && RawWord(text, words[i - 1]) is "de" or "du" ? i - 2 : -1;
        if (head < 0) return false;
        var raw = text.AsSpan(words[head].TokenStart, words[head].End - words[head].TokenStart);
        Span<char> buffer = stackalloc char[2 * MaxFoldedToken];
        var latin = raw.Length <= MaxFoldedToken ? FoldLatin(raw, buffer) : [];
        return latin.IsEmpty ? EventHeads.Contains(Folding.Fold(raw.ToString())) : eventHeads.Contains(latin);
    }

    /// <summary>
    /// "rassemble français, anglais et créole", "après l'anglais et l'allemand": language words in lower case listed
    /// together are languages, unless the list follows a plural noun it qualifies ("les ministres français et
    /// allemand" are France and Germany). Only a list marks them: "le gouvernement français" stays France.
    /// </summary>
    bool IsInLanguageList(string text, Word[] words, int i)
    {
        if (!IsLowerLanguage(text, words[i])) return false;
        int first = i;
        while (PreviousInList(text, words, first) is { } previous) first = previous;
        bool listed = first < i || NextInList(text, words, i) is not null;
        if (!listed || first == 0 || words[first].Start > words[first].TokenStart) return listed;
        var before = RawWord(text, words[first - 1]);
        return !(char.IsLower(before[0]) && before[^1] is 's' or 'x');
    }

    int? PreviousInList(string text, Word[] words, int i)
    {
        if (i > 0 && IsListGap(text, words[i - 1].End, words[i]) && IsLowerLanguage(text, words[i - 1])) return i - 1;
        if (i > 1 && RawWord(text, words[i - 1]) is "et" or "ou" && IsLowerLanguage(text, words[i - 2])) return i - 2;
        return null;
    }

    int? NextInList(string text, Word[] words, int i)
    {
        if (i + 1 < words.Length && IsListGap(text, words[i].End, words[i + 1]) && IsLowerLanguage(text, words[i + 1])) return i + 1;
        if (i + 2 < words.Length && RawWord(text, words[i + 1]) is "et" or "ou" && IsLowerLanguage(text, words[i + 2])) return i + 2;
        return null;
    }

    bool IsLowerLanguage(string text, Word word) => char.IsLower(text[word.Start]) && lexicon.Languages.Contains(word.Folded);

    // ", " between two words, the elided article of the second one allowed ("l'anglais, l'allemand").
    static bool IsListGap(string text, int end, Word next) => text.AsSpan(end, next.TokenStart - end).Trim() is [',' ];

    /// <summary>
    /// "Rome antique", "la Grèce antique", "l'Antiquité grecque": the ancient world is not today's country. Other
    /// historical mentions (the Ottoman Empire, the USSR) are left to the names the catalogue has.
    /// </summary>
    static bool IsAntiquity(string text, Word[] words, int i, int count)
    {
        int after = i + count;
        if (after < words.Length && RawWord(text, words[after]) is "antique" or "antiques") return true;
        // Checked on the letters first: folding every word before a country ("président") is dear.
        return i > 0 && words[i - 1].Length == "antiquite".Length && text[words[i - 1].Start] is 'a' or 'A'
            && Folding.Fold(RawWord(text, words[i - 1])) == "antiquite";
    }

    static string RawWord(string text, Word word) => text.Substring(word.Start, word.Length);

    /// <summary>"russo" in "russo-malienne": a prefix glued by a hyphen to the next word, and not itself the tail of a compound (Saint-Malo-de-…).</summary>
    bool IsCompoundPrefix(string text, Word[] words, int i, out string iso2)
    {
        iso2 = "";
        if (i + 1 >= words.Length || !lexicon.Prefixes.TryGetValue(words[i].Folded, out var found)) return false;
        var word = words[i];
        if (word.End + 1 != words[i + 1].TokenStart || !IsHyphen(text[word.End])) return false;
        if (i > 0 && words[i - 1].End + 1 == word.TokenStart && IsHyphen(text[words[i - 1].End])
            && !lexicon.Prefixes.ContainsKey(words[i - 1].Folded))
            return false;
        iso2 = found;
        return true;
    }

    // Names that can follow a country without being a surname: "sommet Russie Afrique".
    static readonly HashSet<string> Continents = ["afrique", "europe", "asie", "oceanie", "antarctique", "arctique"];

    static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Words of one form may be separated by spaces, hyphens or an apostrophe (Guinée-Bissau, Côte d'Ivoire), never by punctuation.</summary>
    static bool IsJoinGap(string text, int from, int to)
    {
        for (int p = from; p < to; p++)
            if (!char.IsWhiteSpace(text[p]) && !IsHyphen(text[p]) && !Tokenizer.IsApostrophe(text[p])) return false;
        return true;
    }

    static bool IsSpaceGap(string text, int from, int to)
    {
        if (from == to) return false;
        for (int p = from; p < to; p++)
            if (text[p] is not (' ' or '\u00A0' or '\u202F')) return false;
        return true;
    }

    // Upper case then lower case, as names are written; all-caps headlines and acronyms do not count.
    static bool IsTitlecase(string text, Word word)
    {
        if (!char.IsUpper(text[word.Start])) return false;
        for (int p = word.Start + 1; p < word.End; p++)
            if (char.IsLower(text[p])) return true;
        return false;
    }

    static bool StartsSentence(string text, Word[] words, int i)
    {
        if (i == 0) return true;
        for (int p = words[i - 1].End; p < words[i].TokenStart; p++)
            if (text[p] is '.' or '!' or '?' or ':' or ';' or '\n' or '\r' or '«' or '"' or '“' or '(' or '[' or '—' or '–')
                return true;
        return false;
    }

    /// <summary>A token as the detector reads it: TokenStart is where the token begins, Start where the word begins after an elided article.</summary>
    readonly record struct Word(int TokenStart, int Start, int Length, string Folded)
    {
        public int End => Start + Length;
    }
}
