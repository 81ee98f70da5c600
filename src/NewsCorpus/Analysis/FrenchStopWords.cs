namespace NewsCorpus.Analysis;

/// <summary>
/// The Snowball French stop-word list (snowballstem.org/algorithms/french/stop.txt, BSD licence; also the
/// list NLTK ships for French): pronouns, articles, common prepositions, the letters left by elision, and the
/// conjugated forms of être and avoir. Words are lower case with their accents.
/// </summary>
public static class FrenchStopWords
{
    static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il", "ils", "je",
        "la", "le", "les", "leur", "lui", "ma", "mais", "me", "même", "mes", "moi", "mon", "ne", "nos", "notre",
        "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te",
        "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous",

        // Single letters: what elision leaves ("l'", "d'", …), plus "à" and "y".
        "c", "d", "j", "l", "à", "m", "n", "s", "t", "y",

        // Forms of être (not the infinitive).
        "été", "étée", "étées", "étés", "étant", "étante", "étants", "étantes", "suis", "es", "est", "sommes",
        "êtes", "sont", "serai", "seras", "sera", "serons", "serez", "seront", "serais", "serait", "serions",
        "seriez", "seraient", "étais", "était", "étions", "étiez", "étaient", "fus", "fut", "fûmes", "fûtes",
        "furent", "sois", "soit", "soyons", "soyez", "soient", "fusse", "fusses", "fût", "fussions", "fussiez",
        "fussent",

        // Forms of avoir (not the infinitive).
        "ayant", "ayante", "ayantes", "ayants", "eu", "eue", "eues", "eus", "ai", "as", "avons", "avez", "ont",
        "aurai", "auras", "aura", "aurons", "aurez", "auront", "aurais", "aurait", "aurions", "auriez",
        "auraient", "avais", "avait", "avions", "aviez", "avaient", "eut", "eûmes", "eûtes", "eurent", "aie",
        "aies", "ait", "ayons", "ayez", "aient", "eusse", "eusses", "eût", "eussions", "eussiez", "eussent",
    };

    public static IReadOnlySet<string> All => Words;

    public static bool Contains(string lowercaseWord) => Words.Contains(lowercaseWord);

    static readonly HashSet<string> Folded = new(Words.Select(Folding.Fold), StringComparer.Ordinal);

    /// <summary>Whether a folded word is a stop word however it was accented: "ete" as "été", "a" as "à".</summary>
    public static bool ContainsFolded(string foldedWord) => Folded.Contains(foldedWord);
}
