using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsCorpus.Search;

/// <summary>
/// Hands every match of a Lucene search to <paramref name="onMatch"/> as (article key, rank), in no particular order.
/// The rank is the negated score (smaller first, as the page order sorts), or 0 when <paramref name="scored"/> is
/// false. Gives up with <see cref="QueryBudget.ExhaustedException"/> once <paramref name="clock"/>'s budget is spent.
/// </summary>
internal sealed class MatchCollector(bool scored, QueryBudget.Clock clock, Action<int, double> onMatch) : ICollector
{
    int[] keys = [];
    Scorer? scorer;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => keys = MatchBits.Keys(context.AtomicReader);

    public void Collect(int doc)
    {
        clock.Tick();
        onMatch(keys[doc], scored ? -scorer!.GetScore() : 0);
    }

    public bool AcceptsDocsOutOfOrder => true;
}
