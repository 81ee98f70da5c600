using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using NewsCorpus.Analysis;

namespace NewsCorpus.Search;

/// <summary>
/// Turns a parsed query into a Lucene query on the <see cref="FullTextIndex"/>. Every word goes through our analyzer
/// and becomes a term object: no user text reaches a query parser. Ordinary words look for their stems
/// (<see cref="QueryStems"/>); quoted words, phrases and prefixes look for the exact forms, in order.
/// Each field weighs as <see cref="FullTextIndex.Weights"/> says.
/// </summary>
public static class LuceneQuery
{
    public static Query? Compile(ParsedQuery parsed) => Compile(parsed.Root, parsed.Stems);

    /// <param name="stems">What each ordinary word looks for (<see cref="QueryStems"/>).</param>
    public static Query? Compile(QueryNode? node, QueryStems stems) => node switch
    {
        null => null,
        TermNode { Exact: true } t => Exact(t.Text, prefix: false),
        TermNode { Prefix: true } t => Exact(t.Text, prefix: true),
        TermNode t => Stemmed(t.Text, stems),
        PhraseNode p => Exact(p.Text, prefix: false),
        AndNode a => And(a, stems),
        OrNode o => Any(o.Options.Select(n => Compile(n, stems))),
        _ => null,
    };

    /// <summary>
    /// The query for a search: the match and, by relevance, the bonus of the words close together (<see cref="Near"/>);
    /// by date nothing is scored.
    /// </summary>
    public static Query? ForSearch(ParsedQuery parsed, bool ranked)
    {
        if (Compile(parsed) is not { } match) return null;
        if (!ranked) return new ConstantScoreQuery(match);
        if (Near(parsed) is not { } near) return match;
        return new BooleanQuery { { match, Occur.MUST }, { near, Occur.SHOULD } };
    }

    static Query? And(AndNode a, QueryStems stems)
    {
        var include = a.Include.Select(n => Compile(n, stems)).OfType<Query>().ToList();
        if (include.Count == 0) return null;
        var exclude = a.Exclude.Select(n => Compile(n, stems)).OfType<Query>().ToList();
        if (include.Count == 1 && exclude.Count == 0) return include[0];
        var query = new BooleanQuery();
        foreach (var q in include) query.Add(q, Occur.MUST);
        foreach (var q in exclude) query.Add(q, Occur.MUST_NOT);
        return query;
    }

    static Query? Any(IEnumerable<Query?> options)
    {
        var list = options.OfType<Query>().ToList();
        if (list.Count <= 1) return list.FirstOrDefault();
        var query = new BooleanQuery();
        foreach (var q in list) query.Add(q, Occur.SHOULD);
        return query;
    }

    static Query? Stemmed(string text, QueryStems stems)
    {
        var words = QueryStems.Words(text);
        if (words.Count == 0) return Exact(text, prefix: false);
        if (words.Count == 1) return Word(stems.Of(words[0]));
        var query = new BooleanQuery();
        foreach (var w in words) query.Add(Word(stems.Of(w)), Occur.MUST);
        return query;
    }

    /// <summary>Any of the word's stems in a stem field, or any of its demonyms as exact words.</summary>
    static Query Word(WordStems word)
    {
        var query = new BooleanQuery();
        for (int f = 0; f < FullTextIndex.StemFields.Length; f++)
        {
            foreach (var stem in word.Stems) query.Add(Weighted(new TermQuery(new Term(FullTextIndex.StemFields[f], stem)), f), Occur.SHOULD);
            foreach (var demonym in word.Demonyms) query.Add(Weighted(new TermQuery(new Term(FullTextIndex.ExactFields[f], demonym)), f), Occur.SHOULD);
        }
        return query;
    }

    /// <summary>Words farther apart than this are not "together".</summary>
    const int NearDistance = 8;

    /// <summary>
    /// For a query of several ordinary words that must all match, the same words within a few words of one another
    /// (each by its most written stem), for the rank: articles that have the words together come before articles
    /// that merely have them. Null for any other query.
    /// </summary>
    public static Query? Near(ParsedQuery parsed)
    {
        var terms = parsed.Root switch
        {
            TermNode t => [t],
            AndNode a => a.Include.ToList(),
            _ => [],
        };
        if (terms.Any(t => t is not TermNode { Exact: false, Prefix: false })) return null;
        var words = terms.Cast<TermNode>().SelectMany(t => QueryStems.Words(t.Text)).Select(w => parsed.Stems.Of(w).Stems[0]).ToList();
        if (words.Count < 2) return null;
        return AnyField(f => new SpanNearQuery(words.Select(w => (SpanQuery)new SpanTermQuery(new Term(FullTextIndex.StemFields[f], w))).ToArray(),
            NearDistance, inOrder: false));
    }

    static Query? Exact(string text, bool prefix)
    {
        var words = FrenchAnalyzer.AnalyzeText(text).Select(w => w.Word.Exact).ToList();
        if (words.Count == 0) return null;
        return AnyField(f =>
        {
            var field = FullTextIndex.ExactFields[f];
            if (words.Count == 1)
                return prefix ? new PrefixQuery(new Term(field, words[0])) : new TermQuery(new Term(field, words[0]));
            if (!prefix)
            {
                var phrase = new PhraseQuery();
                foreach (var w in words) phrase.Add(new Term(field, w));
                return phrase;
            }
            // The last word is the prefix. Its expansion is capped, as a query may hold only so many clauses.
            var last = new SpanMultiTermQueryWrapper<PrefixQuery>(new PrefixQuery(new Term(field, words[^1])))
            {
                MultiTermRewriteMethod = new SpanMultiTermQueryWrapper<PrefixQuery>.TopTermsSpanBooleanQueryRewrite(MaxPrefixExpansion),
            };
            return new SpanNearQuery(words.SkipLast(1).Select(w => (SpanQuery)new SpanTermQuery(new Term(field, w))).Append(last).ToArray(), 0, inOrder: true);
        });
    }

    const int MaxPrefixExpansion = 512;

    /// <summary>The query of each field, weighted, any of them.</summary>
    static Query AnyField(Func<int, Query> ofField)
    {
        var query = new BooleanQuery();
        for (int f = 0; f < FullTextIndex.StemFields.Length; f++) query.Add(Weighted(ofField(f), f), Occur.SHOULD);
        return query;
    }

    static Query Weighted(Query query, int field)
    {
        query.Boost = FullTextIndex.Weights[field];
        return query;
    }
}
