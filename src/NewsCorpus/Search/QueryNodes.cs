namespace NewsCorpus.Search;

/// <summary>A parsed query. Each node can write itself back as query text, so links can rewrite one part of it.</summary>
public abstract record QueryNode
{
    public abstract string ToQueryText();
}

/// <summary>A word: stemmed unless <see cref="Exact"/> (it was quoted); <see cref="Prefix"/> for word*.</summary>
public sealed record TermNode(string Text, bool Exact = false, bool Prefix = false) : QueryNode
{
    public override string ToQueryText() => Exact ? $"\"{Text}\"" : Prefix ? Bare + "*" : Bare;

    // A word spelt like an operator is written in lower case: matching ignores case, and it reads back as a word.
    string Bare => Operators.Contains(Text) ? Text.ToLowerInvariant() : Text;

    static readonly HashSet<string> Operators = ["OR", "OU", "NOT", "SAUF", "AND", "ET"];
}

/// <summary>Quoted words, matched exactly and in order.</summary>
public sealed record PhraseNode(string Text) : QueryNode
{
    public override string ToQueryText() => $"\"{Text}\"";
}

/// <summary>All of <see cref="Include"/> and none of <see cref="Exclude"/>.</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Include, IReadOnlyList<QueryNode> Exclude) : QueryNode
{
    public override string ToQueryText() =>
        string.Join(" ", Include.Select(Wrap).Concat(Exclude.Select(e => "-" + Wrap(e))));

    static string Wrap(QueryNode n) => n is OrNode || (n is AndNode a && a.Include.Count + a.Exclude.Count > 1) ? $"({n.ToQueryText()})" : n.ToQueryText();
}

public sealed record OrNode(IReadOnlyList<QueryNode> Options) : QueryNode
{
    public override string ToQueryText() =>
        string.Join(" OR ", Options.Select(o => o is AndNode a && a.Include.Count + a.Exclude.Count > 1 ? $"({o.ToQueryText()})" : o.ToQueryText()));
}

public static class QueryNodeExtensions
{
    /// <summary>The query with one node (found by reference) swapped for another.</summary>
    public static QueryNode Replace(this QueryNode root, QueryNode target, QueryNode replacement)
    {
        if (ReferenceEquals(root, target)) return replacement;
        return root switch
        {
            AndNode a => new AndNode(a.Include.Select(n => n.Replace(target, replacement)).ToList(),
                                     a.Exclude.Select(n => n.Replace(target, replacement)).ToList()),
            OrNode o => new OrNode(o.Options.Select(n => n.Replace(target, replacement)).ToList()),
            _ => root,
        };
    }

    /// <summary>The terms and phrases that must or may match (not the excluded ones).</summary>
    public static IEnumerable<QueryNode> PositiveLeaves(this QueryNode node) => node switch
    {
        AndNode a => a.Include.SelectMany(PositiveLeaves),
        OrNode o => o.Options.SelectMany(PositiveLeaves),
        _ => [node],
    };

    /// <summary>Every term and phrase, excluded ones included.</summary>
    public static IEnumerable<QueryNode> Leaves(this QueryNode node) => node switch
    {
        AndNode a => a.Include.Concat(a.Exclude).SelectMany(Leaves),
        OrNode o => o.Options.SelectMany(Leaves),
        _ => [node],
    };
}
