using System.Text;
using NewsCorpus.Analysis;

namespace NewsCorpus.Search;

/// <summary>
/// A parsed query as PostgreSQL SQL over the articles' tsvector columns. Each word or phrase becomes its own
/// bound parameter, read by <c>plainto_tsquery</c> / <c>phraseto_tsquery</c> (which have no syntax) or, for
/// a prefix, by <c>to_tsquery</c> on lexemes this class quotes itself: no user text reaches tsquery syntax.
/// </summary>
public sealed class TsQuery
{
    /// <summary>The WHERE condition on articles aliased <c>a</c>.</summary>
    public required string Condition { get; init; }

    /// <summary>A relevance score, higher is better: ts_rank summed over the words and phrases that must or may match.</summary>
    public required string Rank { get; init; }

    /// <summary>One tsquery (in the `fr` configuration) of everything to highlight, for ts_headline.</summary>
    public required string Highlight { get; init; }

    public required List<(string Name, object Value)> Parameters { get; init; }

    /// <summary>
    /// A column and a tsquery that every match satisfies (<c>Column @@ Query</c> follows from <see cref="Condition"/>),
    /// for a RUM index to order candidates by <c>Column &lt;=&gt; Query</c>: the required words and phrases that
    /// are looked for in one column, all of them (so words close together rank first). Null when no part of the
    /// query is bound to one column (a country's name and its demonyms span both, say).
    /// </summary>
    public (string Column, string Query)? Order { get; init; }

    /// <param name="stems">What each ordinary word looks for: a word the corpus writes as a name is looked for as that exact word.</param>
    /// <param name="notInIndex">
    /// Whether exclusions may be asked of the search index as a tsquery's <c>!</c> (see <see cref="Builder"/>'s
    /// Without): GIN answers it exactly; rum 1.3.13 does not (it returned other articles for <c>Mali -Russie</c>).
    /// </param>
    public static TsQuery? Compile(QueryNode? root, QueryStems stems, bool notInIndex = true)
    {
        if (root is null) return null;
        var builder = new Builder(stems, notInIndex);
        var condition = builder.Condition(root);
        if (condition is null) return null;
        var leaves = root.PositiveLeaves().Select(builder.Leaf).OfType<Leaf>().ToList();
        var ranks = leaves.SelectMany(l => l.Alternatives).Select(a => $"ts_rank({a.Column}, {a.Query}, 1)").ToList();
        if (builder.Together(root) is { } together) ranks.Add(together);
        return new TsQuery
        {
            Condition = condition,
            Rank = ranks.Count == 0 ? "0" : string.Join(" + ", ranks),
            Highlight = leaves.Count == 0 ? "''::tsquery" : "(" + string.Join(" || ", leaves.Select(l => l.Highlight)) + ")",
            Parameters = builder.Parameters,
            Order = builder.Implied(root),
        };
    }

    /// <summary>A word or phrase: found when any of its alternatives is (a country's name or its demonyms).</summary>
    record Leaf(IReadOnlyList<(string Column, string Query)> Alternatives, string Highlight)
    {
        public Leaf(string column, string query, string highlight) : this([(column, query)], highlight) { }

        public string Condition => Alternatives.Count == 1
            ? $"{Alternatives[0].Column} @@ {Alternatives[0].Query}"
            : "(" + string.Join(" OR ", Alternatives.Select(a => $"{a.Column} @@ {a.Query}")) + ")";
    }

    sealed class Builder(QueryStems stems, bool notInIndex)
    {
        public readonly List<(string Name, object Value)> Parameters = [];
        readonly Dictionary<QueryNode, Leaf?> leaves = new(ReferenceEqualityComparer.Instance);

        public string? Condition(QueryNode node) => node switch
        {
            AndNode a => And(a),
            OrNode o => o.Options.Select(Condition).OfType<string>().ToList() is { Count: > 0 } options ? "(" + string.Join(" OR ", options) + ")" : null,
            _ => Leaf(node) is { } leaf ? leaf.Condition : null,
        };

        string? And(AndNode a)
        {
            var include = a.Include.Select(Condition).OfType<string>().ToList();
            if (include.Count == 0) return null;
            var exclude = a.Exclude.Select(e => Without(a, e)).OfType<string>();
            return "(" + string.Join(" AND ", include.Concat(exclude)) + ")";
        }

        /// <summary>
        /// The condition that excludes <paramref name="excluded"/> from <paramref name="and"/>'s matches. A SQL
        /// <c>NOT column @@ q</c> is tested on every row the included words find, reading its tsvector (1.5 s for
        /// <c>Mali -Russie</c> at 100,000 articles); asked as <c>column @@ (included &amp;&amp; !!q)</c>, with a
        /// tsquery the included words imply on that column, the GIN index answers it alone (66 ms). The same
        /// articles: on a row the included words match, the implied tsquery holds.
        /// </summary>
        string? Without(AndNode and, QueryNode excluded)
        {
            if (excluded is AndNode or OrNode || !notInIndex) return Condition(excluded) is { } condition ? $"NOT {condition}" : null;
            if (Leaf(excluded) is not { } leaf) return null;
            var parts = leaf.Alternatives.GroupBy(x => x.Column).Select(column =>
            {
                var queries = "(" + string.Join(" || ", column.Select(x => x.Query)) + ")";
                var implied = and.Include.Select(Implied).OfType<(string Column, string Query)>().Where(x => x.Column == column.Key).ToList();
                return implied.Count == 0
                    ? $"NOT {column.Key} @@ {queries}"
                    : $"{column.Key} @@ ({string.Join(" && ", implied.Select(x => x.Query))} && !!{queries})";
            });
            return "(" + string.Join(" AND ", parts) + ")";
        }

        /// <summary>One word or phrase, compiled once however often it is asked for (the condition, the rank, the highlight).</summary>
        public Leaf? Leaf(QueryNode node)
        {
            if (leaves.TryGetValue(node, out var known)) return known;
            var leaf = node switch
            {
                TermNode { Exact: true } t => Exact(t.Text),
                TermNode { Prefix: true } t => Prefix(t.Text),
                TermNode t => Stemmed(t.Text),
                PhraseNode p => Exact(p.Text),
                _ => null,
            };
            leaves[node] = leaf;
            return leaf;
        }

        // The same choices as the SQLite index: stop words alone are looked for as exact words, and so are names
        // (PostgreSQL's own stemmer reads the stored text, so a name is kept whole by searching the exact words).
        Leaf? Stemmed(string text)
        {
            var words = QueryStems.Words(text);
            if (words.Count == 0) return Exact(text);
            if (words.Count == 1 && stems.Of(words[0]).Demonyms.Count > 0) return WithDemonyms(words[0]);
            if (words.All(w => stems.Of(w).IsName)) return Exact(string.Join(" ", words.Select(w => w.Exact)));
            var p = Add(string.Join(" ", words.Select(w => w.Form)));
            return new Leaf("a.search_stems", $"plainto_tsquery('fr', {p})", $"plainto_tsquery('fr', {p})");
        }

        // A country's name (kept whole when the corpus writes it as one) or any of its demonyms, stemmed.
        Leaf WithDemonyms(AnalyzedWord word)
        {
            var words = new[] { word.Exact }.Concat(stems.Of(word).Demonyms).Select(Add).ToList();
            var alternatives = words.Select((p, i) => i == 0 && !stems.Of(word).IsName
                ? ("a.search_stems", $"plainto_tsquery('fr', {p})")
                : ("a.search_exact", $"plainto_tsquery('fr_exact', {p})")).ToList();
            // ts_headline reads the text with the `fr` configuration, so the highlight asks in that one.
            return new Leaf(alternatives, "(" + string.Join(" || ", words.Select(p => $"plainto_tsquery('fr', {p})")) + ")");
        }

        /// <summary>A column and a tsquery that every article matching <paramref name="node"/> satisfies, or null (see <see cref="Order"/>).</summary>
        public (string Column, string Query)? Implied(QueryNode node)
        {
            switch (node)
            {
                case AndNode a:
                    // The required parts bound to one column, in the column most of them use (the stems on a tie).
                    var parts = a.Include.Select(Implied).OfType<(string Column, string Query)>().ToList();
                    if (parts.Count == 0) return null;
                    var column = parts.GroupBy(p => p.Column).OrderByDescending(g => g.Count()).ThenBy(g => g.Key == "a.search_stems" ? 0 : 1).First().Key;
                    return (column, "(" + string.Join(" && ", parts.Where(p => p.Column == column).Select(p => p.Query)) + ")");
                case OrNode o:
                    var options = o.Options.Select(Implied).ToList();
                    if (options.Count == 0 || options.Any(x => x is null) || options.Select(x => x!.Value.Column).Distinct().Count() > 1) return null;
                    return (options[0]!.Value.Column, "(" + string.Join(" || ", options.Select(x => x!.Value.Query)) + ")");
                default:
                    if (Leaf(node) is not { } leaf || leaf.Alternatives.Select(x => x.Column).Distinct().Count() > 1) return null;
                    return (leaf.Alternatives[0].Column, "(" + string.Join(" || ", leaf.Alternatives.Select(x => x.Query)) + ")");
            }
        }

        /// <summary>
        /// For several ordinary words that must all match, their cover density (ts_rank_cd): articles with the words
        /// close together rank above articles that merely have them, as on SQLite. Null for any other query.
        /// </summary>
        public string? Together(QueryNode root)
        {
            var terms = root switch { TermNode t => [t], AndNode a => a.Include.ToList(), _ => [] };
            if (terms.Any(t => t is not TermNode { Exact: false, Prefix: false })) return null;
            var words = terms.Cast<TermNode>().SelectMany(t => QueryStems.Words(t.Text)).ToList();
            if (words.Count < 2 || words.Any(w => stems.Of(w).IsName)) return null;
            return $"ts_rank_cd(a.search_stems, plainto_tsquery('fr', {Add(string.Join(" ", words.Select(w => w.Form)))}))";
        }

        Leaf? Exact(string text)
        {
            var words = FrenchAnalyzer.AnalyzeText(text).Select(w => w.Word.Exact).ToList();
            if (words.Count == 0) return null;
            var p = Add(string.Join(" ", words));
            return new Leaf("a.search_exact", $"phraseto_tsquery('fr_exact', {p})", $"phraseto_tsquery('fr', {p})");
        }

        Leaf? Prefix(string text)
        {
            var words = FrenchAnalyzer.AnalyzeText(text).Select(w => w.Word.Exact).ToList();
            if (words.Count == 0) return null;
            var p = Add(string.Join(" <-> ", words.Select(Quote)) + ":*");
            return new Leaf("a.search_exact", $"to_tsquery('fr_exact', {p})", $"to_tsquery('fr', {p})");
        }

        string Add(string value)
        {
            var name = "@q" + Parameters.Count;
            Parameters.Add((name, value));
            return name;
        }
    }

    /// <summary>A lexeme as a tsquery literal: in single quotes, with quotes and backslashes escaped.</summary>
    internal static string Quote(string lexeme)
    {
        var sb = new StringBuilder(lexeme.Length + 2).Append('\'');
        foreach (var c in lexeme)
        {
            if (c is '\'' or '\\') sb.Append(c);
            sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }
}
