using System.Runtime.ExceptionServices;
using Lucene.Net.Index;

namespace NewsCorpus.Search;

/// <summary>
/// One search's work shared out among the machine's cores. A search of a common word reads the postings of every
/// index segment, and segments are independent of each other: on two cores the reading takes about half the time.
/// </summary>
internal static class SearchThreads
{
    /// <summary>The threads one search uses: one a core, at most four however many cores (a server's other searches need them).</summary>
    public static int Count { get; } = Math.Min(4, Environment.ProcessorCount);

    /// <summary>
    /// Runs <paramref name="body"/> for 0 to <paramref name="items"/> − 1, on the calling thread and on as many pool
    /// threads as are free to help, and returns when every item is done; an exception of one (the budget running out)
    /// is thrown as itself. The calling thread never waits for an item no thread has started: it takes it itself.
    /// (Parallel.For waits for the helpers it queued, and under a site's load, with every pool thread in a search doing
    /// the same, they starve.)
    /// </summary>
    public static void Run(int items, Action<int> body)
    {
        if (items <= 1 || Count == 1)
        {
            for (int i = 0; i < items; i++) body(i);
            return;
        }
        var shared = new Shared(items, body);
        for (int helper = 1; helper < Math.Min(Count, items); helper++)
            ThreadPool.UnsafeQueueUserWorkItem(static s => ((Shared)s!).Work(), shared);
        shared.Work();
        // What is left runs on threads that took it: it ends without anything else having to start.
        shared.Finished.Wait();
        shared.Failure?.Throw();
    }

    sealed class Shared(int items, Action<int> body)
    {
        int next = -1, done;
        // Never disposed: a helper may still be setting it as the caller leaves (and it holds no kernel handle).
        public readonly ManualResetEventSlim Finished = new();
        public ExceptionDispatchInfo? Failure;

        public void Work()
        {
            for (int item; (item = Interlocked.Increment(ref next)) < items;)
            {
                try { body(item); }
                catch (Exception e) { Interlocked.CompareExchange(ref Failure, ExceptionDispatchInfo.Capture(e), null); }
                if (Interlocked.Increment(ref done) == items) Finished.Set();
            }
        }
    }

    /// <summary>Runs <paramref name="body"/> on each leaf, the groups of <see cref="Groups"/> at once.</summary>
    public static void ForEach(IList<AtomicReaderContext> leaves, Action<AtomicReaderContext> body) =>
        InGroups(leaves, group =>
        {
            foreach (var leaf in group) body(leaf);
            return true;
        });

    /// <summary>Runs <paramref name="body"/> on each group of <see cref="Groups"/> at once and gives what each returned.</summary>
    public static T[] InGroups<T>(IList<AtomicReaderContext> leaves, Func<IReadOnlyList<AtomicReaderContext>, T> body)
    {
        var groups = Groups(leaves, Count);
        var results = new T[groups.Count];
        Run(groups.Count, g => results[g] = body(groups[g]));
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
