using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using NewsCorpus.Search;

namespace NewsCorpus.Tests.Support;

/// <summary>Asks the store's full-text index directly, below the search: what the tests compare the search with.</summary>
public static class IndexProbe
{
    /// <summary>Every match of a query with its rank (the negated score, as the search orders it).</summary>
    public static List<(long Key, double Rank)> Matches(SqliteConnection connection, Query query)
    {
        using var index = FullTextIndex.Acquire(connection);
        var keys = MultiDocValues.GetNumericValues(index.Reader, "key");
        return index.Searcher.Search(query, Math.Max(1, index.Reader.MaxDoc)).ScoreDocs.Select(d => (keys.Get(d.Doc), -(double)d.Score)).ToList();
    }

    /// <summary>The articles that hold <paramref name="folded"/> as an exact word in their title, headings or body.</summary>
    public static int WithWord(SqliteConnection connection, string folded)
    {
        var query = new BooleanQuery();
        foreach (var field in FullTextIndex.ExactFields) query.Add(new TermQuery(new Term(field, folded)), Occur.SHOULD);
        return Matches(connection, query).Count;
    }

    /// <summary>The articles the index holds.</summary>
    public static int Documents(SqliteConnection connection)
    {
        using var index = FullTextIndex.Acquire(connection);
        return index.Reader.NumDocs;
    }

    /// <summary>Every posting of the index as "field term key positions", sorted: two indexes of the same articles compare equal.</summary>
    public static List<string> Postings(SqliteConnection connection)
    {
        using var index = FullTextIndex.Acquire(connection);
        var keys = MultiDocValues.GetNumericValues(index.Reader, "key");
        var live = MultiFields.GetLiveDocs(index.Reader);
        var result = new List<string>();
        foreach (var field in FullTextIndex.StemFields.Concat(FullTextIndex.ExactFields))
        {
            var terms = MultiFields.GetTerms(index.Reader, field);
            if (terms is null) continue;
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var term = termsEnum.Term.Utf8ToString();
                var postings = termsEnum.DocsAndPositions(live, null);
                while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    var positions = Enumerable.Range(0, postings.Freq).Select(_ => postings.NextPosition());
                    result.Add($"{field} {term} {keys.Get(postings.DocID)} {string.Join(",", positions)}");
                }
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
