using System.Text;
using NewsCorpus.Analysis;

namespace NewsCorpus.Search;

/// <summary>
/// Turns a parsed query into an FTS5 MATCH expression. Every word goes through the analyzer and is written
/// as a quoted FTS string, so no user text can reach FTS5's own syntax.
/// </summary>
public static class FtsQuery
{
    const string StemColumns = "{title headings body}";
    const string ExactColumns = "{title_exact headings_exact body_exact}";

    /// <summary>bm25 weights, in column order: title and headings count more than the body.</summary>
    public const string Bm25 = "bm25(article_fts, 3.0, 1.5, 1.0, 3.0, 1.5, 1.0)";

    public static string? Compile(ParsedQuery parsed) => Compile(parsed.Root, parsed.Stems);

    /// <param name="stems">What each ordinary word looks for (<see cref="QueryStems"/>).</param>
    public static string? Compile(QueryNode? node, QueryStems stems) => node switch
    {
        null => null,
        TermNode { Exact: true } t => Exact(t.Text, prefix: false),
        TermNode { Prefix: true } t => Exact(t.Text, prefix: true),
        TermNode t => Stemmed(t.Text, stems),
        PhraseNode p => Exact(p.Text, prefix: false),
        AndNode a => And(a, stems),
        OrNode o => "(" + string.Join(" OR ", o.Options.Select(n => Compile(n, stems)).Where(s => s is not null)) + ")",
        _ => null,
    };

    static string? And(AndNode a, QueryStems stems)
    {
        var include = a.Include.Select(n => Compile(n, stems)).Where(s => s is not null).ToList();
        if (include.Count == 0) return null;
        var sb = new StringBuilder("(").Append(string.Join(" AND ", include)).Append(')');
        var exclude = a.Exclude.Select(n => Compile(n, stems)).Where(s => s is not null).ToList();
        if (exclude.Count == 0) return sb.ToString();
        foreach (var e in exclude) sb.Append(" NOT ").Append(e);
        return "(" + sb + ")";
    }

    static string? Stemmed(string text, QueryStems stems)
    {
        var words = QueryStems.Words(text);
        if (words.Count == 0) return Exact(text, prefix: false);
        return "(" + string.Join(" AND ", words.Select(w => Word(stems.Of(w)))) + ")";
    }

    static string Word(WordStems word)
    {
        var stems = StemColumns + " : " + AnyOf(word.Stems);
        return word.Demonyms.Count == 0 ? stems : "(" + stems + " OR " + ExactColumns + " : " + AnyOf(word.Demonyms) + ")";
    }

    /// <summary>Words farther apart than this are not "together".</summary>
    const int NearDistance = 8;

    /// <summary>
    /// For a query of several ordinary words that must all match, the same words within a few words of one another
    /// (each by its most written stem), for the rank: articles that have the words together come before articles
    /// that merely have them. Null for any other query.
    /// </summary>
    public static string? Near(ParsedQuery parsed)
    {
        var terms = parsed.Root switch
        {
            TermNode t => [t],
            AndNode a => a.Include.ToList(),
            _ => [],
        };
        if (terms.Any(t => t is not TermNode { Exact: false, Prefix: false })) return null;
        var words = terms.Cast<TermNode>().SelectMany(t => QueryStems.Words(t.Text)).Select(w => parsed.Stems.Of(w).Stems[0]).ToList();
        return words.Count < 2 ? null : StemColumns + " : NEAR(" + string.Join(" ", words.Select(Quote)) + ", " + NearDistance + ")";
    }

    static string AnyOf(IReadOnlyList<string> stems) =>
        stems.Count == 1 ? Quote(stems[0]) : "(" + string.Join(" OR ", stems.Select(Quote)) + ")";

    static string? Exact(string text, bool prefix)
    {
        var words = FrenchAnalyzer.AnalyzeText(text).Select(w => w.Word.Exact).ToList();
        if (words.Count == 0) return null;
        return ExactColumns + " : " + Quote(string.Join(" ", words)) + (prefix ? " *" : "");
    }

    static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
}
