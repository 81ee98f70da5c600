using NewsCorpus.Analysis;
using NewsCorpus.Lexicon;

namespace NewsCorpus.Entities;

/// <summary>
/// Finds people, organisations and places (not countries) in French news text with word-level heuristics:
/// capitalised word sequences, titles that announce a person ("le Capitaine Ibrahim TRAORE"), words that
/// announce an organisation or a place, and the known names of <see cref="EntityAliases"/>. One pass over the
/// tokens with hash lookups, so it can run on every article of a large corpus.
/// <para>Read in three steps, one file each: the text becomes words (EntityExtractor.Words.cs), names are found where
/// they start and end (EntityExtractor.Spans.cs), and each name gets its kind from evidence (EntityExtractor.Kinds.cs).</para>
/// </summary>
public sealed partial class EntityExtractor
{
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
        var lowerForms = new HashSet<string>(words.Count, StringComparer.Ordinal);
        AddLowerForms(words, lowerForms);
        return Extract(text, words, lowerForms, new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>
    /// The mentions of a whole article, block by block. A name that one block announces as a thing ("le paquebot
    /// Titanic", "l'ouragan Sandy") is no entity anywhere in the article, though other blocks name it bare; a word
    /// the article writes in lower case anywhere is an ordinary word in all its blocks ("Boson" in the title,
    /// "le boson" in the text).
    /// </summary>
    public IReadOnlyList<EntityMention> ExtractArticle(IEnumerable<string> blocks)
    {
        var texts = blocks as IReadOnlyList<string> ?? blocks.ToList();
        var words = new List<Word>[texts.Count];
        int wordCount = 0;
        for (int b = 0; b < texts.Count; b++) { words[b] = SplitWords(texts[b]); wordCount += words[b].Count; }
        var lowerForms = new HashSet<string>(wordCount, StringComparer.Ordinal);
        foreach (var blockWords in words) AddLowerForms(blockWords, lowerForms);
        var things = new HashSet<string>(StringComparer.Ordinal);
        var mentions = new List<EntityMention>();
        for (int b = 0; b < texts.Count; b++) mentions.AddRange(Extract(texts[b], words[b], lowerForms, things));
        return things.Count == 0 ? mentions : mentions.Where(m => !things.Contains(EntityNames.Key(m.Surface))).ToList();
    }

    static void AddLowerForms(List<Word> words, HashSet<string> lowerForms)
    {
        foreach (var w in words)
            if (!w.Elision && !w.Digit && !w.Capitalised && !w.AllCaps) lowerForms.Add(w.Folded);
    }

    /// <param name="lowerForms">The words written in lower case in the block or the article.</param>
    /// <param name="things">Keys of the names announced as things, filled as they are met.</param>
    IReadOnlyList<EntityMention> Extract(string text, List<Word> words, HashSet<string> lowerForms, HashSet<string> things)
    {
        var folded = new string[words.Count];
        // Sized up front: growing it word by word was a good part of the extractor's allocations.
        var capitalisedInside = new HashSet<string>(words.Count / 4, StringComparer.Ordinal);
        for (int k = 0; k < words.Count; k++)
        {
            var w = words[k];
            folded[k] = w.Folded;
            if (w.Elision || w.Digit) continue;
            if ((w.Capitalised || w.AllCaps) && !w.SentenceStart) capitalisedInside.Add(w.Folded);
        }
        return new Pass(this, text, words, folded, lowerForms, capitalisedInside, things).Run();
    }

    /// <summary>The state of one Extract call, so the helpers can share it without long parameter lists.</summary>
    sealed partial class Pass(EntityExtractor extractor, string text, List<Word> words, string[] folded,
        HashSet<string> lowerForms, HashSet<string> capitalisedInside, HashSet<string> things)
    {
        readonly HashSet<string> things = things;
        readonly EntityExtractor extractor = extractor;
        readonly string text = text;
        readonly List<Word> words = words;
        readonly string[] folded = folded;
        readonly HashSet<string> lowerForms = lowerForms;
        readonly HashSet<string> capitalisedInside = capitalisedInside;
        readonly List<EntityMention> found = [];

        int WordCount => words.Count;
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
