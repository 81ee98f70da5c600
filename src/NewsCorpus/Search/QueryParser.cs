using NewsCorpus.Analysis;
using NewsCorpus.Articles;

namespace NewsCorpus.Search;

public enum NoticeKind
{
    /// <summary>Stop words were left out (Detail: the words).</summary>
    StopWordsIgnored,
    /// <summary>Nothing but stop words: nothing to search for.</summary>
    OnlyStopWords,
    /// <summary>Only exclusions: say what to look for as well.</summary>
    OnlyExclusions,
    /// <summary>The query was longer than <see cref="QueryParser.MaxLength"/> characters and was cut.</summary>
    Trimmed,
    /// <summary>A prefix shorter than three letters was taken as a plain word (Detail: the word).</summary>
    ShortPrefix,
    /// <summary>A filter's value was not understood and was ignored (Detail: the filter).</summary>
    InvalidFilter,
    /// <summary>More than <see cref="QueryParser.MaxTerms"/> terms: the rest were ignored.</summary>
    TooManyTerms,
    /// <summary>Too many matches to rank them all in time: the page ranks the newest of them (Detail: how many).</summary>
    RankedAmongNewest,
    /// <summary>The search ran out of its time budget and was stopped.</summary>
    TimedOut,
}

public sealed record QueryNotice(NoticeKind Kind, string Detail = "");

/// <summary>Filters that narrow any result set, from the form fields or typed in the query box.</summary>
/// <param name="Sources">Slugs of outlets (<see cref="SourceNames.Slug"/>): an article must come from one of them.</param>
public sealed record SearchFilters(IReadOnlyList<string> Countries, YearMonth? From, YearMonth? To, IReadOnlyList<string>? Entities = null,
    IReadOnlyList<string>? Sources = null)
{
    public static readonly SearchFilters None = new([], null, null);
    public IReadOnlyList<string> EntitySlugs => Entities ?? [];
    public IReadOnlyList<string> SourceSlugs => Sources ?? [];
    public bool IsEmpty => Countries.Count == 0 && From is null && To is null && EntitySlugs.Count == 0 && SourceSlugs.Count == 0;

    /// <summary>Whether both keep the same articles (the record's own equality compares the lists by reference).</summary>
    public bool KeepsTheSameAs(SearchFilters other) =>
        From == other.From && To == other.To && Countries.SequenceEqual(other.Countries)
        && EntitySlugs.SequenceEqual(other.EntitySlugs) && SourceSlugs.SequenceEqual(other.SourceSlugs);
}

public sealed record ParsedQuery(QueryNode? Root, SearchFilters Filters, IReadOnlyList<QueryNotice> Notices)
{
    /// <summary>True when there are words to match (not just filters).</summary>
    public bool HasText => Root is not null;

    /// <summary>What each ordinary word looks for in the index; <see cref="CorpusSearch.Parse"/> asks the corpus.</summary>
    public QueryStems Stems { get; init; } = QueryStems.WithoutCorpus;
}

/// <summary>
/// Reads the query language: words (all required, stemmed), "exact phrase", OR, -exclusion, word*, (groups),
/// and filters pays:/country:, du:/from:, au:/to:, entité:/entity:, source:/média: (a slug or a quoted name).
/// Anything else is literal text; no input is an error.
/// </summary>
public static class QueryParser
{
    public const int MaxLength = 500;
    public const int MaxTerms = 32;
    const int MaxDepth = 8;

    public static ParsedQuery Parse(string? input, SearchFilters? formFilters = null)
    {
        var notices = new List<QueryNotice>();
        input ??= "";
        if (input.Length > MaxLength)
        {
            input = input[..MaxLength];
            notices.Add(new QueryNotice(NoticeKind.Trimmed, MaxLength.ToString()));
        }
        input = TextNormalizer.Normalize(input).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');

        var state = new State(Lex(input), notices, formFilters ?? SearchFilters.None);
        var root = state.ParseOr(0);
        while (!state.AtEnd) { state.Skip(); root = Combine(root, state.ParseOr(0)); }   // stray ")"
        root = Simplify(root);

        if (root is null && state.StopWords.Count > 0 && state.Excluded == 0)
            notices.Add(new QueryNotice(NoticeKind.OnlyStopWords, string.Join(" ", state.StopWords)));
        else if (state.StopWords.Count > 0)
            notices.Add(new QueryNotice(NoticeKind.StopWordsIgnored, string.Join(" ", state.StopWords.Distinct())));
        if (root is null && state.Excluded > 0)
            notices.Add(new QueryNotice(NoticeKind.OnlyExclusions));

        var filters = new SearchFilters(state.Countries.Distinct().ToList(), state.From, state.To, state.Entities.Distinct().ToList(),
            state.Sources.Count == 0 ? null : state.Sources.Distinct().ToList());
        return new ParsedQuery(root, filters, notices);
    }

    enum Kind { Word, Quoted, Minus, Open, Close, Or, Not }
    readonly record struct Lexeme(Kind Kind, string Text = "");

    static List<Lexeme> Lex(string s)
    {
        var result = new List<Lexeme>();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '"' or '«' or '»' or '“' or '”')
            {
                int end = s.IndexOfAny(['"', '»', '”'], i + 1);
                if (end < 0) end = s.Length;               // an unbalanced quote closes itself
                result.Add(new Lexeme(Kind.Quoted, s[(i + 1)..end]));
                i = end + 1;
                continue;
            }
            if (c == '(') { result.Add(new Lexeme(Kind.Open)); i++; continue; }
            if (c == ')') { result.Add(new Lexeme(Kind.Close)); i++; continue; }
            if (c == '-' && (i == 0 || char.IsWhiteSpace(s[i - 1]) || s[i - 1] == '('))
            {
                result.Add(new Lexeme(Kind.Minus));
                i++;
                continue;
            }
            int start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('"' or '(' or ')' or '«' or '»' or '“' or '”')) i++;
            var word = s[start..i];
            result.Add(word switch
            {
                "OR" or "OU" or "|" => new Lexeme(Kind.Or),
                "NOT" or "SAUF" => new Lexeme(Kind.Not),
                "AND" or "ET" or "&" or "+" => new Lexeme(Kind.Word, ""),   // everything is required anyway
                _ => new Lexeme(Kind.Word, word),
            });
        }
        return result;
    }

    sealed class State(List<Lexeme> lexemes, List<QueryNotice> notices, SearchFilters form)
    {
        int position;
        int terms;
        public readonly List<string> StopWords = [];
        public readonly List<string> Countries = form.Countries.ToList();
        public readonly List<string> Entities = form.EntitySlugs.ToList();
        public readonly List<string> Sources = form.SourceSlugs.ToList();
        public YearMonth? From = form.From, To = form.To;
        public int Excluded;

        public bool AtEnd => position >= lexemes.Count;
        Lexeme? Peek => AtEnd ? null : lexemes[position];
        public void Skip() => position++;

        public QueryNode? ParseOr(int depth)
        {
            var options = new List<QueryNode>();
            var first = ParseAnd(depth);
            if (first is not null) options.Add(first);
            while (Peek?.Kind == Kind.Or)
            {
                Skip();
                var next = ParseAnd(depth);
                if (next is not null) options.Add(next);
            }
            return options.Count switch { 0 => null, 1 => options[0], _ => new OrNode(options) };
        }

        QueryNode? ParseAnd(int depth)
        {
            var include = new List<QueryNode>();
            var exclude = new List<QueryNode>();
            while (Peek is { } next && next.Kind is not (Kind.Or or Kind.Close))
            {
                bool negate = false;
                while (Peek?.Kind is Kind.Minus or Kind.Not) { Skip(); negate = true; }
                var atom = ParseAtom(depth);
                if (atom is null) continue;
                if (negate) { exclude.Add(atom); Excluded++; }
                else include.Add(atom);
            }
            if (include.Count == 0) return null;        // exclusions alone cannot be searched for
            if (include.Count == 1 && exclude.Count == 0) return include[0];
            return new AndNode(include, exclude);
        }

        QueryNode? ParseAtom(int depth)
        {
            if (Peek is not { } lexeme) return null;
            Skip();
            switch (lexeme.Kind)
            {
                case Kind.Open:
                    if (depth >= MaxDepth) return null;   // deeper nesting adds nothing but risk
                    var inner = ParseOr(depth + 1);
                    if (Peek?.Kind == Kind.Close) Skip();   // a missing ")" closes itself
                    return inner;
                case Kind.Quoted:
                    return Quoted(lexeme.Text);
                case Kind.Word:
                    return Word(lexeme.Text);
                default:
                    return null;                          // a stray ")" or "OR"
            }
        }

        QueryNode? Quoted(string text)
        {
            var words = Tokenizer.Tokenize(text).Select(t => t.Text(text)).ToList();
            if (words.Count == 0 || !Count(1)) return null;
            return words.Count == 1 ? new TermNode(words[0], Exact: true) : new PhraseNode(string.Join(" ", words));
        }

        QueryNode? Word(string text)
        {
            if (text.Length == 0) return null;
            int colon = text.IndexOf(':');
            // A filter's value may be quoted: source:"Le Monde".
            if (colon == text.Length - 1 && Peek is { Kind: Kind.Quoted } quoted && IsFilterKey(text[..colon].ToLowerInvariant()))
            {
                Skip();
                TryFilter(text[..colon].ToLowerInvariant(), quoted.Text);
                return null;
            }
            if (colon > 0 && TryFilter(text[..colon].ToLowerInvariant(), text[(colon + 1)..])) return null;

            bool prefix = text.EndsWith('*');
            var words = Tokenizer.Tokenize(text).Select(t => t.Text(text)).ToList();
            var nodes = new List<QueryNode>();
            for (int i = 0; i < words.Count; i++)
            {
                var word = words[i];
                bool isPrefix = prefix && i == words.Count - 1;
                if (isPrefix && Folding.Fold(word).Length < 3)
                {
                    notices.Add(new QueryNotice(NoticeKind.ShortPrefix, word));
                    isPrefix = false;
                }
                if (!isPrefix && FrenchAnalyzer.Analyze(word).IsStopWord) { StopWords.Add(word); continue; }
                if (!Count(1)) break;
                nodes.Add(new TermNode(word, Prefix: isPrefix));
            }
            return nodes.Count switch { 0 => null, 1 => nodes[0], _ => new AndNode(nodes, []) };
        }

        bool Count(int n)
        {
            if (terms + n > MaxTerms)
            {
                if (terms <= MaxTerms) notices.Add(new QueryNotice(NoticeKind.TooManyTerms, MaxTerms.ToString()));
                terms = MaxTerms + 1;
                return false;
            }
            terms += n;
            return true;
        }

        static bool IsFilterKey(string key) => key is "pays" or "country" or "entite" or "entité" or "entity" or "du" or "from" or "depuis"
            or "au" or "to" or "jusqu'au" or "source" or "média" or "media";

        bool TryFilter(string key, string value)
        {
            switch (key)
            {
                case "source" or "média" or "media":
                    if (SourceNames.Slug(value) is { } source) Sources.Add(source);
                    else notices.Add(new QueryNotice(NoticeKind.InvalidFilter, $"{key}:{value}"));
                    return true;
                case "pays" or "country":
                    if (value.Length == 2 && value.All(char.IsAsciiLetter)) Countries.Add(value.ToLowerInvariant());
                    else notices.Add(new QueryNotice(NoticeKind.InvalidFilter, $"{key}:{value}"));
                    return true;
                case "entite" or "entité" or "entity":
                    if (IsSlug(value)) Entities.Add(value.ToLowerInvariant());
                    else notices.Add(new QueryNotice(NoticeKind.InvalidFilter, $"{key}:{value}"));
                    return true;
                case "du" or "from" or "depuis":
                    if (YearMonth.TryParse(value, out var from)) From = from;
                    else notices.Add(new QueryNotice(NoticeKind.InvalidFilter, $"{key}:{value}"));
                    return true;
                case "au" or "to" or "jusqu'au":
                    if (YearMonth.TryParse(value, out var to)) To = to;
                    else notices.Add(new QueryNotice(NoticeKind.InvalidFilter, $"{key}:{value}"));
                    return true;
                default:
                    return false;                         // foo:bar is just text
            }
        }
    }

    internal static bool IsSlug(string value) =>
        value.Length is > 0 and <= 120 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    static QueryNode? Combine(QueryNode? a, QueryNode? b) =>
        a is null ? b : b is null ? a : new AndNode([a, b], []);

    /// <summary>Flattens nested ANDs so the query reads back the way it was typed.</summary>
    static QueryNode? Simplify(QueryNode? node)
    {
        switch (node)
        {
            case AndNode a:
                var include = new List<QueryNode>();
                var exclude = a.Exclude.Select(n => Simplify(n)!).ToList();
                foreach (var n in a.Include.Select(Simplify))
                {
                    if (n is AndNode inner) { include.AddRange(inner.Include); exclude.AddRange(inner.Exclude); }
                    else if (n is not null) include.Add(n);
                }
                return include.Count == 1 && exclude.Count == 0 ? include[0] : new AndNode(include, exclude);
            case OrNode o:
                return new OrNode(o.Options.Select(n => Simplify(n)!).ToList());
            default:
                return node;
        }
    }
}
