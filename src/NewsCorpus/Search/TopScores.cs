using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace NewsCorpus.Search;

/// <summary>
/// The best-scored matches of a query whose score is a sum of clauses (a word in every field, a phrase in every
/// field), found without scoring every match: each clause's score has a ceiling (BM25 stays below idf × boost ×
/// (k1 + 1)), and once the page is full, an article whose clauses cannot sum past the last score kept cannot get in.
/// So only the postings of the clauses that could lift an article that far are walked (MaxScore, Turtle and Flood
/// 1995); the others are read for the articles found that way. The scores are Lucene's own, summed as Lucene sums
/// them, so the page is the one scoring everything gives. The count and the facets come from <see cref="MatchBits"/>.
/// </summary>
internal static class TopScores
{
    /// <summary>
    /// The clauses whose scores add up to <paramref name="query"/>'s, or null when its score is not such a sum (a
    /// required clause beside optional ones, a minimum to match, a boost on the whole). Clauses that only exclude are
    /// left to the match set: they do not score.
    /// </summary>
    public static List<Query>? Clauses(Query query) => query switch
    {
        BooleanQuery b when b.Boost != 1f || b.MinimumNumberShouldMatch != 0 => null,
        BooleanQuery b when b.Clauses.All(c => c.Occur == Occur.SHOULD) && b.Clauses.Count > 0 => b.Clauses.Select(c => c.Query).ToList(),
        BooleanQuery b when b.Clauses.Count(c => c.Occur == Occur.MUST) == 1 && !b.Clauses.Any(c => c.Occur == Occur.SHOULD) =>
            Clauses(b.Clauses.First(c => c.Occur == Occur.MUST).Query),
        TermQuery or PhraseQuery or PrefixQuery => [query],
        _ => null,
    };

    sealed record Clause(Query Query, Weight? Weight, double Ceiling);

    /// <summary>
    /// Offers <paramref name="top"/> every match of the sum of <paramref name="clauses"/> that could enter it among the
    /// keys <paramref name="accepts"/> keeps, at the place <paramref name="placeOf"/> gives its key and score.
    /// </summary>
    public static void Collect(IndexSearcher searcher, MatchBits bits, List<Query> clauses, TopKeys top, Func<int, bool> accepts,
        Func<int, float, (double, long, long)> placeOf, QueryBudget.Clock clock)
    {
        var reader = searcher.IndexReader;
        var all = clauses.Select(q => new Clause(q, q is PrefixQuery ? null : searcher.CreateNormalizedWeight(q), Ceiling(q, reader)))
            .OrderBy(c => c.Ceiling).ToList();
        foreach (var leaf in reader.Leaves)
        {
            var present = all.Select(c => (c.Ceiling, Scorer: c.Query is PrefixQuery prefix
                    ? new ConstantScorer(bits.OfPrefix(prefix, leaf), prefix.Boost)
                    : c.Weight!.GetScorer(leaf, leaf.AtomicReader.LiveDocs)))
                .Where(c => c.Scorer is not null).ToList();
            if (present.Count == 0) continue;
            var scorers = present.ConvertAll(c => c.Scorer!).ToArray();
            // below[i]: the most the clauses before i can add together.
            var below = new double[scorers.Length + 1];
            for (int i = 0; i < scorers.Length; i++) below[i + 1] = below[i] + present[i].Ceiling;
            var keys = MatchBits.Keys(leaf.AtomicReader);
            foreach (var s in scorers) s.NextDoc();

            double threshold = double.NegativeInfinity;
            int essential = 0;   // the clauses before it cannot lift an article to the threshold on their own
            void Raise()
            {
                if (!top.Full) return;
                threshold = -top.Last.Item1;
                while (essential < scorers.Length && below[essential + 1] < threshold) essential++;
            }
            Raise();
            while (essential < scorers.Length)
            {
                int doc = DocIdSetIterator.NO_MORE_DOCS;
                for (int i = essential; i < scorers.Length; i++) doc = Math.Min(doc, scorers[i].DocID);
                if (doc == DocIdSetIterator.NO_MORE_DOCS) break;
                clock.Tick();
                if (!accepts(keys[doc]))
                {
                    for (int i = essential; i < scorers.Length; i++)
                        if (scorers[i].DocID == doc) scorers[i].NextDoc();
                    continue;
                }
                // Summed in double, as Lucene's boolean scorers do, then rounded to float as they do.
                double score = 0;
                for (int i = essential; i < scorers.Length; i++)
                    if (scorers[i].DocID == doc)
                    {
                        score += scorers[i].GetScore();
                        scorers[i].NextDoc();
                    }
                bool possible = true;
                for (int i = essential - 1; i >= 0 && possible; i--)
                {
                    if (score + below[i + 1] < threshold) possible = false;
                    else
                    {
                        var s = scorers[i];
                        if (s.DocID < doc) s.Advance(doc);
                        if (s.DocID == doc) score += s.GetScore();
                    }
                }
                if (!possible || (float)score < threshold) continue;
                var place = placeOf(keys[doc], (float)score);
                top.Offer(keys[doc], place);
                Raise();
            }
        }
    }

    /// <summary>
    /// Above any score the clause can give: BM25 gives a term idf × boost × (k1 + 1) × tf / (tf + norm), below
    /// idf × boost × (k1 + 1); a phrase the same with the sum of its terms' idf; a prefix scores its boost alone
    /// (Lucene rewrites it to a constant score). Other queries: no ceiling known. A margin covers float rounding.
    /// </summary>
    static double Ceiling(Query query, IndexReader reader)
    {
        if (FullTextIndex.Similarity is not BM25Similarity bm25) return double.PositiveInfinity;
        if (query is PrefixQuery) return query.Boost * 1.01 + 1e-6;
        Term[]? terms = query switch
        {
            TermQuery t => [t.Term],
            PhraseQuery p => p.GetTerms(),
            _ => null,
        };
        if (terms is null) return double.PositiveInfinity;
        double idf = terms.Sum(t => Math.Log(1 + (reader.MaxDoc - reader.DocFreq(t) + 0.5) / (reader.DocFreq(t) + 0.5)));
        return idf * query.Boost * (bm25.K1 + 1) * 1.01 + 1e-6;
    }

    /// <summary>
    /// A prefix's documents with the score Lucene gives them: its boost (the query is rewritten to a constant score,
    /// under BM25's query norm of 1).
    /// </summary>
    sealed class ConstantScorer(FixedBitSet docs, float score) : Scorer(null)
    {
        int doc = -1;
        public override int DocID => doc;
        public override int NextDoc() => doc = Next(doc + 1);
        public override int Advance(int target) => doc = Next(target);
        int Next(int from) => from >= docs.Length || docs.NextSetBit(from) is var next && next < 0 ? NO_MORE_DOCS : next;
        public override float GetScore() => score;
        public override int Freq => 1;
        public override long GetCost() => docs.Length;
    }
}
