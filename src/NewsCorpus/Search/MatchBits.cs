using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsCorpus.Search;

/// <summary>
/// The documents of one index segment that a query matches, as a bit set, without scoring any of them: a term's
/// documents are read from its postings alone (no frequencies, no norms), AND, OR and NOT are set operations, an
/// exact phrase's from positions up to its first occurrence (<see cref="PhraseMatches"/>), and only what is none of
/// those (spans) goes through Lucene's own scorer. For the count, the histogram and the date order, where BM25 over
/// every match was most of a large search's cost.
/// </summary>
internal sealed class MatchBits(IndexSearcher searcher)
{
    // Concurrent: a search reads its segments on several threads at once (SearchThreads), each segment on one.
    readonly ConcurrentDictionary<Query, Weight> weights = new(ReferenceEqualityComparer.Instance);

    public IndexSearcher Searcher => searcher;

    /// <summary>The live documents of <paramref name="leaf"/> that <paramref name="query"/> matches.</summary>
    public FixedBitSet Of(Query query, AtomicReaderContext leaf) => Of(query, leaf, within: null);

    /// <summary>
    /// As <see cref="Of(Query, AtomicReaderContext)"/>, exact among the documents <paramref name="within"/> holds when it
    /// is given: phrases and spans are checked on those alone (the others may be in the result by their words alone).
    /// A required or excluded phrase is thus read only where the query's other words already are.
    /// </summary>
    FixedBitSet Of(Query query, AtomicReaderContext leaf, FixedBitSet? within)
    {
        if (query is BooleanQuery { MinimumNumberShouldMatch: 0 } boolean && boolean.Clauses.Any(c => c.Occur != Occur.SHOULD))
        {
            // The clauses read from postings alone first, so that those that need positions have the fewest documents to check.
            var required = boolean.Clauses.Where(c => c.Occur == Occur.MUST).OrderBy(c => NeedsPositions(c.Query)).ToList();
            FixedBitSet bits;
            if (required.Count == 0)
            {
                bits = new FixedBitSet(leaf.AtomicReader.MaxDoc);
                foreach (var clause in boolean.Clauses.Where(c => c.Occur == Occur.SHOULD)) OrInto(bits, clause.Query, leaf, within);
            }
            else
            {
                // With a required clause, the optional ones only score.
                bits = Of(required[0].Query, leaf, within);
                foreach (var clause in required.Skip(1)) bits.And(Of(clause.Query, leaf, bits));
            }
            foreach (var clause in boolean.Clauses.Where(c => c.Occur == Occur.MUST_NOT))
                bits.AndNot(Of(clause.Query, leaf, bits));
            return bits;
        }
        var union = new FixedBitSet(leaf.AtomicReader.MaxDoc);
        OrInto(union, query, leaf, within);
        return union;
    }

    static bool NeedsPositions(Query query) => query switch
    {
        TermQuery or PrefixQuery => false,
        ConstantScoreQuery { Query: { } inner } => NeedsPositions(inner),
        BooleanQuery boolean => boolean.Clauses.Any(c => NeedsPositions(c.Query)),
        _ => true,
    };

    /// <summary>Adds to <paramref name="bits"/> the live documents of <paramref name="leaf"/> that <paramref name="query"/> matches (exact among <paramref name="within"/>, when given).</summary>
    void OrInto(FixedBitSet bits, Query query, AtomicReaderContext leaf, FixedBitSet? within)
    {
        var reader = leaf.AtomicReader;
        switch (query)
        {
            case TermQuery term:
                OrPostings(bits, reader, term.Term.Field, terms => terms.SeekExact(term.Term.Bytes) ? 1 : 0);
                break;
            case PrefixQuery prefix:
                bits.Or(OfPrefix(prefix, leaf));
                break;
            case ConstantScoreQuery { Query: { } inner }:
                OrInto(bits, inner, leaf, within);
                break;
            // Any of the optional clauses (those of a query with a required or excluded clause are handled by Of).
            case BooleanQuery { MinimumNumberShouldMatch: 0 } boolean when boolean.Clauses.All(c => c.Occur == Occur.SHOULD):
                foreach (var clause in boolean.Clauses) OrInto(bits, clause.Query, leaf, within);
                break;
            case BooleanQuery { MinimumNumberShouldMatch: 0 }:
                bits.Or(Of(query, leaf, within));
                break;
            case PhraseQuery { Slop: 0 } phrase:
                PhraseMatches.OrInto(bits, phrase, reader, within ?? reader.LiveDocs);
                break;
            default:
                var weight = weights.GetOrAdd(query, searcher.CreateNormalizedWeight);
                // The documents to check as accepted documents: the postings readers pass over the others without
                // reading their positions. A subset of the live documents, as it was read from them.
                if (weight.GetScorer(leaf, within ?? reader.LiveDocs) is { } scorer) bits.Or(scorer);
                break;
        }
    }

    readonly ConcurrentDictionary<(Query, object Segment), FixedBitSet> prefixes = [];

    /// <summary>
    /// The documents of a segment with a word of the prefix, kept for the search: <see cref="TopScores"/> ranks by
    /// them too (a prefix scores a constant), where Lucene would read every word's postings a second time.
    /// </summary>
    public FixedBitSet OfPrefix(PrefixQuery prefix, AtomicReaderContext leaf)
    {
        var reader = leaf.AtomicReader;
        if (prefixes.TryGetValue((prefix, reader.CoreCacheKey), out var held)) return held;
        var bits = new FixedBitSet(reader.MaxDoc);
        var start = prefix.Prefix.Bytes;
        OrPostings(bits, reader, prefix.Prefix.Field, terms => terms.SeekCeil(start) == TermsEnum.SeekStatus.END ? 0 : 1,
            terms => StringHelper.StartsWith(terms.Term, start));
        return prefixes[(prefix, reader.CoreCacheKey)] = bits;
    }

    // One terms enumerator and one postings reader a field and segment, reused from term to term: each new reader
    // clones the segment's file handle, which the finalizer thread then has to release.
    readonly ConcurrentDictionary<(object Segment, string Field), (TermsEnum Terms, DocsEnum? Docs)> readers = [];

    /// <summary>Sets the live documents of the terms <paramref name="seek"/> positions on (and, for a range, the following ones <paramref name="more"/> accepts).</summary>
    void OrPostings(FixedBitSet bits, AtomicReader reader, string field, Func<TermsEnum, int> seek, Func<TermsEnum, bool>? more = null)
    {
        if (!readers.TryGetValue((reader.CoreCacheKey, field), out var held))
        {
            if (reader.GetTerms(field) is not { } terms) return;
            held = (terms.GetEnumerator(), null);
        }
        var termsEnum = held.Terms;
        var docs = held.Docs;
        try
        {
            if (seek(termsEnum) == 0) return;
            do
            {
                if (more is not null && !more(termsEnum)) return;
                docs = termsEnum.Docs(reader.LiveDocs, docs, DocsFlags.NONE);
                for (int doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) bits.Set(doc);
            }
            while (more is not null && termsEnum.MoveNext());
        }
        finally
        {
            readers[(reader.CoreCacheKey, field)] = (termsEnum, docs);
        }
    }

    static readonly ConditionalWeakTable<object, int[]> keysOfSegment = new();

    /// <summary>
    /// The article key of each document of a segment, read once from its doc values and kept as long as the segment
    /// is open: a segment never changes, and a search reads the key of every match.
    /// </summary>
    public static int[] Keys(AtomicReader reader) => keysOfSegment.GetValue(reader.CoreCacheKey, _ =>
    {
        var values = reader.GetNumericDocValues(FullTextIndex.KeyValues);
        var keys = new int[reader.MaxDoc];
        for (int doc = 0; doc < keys.Length; doc++) keys[doc] = values is null ? -1 : checked((int)values.Get(doc));
        return keys;
    });
}
