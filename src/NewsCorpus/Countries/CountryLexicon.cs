using NewsCorpus.Analysis;

namespace NewsCorpus.Countries;

/// <summary>
/// One way of writing a country (or a blocked phrase when <see cref="Iso2"/> is null), as folded words
/// plus the rules that decide whether a match in context counts.
/// </summary>
internal sealed class CountryForm
{
    public required string? Iso2 { get; init; }
    public required string[] Words { get; init; }
    /// <summary>The words as written in the data or overlay, for the case rules.</summary>
    public required string[] Spelling { get; init; }
    /// <summary>Words spelled with a capital must be capitalised in the text ("Chine" yes, "chiné" no).</summary>
    public bool Capitalised { get; init; }
    /// <summary>The last word must be in lower case in the text ("le turc" the language, not "le Turc").</summary>
    public bool LastWordLowercase { get; init; }
    /// <summary>Case-sensitive: acronyms (USA, not "usa" the verb).</summary>
    public bool Exact { get; init; }
    /// <summary>Rejected when a capitalised word follows (a surname or a brand: Maurice Ravel, Panama Papers).</summary>
    public bool Guarded { get; init; }
    /// <summary>Also rejected when a capitalised word precedes mid-sentence (George Washington).</summary>
    public bool PersonName { get; init; }
    /// <summary>When set, the word just before must be one of these (folded): "la Dominique", "à Maurice".</summary>
    public HashSet<string>? After { get; init; }
    /// <summary>A proper noun (name, capital, seat of power) rather than a demonym or an acronym.</summary>
    public bool ProperNoun { get; init; }
    /// <summary>A capital city: its name may also be a city of another country (Tripoli).</summary>
    public bool Capital { get; init; }
}

internal sealed class LexiconNode
{
    public Dictionary<string, LexiconNode>? Next;
    public CountryForm? Form;
}

/// <summary>Builds the detector's lookup tables from the catalog's names and demonyms and the curated <see cref="CountryOverlay"/>.</summary>
internal sealed class CountryLexicon
{
    public LexiconNode Root { get; } = new();
    /// <summary>Compound prefixes (russo-, franco-…) by folded spelling.</summary>
    public Dictionary<string, string> Prefixes { get; } = new();
    public HashSet<string> AmbiguousForms { get; } = new();
    /// <summary>Every folded word the detector may need to compare: form words, prefixes and "after" cue words.</summary>
    public HashSet<string> Words { get; } = new();
    /// <summary>Capital cities of the overlay, folded.</summary>
    public HashSet<string> CapitalNames { get; } = new();
    /// <summary>Language words of the overlay, folded: "l'anglais" in lower case is the language.</summary>
    public HashSet<string> Languages { get; } = new();

    // Keyed by the folded words joined with spaces, so later entries (the overlay) replace earlier ones (the data).
    readonly Dictionary<string, (CountryForm Form, bool FromData)> forms = new();

    enum Kind { Name, Capital, Metonym, Demonym, Acronym }

    public static CountryLexicon Build(CountryCatalog catalog) => Build(catalog, CountryOverlay.Text);

    internal static CountryLexicon Build(CountryCatalog catalog, string overlay)
    {
        var lexicon = new CountryLexicon();
        lexicon.AddData(catalog);
        lexicon.AddOverlay(overlay);
        foreach (var (_, (form, _)) in lexicon.forms)
        {
            lexicon.Insert(form);
            lexicon.Words.UnionWith(form.Words);
            if (form.After is not null) lexicon.Words.UnionWith(form.After);
        }
        lexicon.Words.UnionWith(lexicon.Prefixes.Keys);
        return lexicon;
    }

    void AddData(CountryCatalog catalog)
    {
        foreach (var country in catalog.All)
        {
            foreach (var name in new[] { country.Name, country.OfficialName })
            {
                // Parenthesised and comma-listed names ("Congo (Rép. dém.)") are not how texts write them;
                // the overlay gives the usable forms.
                if (name.Contains('(') || name.Contains(',')) continue;
                AddFromData(country.Iso2, Kind.Name, WithoutLeadingArticle(name));
            }

            var (masculine, feminine) = catalog.Demonyms[country.Iso2];
            foreach (var demonym in masculine.Split(',').Concat(feminine.Split(',')))
            {
                var singular = demonym.Trim();
                // "Antiguaise et barbudien" describes two peoples, not a word anyone writes.
                if (singular.Length == 0 || singular.Contains(' ')) continue;
                AddFromData(country.Iso2, Kind.Demonym, singular);
                AddFromData(country.Iso2, Kind.Demonym, Plural(singular));
            }
        }
    }

    static string WithoutLeadingArticle(string name)
    {
        foreach (var article in new[] { "La ", "Les ", "Le " })
            if (name.StartsWith(article, StringComparison.Ordinal)) return name[article.Length..];
        return name;
    }

    static string Plural(string word) => word[^1] is 's' or 'x' or 'z' ? word : word + "s";

    void AddFromData(string iso2, Kind kind, string spelled)
    {
        var form = MakeForm(iso2, kind, spelled, flags: []);
        var key = string.Join(' ', form.Words);
        if (forms.TryGetValue(key, out var existing))
        {
            if (existing.Form.Iso2 != iso2) AmbiguousForms.Add(key);
            return;
        }
        forms[key] = (form, true);
    }

    void AddOverlay(string overlay)
    {
        var languages = new List<string>();
        var languageCues = new List<(string Cue, string[] Flags)>();
        int lineNumber = 0;
        foreach (var rawLine in overlay.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            var fields = line.Split('|').Select(f => f.Trim()).ToArray();
            if (fields.Length is < 3 or > 4)
                throw new FormatException($"Country overlay line {lineNumber}: expected 'kind | ISO2 | forms | flags', got '{rawLine}'.");
            var (kind, iso2, spellings) = (fields[0], fields[1].ToLowerInvariant(), fields[2].Split(',').Select(s => s.Trim()).ToArray());
            var flags = fields.Length == 4 ? fields[3].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            foreach (var spelled in spellings)
            {
                switch (kind)
                {
                    case "name": SetForm(MakeForm(iso2, Kind.Name, spelled, flags)); break;
                    case "capital": SetForm(MakeForm(iso2, Kind.Capital, spelled, flags)); CapitalNames.Add(Folding.Fold(spelled)); break;
                    case "metonym": SetForm(MakeForm(iso2, Kind.Metonym, spelled, flags)); break;
                    case "acronym": SetForm(MakeForm(iso2, Kind.Acronym, spelled, flags)); break;
                    case "demonym":
                        SetForm(MakeForm(iso2, Kind.Demonym, spelled, flags));
                        SetForm(MakeForm(iso2, Kind.Demonym, Plural(spelled), flags));
                        break;
                    case "prefix": Prefixes[Folding.Fold(spelled)] = iso2; break;
                    case "block": SetForm(MakeForm(null, Kind.Name, spelled, ["noguard"])); break;
                    case "drop": forms.Remove(string.Join(' ', FoldWords(spelled).Words)); break;
                    case "language": languages.Add(spelled); Languages.Add(Folding.Fold(spelled)); break;
                    case "languagecue": languageCues.Add((spelled, flags)); break;
                    default: throw new FormatException($"Country overlay line {lineNumber}: unknown kind '{kind}'.");
                }
            }
        }
        // Plurals too: "la grammaire et l'orthographe françaises".
        foreach (var (cue, flags) in languageCues)
            foreach (var language in languages.Concat(languages.Select(Plural)).Distinct())
                SetForm(MakeForm(null, Kind.Name, cue + " " + language, [.. flags, "noguard"]));
    }

    void SetForm(CountryForm form)
    {
        var key = string.Join(' ', form.Words);
        forms[key] = (form, false);
        AmbiguousForms.Remove(key);
    }

    static CountryForm MakeForm(string? iso2, Kind kind, string spelled, string[] flags)
    {
        var (words, spelling) = FoldWords(spelled);
        HashSet<string>? after = null;
        foreach (var flag in flags)
            if (flag.StartsWith("after=", StringComparison.Ordinal))
                after = flag["after=".Length..].Split(',').Select(Folding.Fold).ToHashSet();
        bool properNoun = kind is Kind.Name or Kind.Capital or Kind.Metonym;
        return new CountryForm
        {
            Iso2 = iso2,
            Words = words,
            Spelling = spelling,
            Capitalised = flags.Contains("cap"),
            LastWordLowercase = flags.Contains("lower"),
            Exact = kind == Kind.Acronym || flags.Contains("exact"),
            // A person or brand can share one word with a country, not a whole multi-word name.
            Guarded = ((properNoun && words.Length == 1) || flags.Contains("guard") || flags.Contains("person")) && !flags.Contains("noguard"),
            PersonName = flags.Contains("person"),
            After = after,
            ProperNoun = properNoun,
            Capital = kind == Kind.Capital,
        };
    }

    /// <summary>Splits a spelled form the way the detector splits text, so both sides compare equal.</summary>
    static (string[] Words, string[] Spelling) FoldWords(string spelled)
    {
        // The data writes "Côte d' Ivoire": rejoin the elision so it tokenizes like running text.
        spelled = spelled.Replace("' ", "'").Replace("’ ", "’");
        var tokens = Tokenizer.Tokenize(spelled);
        var words = new string[tokens.Count];
        var spelling = new string[tokens.Count];
        for (int t = 0; t < tokens.Count; t++)
        {
            var original = spelled.Substring(tokens[t].Start, tokens[t].Length);
            var folded = Folding.Fold(original);
            int cut = CountryDetector.ElisionLength(folded);
            words[t] = folded[cut..];
            spelling[t] = original[cut..];
        }
        if (tokens.Count == 0) throw new FormatException($"Country form '{spelled}' has no words.");
        return (words, spelling);
    }

    void Insert(CountryForm form)
    {
        var node = Root;
        foreach (var word in form.Words)
        {
            node.Next ??= new Dictionary<string, LexiconNode>();
            if (!node.Next.TryGetValue(word, out var next))
                node.Next[word] = next = new LexiconNode();
            node = next;
        }
        node.Form = form;
    }
}
