using System.Text;
using NewsCorpus.Analysis;

namespace NewsCorpus.Lexicon;

/// <summary>
/// A large word list kept compact: every word once as UTF-8 in one byte array, and its folded form
/// (<see cref="Folding.Fold"/>) in another, both in the order of the file, which is sorted by folded form. A few
/// megabytes for 336,000 words instead of the tens a HashSet of strings would take; a lookup is a binary search.
/// </summary>
sealed class SortedWords
{
    readonly byte[] exact;
    readonly int[] exactStarts;   // word i is exact[exactStarts[i]..exactStarts[i + 1]]
    readonly byte[] folded;
    readonly int[] foldedStarts;

    public int Count => exactStarts.Length - 1;

    public SortedWords(IEnumerable<string> wordsSortedByFoldedForm)
    {
        // Sized for the French list (about 4 MB of text, 340,000 words) so that loading makes little garbage.
        var exactBytes = new System.Buffers.ArrayBufferWriter<byte>(4 << 20);
        var foldedBytes = new System.Buffers.ArrayBufferWriter<byte>(4 << 20);
        var exactOffsets = new List<int>(340_000) { 0 };
        var foldedOffsets = new List<int>(340_000) { 0 };
        foreach (var word in wordsSortedByFoldedForm)
        {
            Encoding.UTF8.GetBytes(word, exactBytes);
            Encoding.UTF8.GetBytes(Folding.Fold(word), foldedBytes);
            exactOffsets.Add(exactBytes.WrittenCount);
            foldedOffsets.Add(foldedBytes.WrittenCount);
        }
        exact = exactBytes.WrittenSpan.ToArray();
        folded = foldedBytes.WrittenSpan.ToArray();
        exactStarts = exactOffsets.ToArray();
        foldedStarts = foldedOffsets.ToArray();
    }

    /// <summary>Whether the list holds this word exactly (same case, same accents).</summary>
    public bool Contains(string word)
    {
        var key = Encoding.UTF8.GetBytes(word);
        var (first, end) = FoldedRange(Folding.Fold(word));
        for (var i = first; i < end; i++)
            if (Exact(i).SequenceEqual(key)) return true;
        return false;
    }

    /// <summary>The words whose folded form is <paramref name="foldedForm"/>, as the list spells them.</summary>
    public IReadOnlyList<string> WithFoldedForm(string foldedForm)
    {
        var (first, end) = FoldedRange(foldedForm);
        if (first == end) return [];
        var forms = new string[end - first];
        for (var i = first; i < end; i++) forms[i - first] = Encoding.UTF8.GetString(Exact(i));
        return forms;
    }

    public bool HasFoldedForm(string foldedForm)
    {
        var (first, end) = FoldedRange(foldedForm);
        return end > first;
    }

    ReadOnlySpan<byte> Exact(int i) => exact.AsSpan(exactStarts[i], exactStarts[i + 1] - exactStarts[i]);
    ReadOnlySpan<byte> Folded(int i) => folded.AsSpan(foldedStarts[i], foldedStarts[i + 1] - foldedStarts[i]);

    // The words sharing one folded form are neighbours: find the first, then walk to the end of the run.
    (int First, int End) FoldedRange(string foldedForm)
    {
        var key = Encoding.UTF8.GetBytes(foldedForm);
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Folded(middle).SequenceCompareTo(key) < 0) low = middle + 1;
            else high = middle;
        }
        var end = low;
        while (end < Count && Folded(end).SequenceEqual(key)) end++;
        return (low, end);
    }
}
