namespace NewsCorpus.Search;

/// <summary>
/// The first keys in the page order, kept while the matches stream by: a heap with the last-placed key on top. A
/// place is (rank, then newest month, then key) by relevance, the rank being the negated score; (date rank, 0, 0) by date.
/// </summary>
internal sealed class TopKeys(int capacity)
{
    readonly PriorityQueue<long, (double, long, long)> heap = new(Comparer<(double, long, long)>.Create((x, y) => y.CompareTo(x)));

    public int Capacity => capacity;

    /// <summary>Whether the heap is full, and so a place must come before <see cref="Last"/> to get in.</summary>
    public bool Full => capacity <= 0 || heap.Count >= capacity;

    /// <summary>The place of the last key kept (meaningful once <see cref="Full"/>).</summary>
    public (double, long, long) Last => heap.TryPeek(out _, out var last) ? last : (double.NegativeInfinity, long.MinValue, long.MinValue);

    public void Offer(long key, (double, long, long) place)
    {
        if (capacity <= 0) return;
        if (heap.Count < capacity) heap.Enqueue(key, place);
        else if (place.CompareTo(Last) < 0) heap.EnqueueDequeue(key, place);
    }

    /// <summary>Offers every key <paramref name="other"/> kept, at its place.</summary>
    public void OfferAll(TopKeys other)
    {
        foreach (var (key, place) in other.heap.UnorderedItems) Offer(key, place);
    }

    public List<(long Key, double Rank)> InOrder()
    {
        var all = heap.UnorderedItems.Select(x => (x.Element, x.Priority)).ToList();
        all.Sort((x, y) => x.Priority.CompareTo(y.Priority));
        return all.ConvertAll(x => (x.Element, x.Priority.Item1));
    }
}
