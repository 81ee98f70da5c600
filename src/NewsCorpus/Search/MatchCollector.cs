using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsCorpus.Search;

/// <summary>
/// Every match of a Lucene search as (article key, rank), in no particular order: the count, the histogram, the
/// facets and the page order are worked out from <see cref="ArticleColumns"/> afterwards. The rank is the negated
/// score (smaller first, as the page order sorts), or 0 when <paramref name="scored"/> is false and nothing is scored.
/// Gives up with <see cref="QueryBudget.ExhaustedException"/> once <paramref name="budget"/> is spent.
/// </summary>
internal sealed class MatchCollector(bool scored, TimeSpan budget) : ICollector
{
    const int MatchesBetweenChecks = 4_096;

    readonly Stopwatch clock = Stopwatch.StartNew();
    NumericDocValues? keys;
    Scorer? scorer;
    int sinceCheck;

    public List<(long Key, double Rank)> Matches { get; } = [];

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) =>
        keys = context.AtomicReader.GetNumericDocValues(FullTextIndex.KeyValues);

    public void Collect(int doc)
    {
        // On the first match, then every few thousand: a search with no time left stops at once, whatever its size.
        if (sinceCheck-- == 0)
        {
            sinceCheck = MatchesBetweenChecks;
            if (clock.Elapsed > budget) throw new QueryBudget.ExhaustedException();
        }
        Matches.Add((keys!.Get(doc), scored ? -scorer!.GetScore() : 0));
    }

    public bool AcceptsDocsOutOfOrder => true;
}
