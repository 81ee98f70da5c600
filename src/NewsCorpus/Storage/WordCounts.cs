using System.Collections.Concurrent;
using NewsCorpus.Analysis;

namespace NewsCorpus.Storage;

/// <summary>How much an import changes one word's counts in the vocabulary.</summary>
internal sealed class WordDelta(string folded, string stem)
{
    public readonly string Folded = folded, Stem = stem;
    public long Docs, Occurrences;
}

/// <summary>
/// The changes an import makes to the vocabulary behind "why did this match", summed on a thread of its own:
/// a few hundred dictionary lookups an article were a sixth of the writer's time, and the writer is what the
/// import waits for. Additions and removals are summed in the order given, so the result is the same as
/// summing them in place.
/// </summary>
internal sealed class WordCounts : IDisposable
{
    readonly BlockingCollection<(IReadOnlyList<WordTally> Words, int Sign)> pending = new(boundedCapacity: 256);
    readonly Dictionary<string, WordDelta> deltas = new(StringComparer.Ordinal);
    readonly Task summing;

    public WordCounts() => summing = Task.Factory.StartNew(Sum, TaskCreationOptions.LongRunning);

    /// <summary>Adds a text's words (sign +1) or takes them away (sign -1): a document each, and each word's occurrences.</summary>
    public void Add(IReadOnlyList<WordTally> words, int sign) => pending.Add((words, sign));

    /// <summary>The tallies of a text, as <see cref="ArticleAnalysis.Words"/> gives them for an article.</summary>
    public static List<WordTally> Tally(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<AnalyzedWord>();
        foreach (var (_, word) in FrenchAnalyzer.AnalyzeText(text))
        {
            if (counts.TryGetValue(word.Form, out int seen)) counts[word.Form] = seen + 1;
            else
            {
                counts[word.Form] = 1;
                words.Add(word);
            }
        }
        return words.ConvertAll(w => new WordTally(w, counts[w.Form]));
    }

    /// <summary>The summed changes, once every text given so far is counted; nothing may be added after.</summary>
    public IReadOnlyDictionary<string, WordDelta> Complete()
    {
        pending.CompleteAdding();
        summing.GetAwaiter().GetResult();
        return deltas;
    }

    void Sum()
    {
        foreach (var (words, sign) in pending.GetConsumingEnumerable())
            foreach (var (word, occurrences) in words)
            {
                if (!deltas.TryGetValue(word.Form, out var delta))
                    deltas[word.Form] = delta = new WordDelta(word.Exact, word.Stem);
                delta.Occurrences += sign * occurrences;
                delta.Docs += sign;
            }
    }

    public void Dispose()
    {
        if (!pending.IsAddingCompleted) pending.CompleteAdding();
        summing.Wait();
        pending.Dispose();
    }
}
