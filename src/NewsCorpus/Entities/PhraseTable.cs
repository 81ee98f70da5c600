namespace NewsCorpus.Entities;

/// <summary>
/// Multi-word phrases (already folded and split into words) looked up by their first word, so matching at a
/// position costs one hash lookup plus a comparison with the few phrases starting with that word.
/// </summary>
internal sealed class PhraseTable<TValue>
{
    readonly Dictionary<string, List<(string[] Words, TValue Value)>> byFirstWord = new(StringComparer.Ordinal);

    public void Add(string[] words, TValue value)
    {
        if (words.Length == 0) return;
        if (!byFirstWord.TryGetValue(words[0], out var list)) byFirstWord[words[0]] = list = [];
        if (list.Any(p => p.Words.AsSpan().SequenceEqual(words))) return;
        list.Add((words, value));
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));   // longest first
    }

    /// <summary>Length in words of the longest phrase matching at <paramref name="start"/>, 0 if none.</summary>
    public int Match(IReadOnlyList<string> folded, int start, Func<int, bool> joinedToPrevious, out TValue value)
    {
        value = default!;
        if (!byFirstWord.TryGetValue(folded[start], out var list)) return 0;
        foreach (var (words, v) in list)
        {
            if (start + words.Length > folded.Count) continue;
            bool ok = true;
            for (int k = 1; k < words.Length && ok; k++)
                ok = joinedToPrevious(start + k) && folded[start + k] == words[k];
            if (!ok) continue;
            value = v;
            return words.Length;
        }
        return 0;
    }
}
