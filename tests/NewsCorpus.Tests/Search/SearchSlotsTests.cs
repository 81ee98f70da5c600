using NewsCorpus.Search;

namespace NewsCorpus.Tests.Search;

public sealed class SearchSlotsTests
{
    [Fact]
    public async Task No_more_searches_hold_a_place_at_once_than_there_are_places_and_each_waiting_one_gets_its_turn()
    {
        var slots = new SearchSlots(2);
        int inside = 0, most = 0;
        var release = new ManualResetEventSlim();
        var searches = Enumerable.Range(0, 6).Select(_ => Task.Factory.StartNew(() =>
        {
            using (slots.Take())
            {
                int now = Interlocked.Increment(ref inside);
                for (int seen = most; now > seen; seen = most) Interlocked.CompareExchange(ref most, now, seen);
                release.Wait();
                Interlocked.Decrement(ref inside);
            }
        }, TaskCreationOptions.LongRunning)).ToList();

        // Two take the places; the four others wait, however long.
        SpinWait.SpinUntil(() => Volatile.Read(ref inside) == 2, TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        Assert.Equal(2, Volatile.Read(ref inside));
        Assert.All(searches, s => Assert.False(s.IsCompleted));

        release.Set();
        await Task.WhenAll(searches).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, most);
        Assert.Equal(0, inside);
    }

    [Fact]
    public async Task A_search_started_inside_another_on_its_thread_shares_its_place_even_when_none_is_free()
    {
        var slots = new SearchSlots(1);
        // With one place, held by this thread: a second Take that waited for a place would never return.
        await Task.Factory.StartNew(() =>
        {
            using var outer = slots.Take();
            using var inner = slots.Take();
        }, TaskCreationOptions.LongRunning).WaitAsync(TimeSpan.FromSeconds(10));

        // Both given back, the place is free for another thread.
        await Task.Factory.StartNew(() => slots.Take().Dispose(), TaskCreationOptions.LongRunning).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_place_given_back_twice_frees_it_once()
    {
        var slots = new SearchSlots(1);
        var place = slots.Take();
        place.Dispose();
        place.Dispose();

        var (held, release) = (new ManualResetEventSlim(), new ManualResetEventSlim());
        var holder = Task.Factory.StartNew(() =>
        {
            using (slots.Take())
            {
                held.Set();
                release.Wait();
            }
        }, TaskCreationOptions.LongRunning);
        held.Wait(TimeSpan.FromSeconds(10));
        var waiter = Task.Factory.StartNew(() => slots.Take().Dispose(), TaskCreationOptions.LongRunning);
        // Given back twice, the place would count as two: the second thread would not wait for the first.
        await Task.WhenAny(waiter, Task.Delay(300));
        Assert.False(waiter.IsCompleted);
        release.Set();
        await Task.WhenAll(holder, waiter).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
