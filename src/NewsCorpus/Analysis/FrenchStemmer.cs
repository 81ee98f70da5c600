namespace NewsCorpus.Analysis;

/// <summary>
/// The Snowball French stemmer (snowballstem.org, current rules with elision handling), written against the
/// published algorithm and checked against its 21,655-word sample vocabulary. Works on a stack buffer so the
/// only allocation is the returned stem, and none at all when the word is its own stem.
/// </summary>
public static class FrenchStemmer
{
    // Marker letters the algorithm writes over the word: I, U, Y are i, u, y that must not count as vowels;
    // "He" and "Hi" stand for ë and ï. They are turned back into lower case at the end.

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 1) return word;

        // Each ë or ï becomes two characters, so twice the length is always enough.
        int capacity = word.Length * 2;
        Span<char> buffer = capacity <= 256 ? stackalloc char[capacity] : new char[capacity];

        var w = new Word(buffer, SkipElision(word));
        w.Prelude();
        w.MarkRegions();

        if (w.StandardSuffix() || w.IVerbSuffix() || w.VerbSuffix())
            w.UndoFinalYOrCedilla();
        else
            w.ResidualSuffix();

        w.UnDouble();
        w.UnAccent();
        var stem = w.Postlude();

        return stem.SequenceEqual(word) ? word : new string(stem);
    }

    // "l'avion" → "avion", "qu'il" → "il"; a bare "l'" stays as it is.
    static ReadOnlySpan<char> SkipElision(string word)
    {
        int prefix = 0;
        if (word.Length >= 2 && word[1] == '\'' && "cdjlmnst".Contains(word[0])) prefix = 2;
        else if (word.StartsWith("qu'", StringComparison.Ordinal)) prefix = 3;
        return prefix > 0 && prefix < word.Length ? word.AsSpan(prefix) : word.AsSpan();
    }

    static bool IsVowel(char c) => c switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'â' or 'à' or 'ë' or 'é' or 'ê' or 'è' or 'ï' or 'î' or 'ô'
            or 'û' or 'ù' => true,
        _ => false,
    };

    // Step 1 actions.
    const int Delete = 1, Ation = 2, Logie = 3, Usion = 4, Ence = 5, Ement = 6, Ite = 7, Ive = 8, Eaux = 9,
        Aux = 10, Oux = 11, Euse = 12, Issement = 13, Amment = 14, Emment = 15, Ment = 16;

    static readonly SuffixTable Standard = new(
        (Delete, ["ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes"]),
        (Ation, ["atrice", "ateur", "ation", "atrices", "ateurs", "ations"]),
        (Logie, ["logie", "logies"]),
        (Usion, ["usion", "ution", "usions", "utions"]),
        (Ence, ["ence", "ences"]),
        (Ement, ["ement", "ements"]),
        (Ite, ["ité", "ités"]),
        (Ive, ["if", "ive", "ifs", "ives"]),
        (Eaux, ["eaux"]),
        (Aux, ["aux"]),
        (Oux, ["oux"]),
        (Euse, ["euse", "euses"]),
        (Issement, ["issement", "issements"]),
        (Amment, ["amment"]),
        (Emment, ["emment"]),
        (Ment, ["ment", "ments"]));

    const int AfterEmentIv = 1, AfterEmentEus = 2, AfterEmentAbl = 3, AfterEmentIer = 4;

    static readonly SuffixTable AfterEment = new(
        (AfterEmentIv, ["iv"]),
        (AfterEmentEus, ["eus"]),
        (AfterEmentAbl, ["abl", "iqU"]),
        (AfterEmentIer, ["ièr", "Ièr"]));

    const int AfterIteAbil = 1, AfterIteIc = 2, AfterIteIv = 3;

    static readonly SuffixTable AfterIte = new(
        (AfterIteAbil, ["abil"]),
        (AfterIteIc, ["ic"]),
        (AfterIteIv, ["iv"]));

    static readonly SuffixTable IVerb = new((Delete,
    [
        "îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras",
        "irent", "irez", "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait", "issant",
        "issante", "issantes", "issants", "isse", "issent", "isses", "issez", "issiez", "issions", "issons", "it",
    ]));

    const int VerbIons = 1, VerbDelete = 2, VerbWithE = 3, VerbAis = 4;

    static readonly SuffixTable Verb = new(
        (VerbIons, ["ions"]),
        (VerbDelete,
        [
            "é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras", "erez",
            "eriez", "erions", "erons", "eront", "ez", "iez",
        ]),
        (VerbWithE,
        [
            "âmes", "ât", "âtes", "a", "ai", "aIent", "ait", "ant", "ante", "antes", "ants", "as", "asse",
            "assent", "asses", "assiez", "assions",
        ]),
        (VerbAis, ["ais", "aise", "aises"]),
        (VerbDelete, ["eais"]));

    const int ResidualIon = 1, ResidualIer = 2, ResidualE = 3;

    static readonly SuffixTable Residual = new(
        (ResidualIon, ["ion"]),
        (ResidualIer, ["ier", "ière", "Ier", "Ière"]),
        (ResidualE, ["e"]));

    /// <summary>The word being stemmed; every rule edits its end, so a length is all the state needed.</summary>
    ref struct Word
    {
        readonly Span<char> b;
        int len, pV, p1, p2;

        public Word(Span<char> buffer, ReadOnlySpan<char> text)
        {
            b = buffer;
            text.CopyTo(b);
            len = text.Length;
        }

        ReadOnlySpan<char> Text => b[..len];

        bool EndsWith(ReadOnlySpan<char> suffix) => Text.EndsWith(suffix);

        void Truncate(int newLength) => len = newLength;

        void ReplaceFrom(int start, ReadOnlySpan<char> replacement)
        {
            replacement.CopyTo(b[start..]);
            len = start + replacement.Length;
        }

        /// <summary>Marks the u, i and y that act as consonants, and spells ë and ï as He and Hi.</summary>
        public void Prelude()
        {
            // Snowball rescans the same position after every change, so an ë next to a marked u is seen too.
            int p = 0;
            while (p < len)
                if (!MarkAt(p)) p++;
        }

        bool MarkAt(int p)
        {
            char c = b[p];
            char next = p + 1 < len ? b[p + 1] : '\0';
            bool vowelAfterNext = p + 2 < len && IsVowel(b[p + 2]);
            if (IsVowel(c))
            {
                if (next == 'u' && vowelAfterNext) { b[p + 1] = 'U'; return true; }
                if (next == 'i' && vowelAfterNext) { b[p + 1] = 'I'; return true; }
                if (next == 'y') { b[p + 1] = 'Y'; return true; }
            }
            if (c is 'ë' or 'ï')
            {
                Text[(p + 1)..].CopyTo(b[(p + 2)..]);
                b[p] = 'H';
                b[p + 1] = c == 'ë' ? 'e' : 'i';
                len++;
                return true;
            }
            if (c == 'y' && IsVowel(next)) { b[p] = 'Y'; return true; }
            if (c == 'q' && next == 'u') { b[p + 1] = 'U'; return true; }
            return false;
        }

        public void MarkRegions()
        {
            var t = Text;
            pV = len;
            if (len >= 3 && IsVowel(t[0]) && IsVowel(t[1])) pV = 3;
            else if (t.StartsWith("par") || t.StartsWith("col") || t.StartsWith("tap")) pV = 3;
            else if (len >= 3 && t.StartsWith("ni") && IsVowel(t[2])) pV = 3;
            else
            {
                int i = FirstVowel(t, 1);
                if (i >= 0) pV = i + 1;
            }

            p1 = RegionAfterVowelConsonant(t, 0);
            p2 = RegionAfterVowelConsonant(t, p1);
        }

        static int FirstVowel(ReadOnlySpan<char> t, int from)
        {
            for (int i = from; i < t.Length; i++)
                if (IsVowel(t[i])) return i;
            return -1;
        }

        static int RegionAfterVowelConsonant(ReadOnlySpan<char> t, int from)
        {
            int i = FirstVowel(t, from);
            if (i < 0) return t.Length;
            for (i++; i < t.Length; i++)
                if (!IsVowel(t[i])) return i + 1;
            return t.Length;
        }

        bool R1(int pos) => pos >= p1;
        bool R2(int pos) => pos >= p2;
        bool RV(int pos) => pos >= pV;

        /// <summary>Step 1. False sends the word on to the verb steps, sometimes already shortened.</summary>
        public bool StandardSuffix()
        {
            switch (Standard.Match(Text, 0, out int s))
            {
                case Delete:
                    if (!R2(s)) return false;
                    Truncate(s);
                    return true;
                case Ation:
                    if (!R2(s)) return false;
                    Truncate(s);
                    if (EndsWith("ic")) IcToIqU(len - 2);
                    return true;
                case Logie:
                    if (!R2(s)) return false;
                    ReplaceFrom(s, "log");
                    return true;
                case Usion:
                    if (!R2(s)) return false;
                    ReplaceFrom(s, "u");
                    return true;
                case Ence:
                    if (!R2(s)) return false;
                    ReplaceFrom(s, "ent");
                    return true;
                case Ement:
                    if (!RV(s)) return false;
                    Truncate(s);
                    AfterEmentRemoved();
                    return true;
                case Ite:
                    if (!R2(s)) return false;
                    Truncate(s);
                    AfterIteRemoved();
                    return true;
                case Ive:
                    if (!R2(s)) return false;
                    Truncate(s);
                    if (EndsWith("at") && R2(len - 2))
                    {
                        Truncate(len - 2);
                        if (EndsWith("ic")) IcToIqU(len - 2);
                    }
                    return true;
                case Eaux:
                    ReplaceFrom(s, "eau");
                    return true;
                case Aux:
                    if (!R1(s)) return false;
                    ReplaceFrom(s, "al");
                    return true;
                case Oux:
                    if (s == 0 || !"bhjlnp".Contains(b[s - 1])) return false;
                    ReplaceFrom(s, "ou");
                    return true;
                case Euse:
                    return EusToEux(s);
                case Issement:
                    if (!R1(s) || s == 0 || IsVowel(b[s - 1])) return false;
                    Truncate(s);
                    return true;
                case Amment:
                    // The rule rewrites and then fails on purpose, so the verb steps still look at "-ant".
                    if (RV(s)) ReplaceFrom(s, "ant");
                    return false;
                case Emment:
                    if (RV(s)) ReplaceFrom(s, "ent");
                    return false;
                case Ment:
                    if (s > 0 && IsVowel(b[s - 1]) && RV(s - 1)) Truncate(s);
                    return false;
                default:
                    return false;
            }
        }

        // "-ic" left in front of a removed suffix goes if in R2, else is kept as "iqU".
        void IcToIqU(int s)
        {
            if (R2(s)) Truncate(s);
            else ReplaceFrom(s, "iqU");
        }

        // "-eus(e)": removed if in R2, else respelled "eux" if in R1. False if neither applies.
        bool EusToEux(int s)
        {
            if (R2(s)) Truncate(s);
            else if (R1(s)) ReplaceFrom(s, "eux");
            else return false;
            return true;
        }

        void AfterEmentRemoved()
        {
            switch (AfterEment.Match(Text, 0, out int s))
            {
                case AfterEmentIv:
                    if (!R2(s)) return;
                    Truncate(s);
                    if (EndsWith("at") && R2(len - 2)) Truncate(len - 2);
                    return;
                case AfterEmentEus:
                    EusToEux(s);
                    return;
                case AfterEmentAbl:
                    if (R2(s)) Truncate(s);
                    return;
                case AfterEmentIer:
                    if (RV(s)) ReplaceFrom(s, "i");
                    return;
            }
        }

        void AfterIteRemoved()
        {
            switch (AfterIte.Match(Text, 0, out int s))
            {
                case AfterIteAbil:
                    if (R2(s)) Truncate(s);
                    else ReplaceFrom(s, "abl");
                    return;
                case AfterIteIc:
                    IcToIqU(s);
                    return;
                case AfterIteIv:
                    if (R2(s)) Truncate(s);
                    return;
            }
        }

        /// <summary>Step 2a: -ir verb endings, only after a consonant that is itself in RV.</summary>
        public bool IVerbSuffix()
        {
            if (pV > len || IVerb.Match(Text, pV, out int s) == 0) return false;
            if (s - 1 < pV || b[s - 1] == 'H' || IsVowel(b[s - 1])) return false;
            Truncate(s);
            return true;
        }

        /// <summary>Step 2b: other verb endings inside RV.</summary>
        public bool VerbSuffix()
        {
            if (pV > len) return false;
            switch (Verb.Match(Text, pV, out int s))
            {
                case VerbIons:
                    if (!R2(s)) return false;
                    Truncate(s);
                    return true;
                case VerbDelete:
                    Truncate(s);
                    return true;
                case VerbWithE:
                    // "mangeait" → "mang": an e before the ending goes with it.
                    Truncate(s - 1 >= pV && b[s - 1] == 'e' ? s - 1 : s);
                    return true;
                case VerbAis:
                    // Nouns and adjectives where -ais is not a verb ending: palais, mauvais, (dé)plais.
                    if (s == 3 && Text[..s].EndsWith("al")) return false;
                    if (Text[..s].EndsWith("auv") || Text[..s].EndsWith("épl")) return false;
                    Truncate(s);
                    return true;
                default:
                    return false;
            }
        }

        public void UndoFinalYOrCedilla()
        {
            if (len == 0) return;
            if (b[len - 1] == 'Y') b[len - 1] = 'i';
            else if (b[len - 1] == 'ç') b[len - 1] = 'c';
        }

        /// <summary>Step 4: plural -s anywhere, then -ion, -ier, -e inside RV.</summary>
        public void ResidualSuffix()
        {
            if (len >= 2 && b[len - 1] == 's')
            {
                char before = b[len - 2];
                bool afterHi = len >= 3 && before == 'i' && b[len - 3] == 'H';
                if (afterHi || before is not ('a' or 'i' or 'o' or 'u' or 'è' or 's')) len--;
            }
            if (pV > len) return;
            switch (Residual.Match(Text, pV, out int s))
            {
                case ResidualIon:
                    if (R2(s) && s - 1 >= pV && b[s - 1] is 's' or 't') Truncate(s);
                    return;
                case ResidualIer:
                    ReplaceFrom(s, "i");
                    return;
                case ResidualE:
                    Truncate(s);
                    return;
            }
        }

        /// <summary>Step 5: "-enn", "-onn", "-ett", "-ell", "-eill" lose their last letter.</summary>
        public void UnDouble()
        {
            if (EndsWith("enn") || EndsWith("onn") || EndsWith("ett") || EndsWith("ell") || EndsWith("eill"))
                len--;
        }

        /// <summary>Step 6: é or è before the final consonants becomes e.</summary>
        public void UnAccent()
        {
            int i = len - 1;
            while (i >= 0 && !IsVowel(b[i])) i--;
            if (i < len - 1 && i >= 0 && b[i] is 'é' or 'è') b[i] = 'e';
        }

        /// <summary>Turns the markers back into the letters they stand for; returns the finished stem.</summary>
        public ReadOnlySpan<char> Postlude()
        {
            int n = 0;
            for (int i = 0; i < len; i++)
            {
                char c = b[i];
                switch (c)
                {
                    case 'I': b[n++] = 'i'; break;
                    case 'U': b[n++] = 'u'; break;
                    case 'Y': b[n++] = 'y'; break;
                    case 'H':
                        if (i + 1 < len && b[i + 1] == 'e') { b[n++] = 'ë'; i++; }
                        else if (i + 1 < len && b[i + 1] == 'i') { b[n++] = 'ï'; i++; }
                        break;
                    default: b[n++] = c; break;
                }
            }
            return b[..n];
        }
    }

    /// <summary>Suffix list answering "longest entry the word ends with that starts at or after a limit".</summary>
    sealed class SuffixTable
    {
        // Bucketed by last letter (every suffix ends in a Latin-1 letter), longest first within a bucket.
        readonly (string Suffix, int Action)[]?[] byLastChar = new (string, int)[]?[256];

        public SuffixTable(params (int Action, string[] Suffixes)[] groups)
        {
            var all = groups.SelectMany(g => g.Suffixes.Select(s => (Suffix: s, g.Action)));
            foreach (var bucket in all.GroupBy(e => e.Suffix[^1]))
                byLastChar[bucket.Key] = bucket.OrderByDescending(e => e.Suffix.Length).ToArray();
        }

        public int Match(ReadOnlySpan<char> word, int limit, out int start)
        {
            start = word.Length;
            if (word.Length == 0 || word[^1] >= 256) return 0;
            var bucket = byLastChar[word[^1]];
            if (bucket is null) return 0;
            foreach (var (suffix, action) in bucket)
            {
                int s = word.Length - suffix.Length;
                if (s >= limit && word.EndsWith(suffix))
                {
                    start = s;
                    return action;
                }
            }
            return 0;
        }
    }
}
