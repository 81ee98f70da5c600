using NewsCorpus.Storage;

namespace NewsCorpus.Tests.Storage;

public class BandFilterTests
{
    [Fact]
    public void Knows_every_key_it_was_given_and_few_others()
    {
        var random = new Random(5);
        var keys = Enumerable.Range(0, 100_000).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToList();
        var filter = new BandFilter(keys.Count);
        foreach (var key in keys) filter.Add(key);

        Assert.All(keys, key => Assert.True(filter.MayContain(key)));
        var given = keys.ToHashSet();
        var others = Enumerable.Range(0, 100_000).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).Where(k => !given.Contains(k)).ToList();
        Assert.True(others.Count(filter.MayContain) < others.Count / 200, "more than 0.5 % of unknown keys pass");
    }

    [Fact]
    public void An_empty_filter_knows_nothing() =>
        Assert.False(new BandFilter(0).MayContain(42));
}
