using System.Runtime.ExceptionServices;
using Lucene.Net.Index;

namespace NewsCorpus.Search;

/// <summary>
/// The index's segments shared out among the machine's cores for one search. A search of a common word reads the
/// postings of every segment, and segments are independent of each other: on two cores the reading takes about half
/// the time. Under many searches at once the cores are busy anyway, and the calling thread does its share itself.
/// </summary>
internal static class Segments
{
    /// <summary>The threads one search uses: one a core, at most four however many cores (a server's other searches need them).</summary>
    public static int Threads { get; } = Math.Min(4, Environment.ProcessorCount);

    /// <summary>Runs <paramref name="body"/> on each leaf, the groups of <see cref="Groups"/> at once.</summary>
    public static void ForEach(IList<AtomicReaderContext> leaves, Action<AtomicReaderContext> body) =>
        InGroups(leaves, group =>
        {
            foreach (var leaf in group) body(leaf);
            return true;
        });

    /// <summary>
    /// Runs <paramref name="body"/> on each group of <see cref="Groups"/> at once and gives what each returned; an
    /// exception of one (the budget running out) is thrown as itself.
    /// </summary>
    public static T[] InGroups<T>(IList<AtomicReaderContext> leaves, Func<IReadOnlyList<AtomicReaderContext>, T> body)
    {
        var groups = Groups(leaves, Threads);
        var results = new T[groups.Count];
        if (groups.Count == 1)
        {
            results[0] = body(groups[0]);
            return results;
        }
        try
        {
            Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = groups.Count }, g => results[g] = body(groups[g]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return results;
    }

    /// <summary>The leaves in <paramref name="count"/> groups (fewer when there are fewer leaves) of about the same number of documents.</summary>
    internal static List<List<AtomicReaderContext>> Groups(IList<AtomicReaderContext> leaves, int count)
    {
        var groups = Enumerable.Range(0, Math.Max(1, Math.Min(count, leaves.Count))).Select(_ => new List<AtomicReaderContext>()).ToList();
        var sizes = new long[groups.Count];
        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc).ThenBy(l => l.Ord))
        {
            int smallest = Array.IndexOf(sizes, sizes.Min());
            groups[smallest].Add(leaf);
            sizes[smallest] += leaf.AtomicReader.MaxDoc;
        }
        return groups;
    }
}
