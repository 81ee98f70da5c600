namespace NewsCorpus.Search;

/// <summary>
/// The cores shared out among searches: a few read the index at once, the others wait their turn. Searches that
/// all run at once on two cores each hold their sets and buffers while they share the cores: the site's memory grew
/// with the number of searches in flight, and none ended sooner.
/// </summary>
internal sealed class SearchSlots(int count)
{
    /// <summary>The site's searches on the embedded store: one at a time a core, at least two.</summary>
    public static SearchSlots Shared { get; } = new(Math.Max(2, Environment.ProcessorCount));

    readonly SemaphoreSlim free = new(count);
    // A search that starts another on its thread holds one place for both: waiting for a second would deadlock
    // once every place is held that way.
    readonly ThreadLocal<int> held = new();

    /// <summary>Waits for a place and holds it until disposed.</summary>
    public IDisposable Take()
    {
        if (held.Value == 0) free.Wait();
        held.Value++;
        return new Place(this);
    }

    sealed class Place(SearchSlots slots) : IDisposable
    {
        bool disposed;

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            if (--slots.held.Value == 0) slots.free.Release();
        }
    }
}
