using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsCorpus.Search;

/// <summary>
/// The documents of a segment that hold an exact phrase, for <see cref="MatchBits"/>: the words' postings intersected,
/// then each document's positions read only as far as the phrase's first occurrence. Lucene's phrase scorer reads
/// every position of every word, to count the occurrences for the score; a match needs one.
/// </summary>
internal static class PhraseMatches
{
    readonly record struct Word(DocsAndPositionsEnum Postings, int Offset, int DocFreq);

    /// <summary>
    /// Sets in <paramref name="bits"/> the documents among <paramref name="accepted"/> (all when null) that hold
    /// <paramref name="phrase"/> (no slop). A document already set is not read again: the same phrase in another field
    /// need not be checked where one field had it.
    /// </summary>
    public static void OrInto(FixedBitSet bits, PhraseQuery phrase, AtomicReader reader, IBits? accepted)
    {
        var terms = phrase.GetTerms();
        var offsets = phrase.GetPositions();
        if (terms.Length == 0) return;
        var words = new Word[terms.Length];
        for (int i = 0; i < terms.Length; i++)
        {
            var termsEnum = reader.GetTerms(terms[i].Field)?.GetEnumerator();
            if (termsEnum is null || !termsEnum.SeekExact(terms[i].Bytes)) return;
            var postings = termsEnum.DocsAndPositions(accepted, null, DocsAndPositionsFlags.NONE)
                ?? throw new InvalidOperationException($"The field {terms[i].Field} has no positions.");
            words[i] = new Word(postings, offsets[i], termsEnum.DocFreq);
        }
        // The rarest word leads; the others are advanced to its documents.
        Array.Sort(words, (a, b) => a.DocFreq.CompareTo(b.DocFreq));
        var lead = words[0].Postings;
        int doc = lead.NextDoc();
        while (doc != DocIdSetIterator.NO_MORE_DOCS)
        {
            int other = 1;
            for (; other < words.Length; other++)
            {
                var postings = words[other].Postings;
                int at = postings.DocID < doc ? postings.Advance(doc) : postings.DocID;
                if (at == doc) continue;
                doc = at == DocIdSetIterator.NO_MORE_DOCS ? at : lead.Advance(at);
                break;
            }
            if (other < words.Length) continue;
            if (!bits.Get(doc) && Together(words)) bits.Set(doc);
            doc = lead.NextDoc();
        }
    }

    /// <summary>
    /// Whether the current document has every word at its place in the phrase once: each word's positions, less its
    /// offset in the phrase, are where the phrase would start, and they are read until all of them agree.
    /// </summary>
    static bool Together(Word[] words)
    {
        Span<int> start = stackalloc int[words.Length];
        Span<int> left = stackalloc int[words.Length];
        int target = int.MinValue;
        for (int i = 0; i < words.Length; i++)
        {
            left[i] = words[i].Postings.Freq - 1;
            start[i] = words[i].Postings.NextPosition() - words[i].Offset;
            target = Math.Max(target, start[i]);
        }
        while (true)
        {
            bool agree = true;
            for (int i = 0; i < words.Length; i++)
            {
                while (start[i] < target)
                {
                    if (left[i]-- == 0) return false;
                    start[i] = words[i].Postings.NextPosition() - words[i].Offset;
                }
                if (start[i] > target)
                {
                    target = start[i];
                    agree = false;
                }
            }
            if (agree) return true;
        }
    }
}
