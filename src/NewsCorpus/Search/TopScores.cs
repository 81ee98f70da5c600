using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Search.Spans;
using Lucene.Net.Util;

namespace NewsCorpus.Search;

/// <summary>
/// The best-scored matches of a query whose score is a sum of clauses (each word's stems and forms in every field,
/// phrases, prefixes, alternatives; the bonus of words close together), found without scoring every match: each
/// clause's score has a ceiling (BM25 stays below idf × boost × (k1 + 1)), and once the page is full, an article whose
/// clauses cannot sum past the last score kept cannot get in. So only the postings of the clauses that could lift an
/// article that far are walked (MaxScore, Turtle and Flood 1995); the others are read for the articles found that
/// way. The scores are Lucene's own, so the page is the one scoring everything gives. Which articles match (the
/// required words, the exclusions, the filters) comes from <see cref="MatchBits"/>, as the accepted documents.
/// </summary>
internal static class TopScores
{
    /// <summary>
    /// How to find the best matches of a query by MaxScore: the clauses whose scores add up to its score (walked, or
    /// read for the articles found), the clauses that add to it but are never walked (the bonus of words close
    /// together: positions are read only for an article that could enter the page with it), and the query itself when
    /// its scores are sums of sums, which Lucene rounds to float at each level: then an article that could enter is
    /// scored by Lucene, so that the page and its scores are exactly those of scoring every match.
    /// </summary>
    public sealed record Plan(List<Query> Clauses, List<Query> Bonus, Query? Whole);

    /// <summary>
    /// The plan for <paramref name="query"/>, or null when its score is not a sum of clauses (a minimum to match, a
    /// boost on a group, a clause of another kind). Clauses that only exclude are left to the match set: they do not
    /// score; nor does the conjunction of required clauses, which the accepted documents already are.
    /// </summary>
    public static Plan? PlanFor(Query query)
    {
        if (query is TermQuery or PhraseQuery or PrefixQuery) return new Plan([query], [], null);
        if (query is not BooleanQuery top) return null;
        var clauses = new List<Query>();
        var bonus = new List<Query>();
        // The words close together (LuceneQuery.Near) beside the required match: never walked, as every accepted
        // article has the match's words.
        bool withBonus = top.Clauses.Any(c => c.Occur == Occur.MUST);
        foreach (var clause in top.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
        {
            if (withBonus && clause.Occur == Occur.SHOULD && clause.Query is BooleanQuery { Boost: 1f, MinimumNumberShouldMatch: 0 } near
                && near.Clauses.All(c => c.Occur == Occur.SHOULD && c.Query is SpanQuery))
                bonus.AddRange(near.Clauses.Select(c => c.Query));
            else if (!AddLeaves(clause.Query, clauses)) return null;
        }
        if (top.Boost != 1f || top.MinimumNumberShouldMatch != 0 || clauses.Count == 0) return null;
        return new Plan(clauses, bonus, bonus.Count == 0 && SummedOnce(query) ? null : query);
    }

    /// <summary>
    /// Whether Lucene scores <paramref name="query"/> as one sum of its leaves, rounded once: a leaf, optional leaves,
    /// or a single required clause that is (exclusions beside it do not score).
    /// </summary>
    static bool SummedOnce(Query query)
    {
        if (query is not BooleanQuery b) return true;
        var scoring = b.Clauses.Where(c => c.Occur != Occur.MUST_NOT).ToList();
        if (scoring is [{ Occur: Occur.MUST } single]) return SummedOnce(single.Query);
        return scoring.All(c => c.Occur == Occur.SHOULD && c.Query is not BooleanQuery);
    }

    /// <summary>Adds the scoring leaves of <paramref name="query"/> to <paramref name="leaves"/>; false for a query that is not a plain sum of them.</summary>
    static bool AddLeaves(Query query, List<Query> leaves)
    {
        switch (query)
        {
            case TermQuery or PhraseQuery or PrefixQuery:
                leaves.Add(query);
                return true;
            case BooleanQuery { Boost: 1f, MinimumNumberShouldMatch: 0 } b:
                return b.Clauses.Where(c => c.Occur != Occur.MUST_NOT).All(c => AddLeaves(c.Query, leaves));
            default:
                return false;
        }
    }

    sealed record Clause(Query Query, Weight? Weight, double Ceiling);

    /// <summary>Words close together in one field: its weight, its ceiling, and the words it needs.</summary>
    sealed record Bonus(Weight Weight, double Ceiling, HashSet<Term> Words);

    /// <summary>
    /// Offers <paramref name="top"/> every match of the sum of <paramref name="plan"/>'s clauses that could enter it
    /// among the documents <paramref name="accepted"/> gives for each segment, at the place <paramref name="placeOf"/>
    /// gives its key and score.
    /// </summary>
    public static void Collect(IndexSearcher searcher, MatchBits bits, Plan plan, TopKeys top, Func<AtomicReaderContext, FixedBitSet> accepted,
        Func<int, float, (double, long, long)> placeOf, QueryBudget.Clock clock)
    {
        var reader = searcher.IndexReader;
        // Read for an article only while it could still enter the page, the most it can add first.
        var bonuses = plan.Bonus.Select(q => new Bonus(searcher.CreateNormalizedWeight(q), Ceiling(q, reader), [.. SpanTerms((SpanQuery)q)]))
            .OrderByDescending(b => b.Ceiling).ToList();
        var whole = plan.Whole is null ? null : searcher.CreateNormalizedWeight(plan.Whole);
        var all = plan.Clauses.Select(q => new Clause(q, q is PrefixQuery ? null : searcher.CreateNormalizedWeight(q), Ceiling(q, reader)))
            .OrderBy(c => c.Ceiling).ToList();
        // Each group of segments fills a page of its own, at once; the pages are then merged.
        foreach (var page in SearchThreads.InGroups(reader.Leaves, group =>
        {
            var page = new TopKeys(top.Capacity);
            foreach (var leaf in group) CollectLeaf(leaf, page);
            return page;
        }))
            top.OfferAll(page);

        void CollectLeaf(AtomicReaderContext leaf, TopKeys top)
        {
            var accepts = accepted(leaf);
            // A phrase reads positions for each article its scorer stops at: it stops at the accepted ones only. A
            // word's scorer reads no positions and keeps the live articles, as before; the walk below skips to the
            // next accepted one itself.
            var present = all.Select(c => (c.Query, c.Ceiling, Scorer: c.Query is PrefixQuery prefix
                    ? new ConstantScorer(bits.OfPrefix(prefix, leaf), prefix.Boost)
                    : c.Weight!.GetScorer(leaf, c.Query is PhraseQuery ? accepts : leaf.AtomicReader.LiveDocs)))
                .Where(c => c.Scorer is not null).ToList();
            if (present.Count == 0) return;
            var scorers = present.ConvertAll(c => c.Scorer!).ToArray();
            // below[i]: the most the clauses before i can add together.
            var below = new double[scorers.Length + 1];
            for (int i = 0; i < scorers.Length; i++) below[i + 1] = below[i] + present[i].Ceiling;
            // Words close together count only for an article that has each of the words: need[b] is the set of the
            // clauses (by their place, as bits) that search them. A bonus whose words are not all in the segment
            // cannot score in it; with more clauses than bits, every bonus is counted.
            var need = bonuses.ConvertAll(b =>
            {
                if (scorers.Length > 64) return 0UL;
                ulong mask = 0;
                var seen = new HashSet<Term>();
                for (int i = 0; i < present.Count; i++)
                    if (present[i].Query is TermQuery t && b.Words.Contains(t.Term) && seen.Add(t.Term)) mask |= 1UL << i;
                return seen.Count == b.Words.Count ? mask : ulong.MaxValue;
            });
            // The most the bonus adds to an article that may have the clauses of the set.
            double BonusOf(ulong clauses)
            {
                double sum = 0;
                for (int b = 0; b < bonuses.Count; b++) if ((clauses & need[b]) == need[b]) sum += bonuses[b].Ceiling;
                return sum;
            }
            static ulong Before(int i) => i >= 64 ? ulong.MaxValue : (1UL << i) - 1;
            var keys = MatchBits.Keys(leaf.AtomicReader);
            foreach (var s in scorers) s.NextDoc();

            double threshold = double.NegativeInfinity;
            int essential = 0;   // the clauses before it cannot lift an article to the threshold on their own
            var wholeScorer = whole?.GetScorer(leaf, accepts);
            if (whole is not null && wholeScorer is null) return;
            var bonusScorers = bonuses.ConvertAll(b => b.Weight.GetScorer(leaf, accepts));
            void Raise()
            {
                if (!top.Full) return;
                threshold = -top.Last.Item1;
                while (essential < scorers.Length && below[essential + 1] + BonusOf(Before(essential + 1)) < threshold) essential++;
            }
            Raise();
            while (essential < scorers.Length)
            {
                int doc = DocIdSetIterator.NO_MORE_DOCS;
                for (int i = essential; i < scorers.Length; i++) doc = Math.Min(doc, scorers[i].DocID);
                if (doc == DocIdSetIterator.NO_MORE_DOCS) break;
                clock.Tick();
                if (!accepts.Get(doc))
                {
                    // Straight to the next accepted document: when exclusions or filters keep few of the candidates,
                    // the postings' skip lists pass over the others instead of scoring them one by one.
                    int next = doc + 1 < accepts.Length ? accepts.NextSetBit(doc + 1) : -1;
                    if (next < 0) break;
                    for (int i = essential; i < scorers.Length; i++)
                        if (scorers[i].DocID < next) scorers[i].Advance(next);
                    continue;
                }
                // Summed in double, as Lucene's boolean scorers do, then rounded to float as they do.
                double score = 0;
                ulong found = 0;   // the clauses found in the article, as bits
                for (int i = essential; i < scorers.Length; i++)
                    if (scorers[i].DocID == doc)
                    {
                        score += scorers[i].GetScore();
                        if (i < 64) found |= 1UL << i;
                        scorers[i].NextDoc();
                    }
                // The sums that decide what is left out carry a margin: Lucene's rounding of nested sums may differ.
                bool possible = true;
                for (int i = essential - 1; i >= 0 && possible; i--)
                {
                    if (score * Margin + below[i + 1] + BonusOf(found | Before(i + 1)) < threshold) possible = false;
                    else
                    {
                        var s = scorers[i];
                        if (s.DocID < doc) s.Advance(doc);
                        if (s.DocID == doc)
                        {
                            score += s.GetScore();
                            if (i < 64) found |= 1UL << i;
                        }
                    }
                }
                if (!possible) continue;
                double bonusLeft = BonusOf(found);
                for (int b = 0; b < bonuses.Count; b++)
                {
                    if (score * Margin + bonusLeft < threshold) break;
                    if ((found & need[b]) != need[b]) continue;
                    bonusLeft -= bonuses[b].Ceiling;
                    var scorer = bonusScorers[b];
                    if (scorer is null) continue;
                    if (scorer.DocID < doc) scorer.Advance(doc);
                    if (scorer.DocID == doc) score += scorer.GetScore();
                }
                if (score * Margin + bonusLeft < threshold) continue;
                float final = (float)score;
                if (wholeScorer is not null)
                {
                    if (wholeScorer.DocID < doc) wholeScorer.Advance(doc);
                    if (wholeScorer.DocID != doc) continue;
                    final = wholeScorer.GetScore();
                }
                if (final < threshold) continue;
                var place = placeOf(keys[doc], final);
                top.Offer(keys[doc], place);
                Raise();
            }
        }
    }

    const double Margin = 1 + 1e-6;

    static Term[] SpanTerms(SpanQuery span)
    {
        var terms = new HashSet<Term>();
        span.ExtractTerms(terms);
        return [.. terms];
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
            // Words close together score as BM25 with the sum of the words' idf and a sloppy frequency.
            SpanQuery span => SpanTerms(span),
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
