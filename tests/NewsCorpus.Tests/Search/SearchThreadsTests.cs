using Lucene.Net.Index;
using NewsCorpus.Generation;
using NewsCorpus.Search;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Search;

public sealed class SearchThreadsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Groups_hold_every_segment_once_in_at_most_the_count_asked_of_about_the_same_size(int count)
    {
        using var corpus = new TestCorpus();
        // Five imports of different sizes: five segments of unequal sizes.
        foreach (var (seed, articles) in new[] { (1, 40), (2, 5), (3, 25), (4, 10), (6, 30) })
        {
            new CorpusGenerator(seed).WriteTo(corpus.Articles, articles);
            corpus.Import();
        }
        using var connection = corpus.Open();
        using var index = FullTextIndex.Acquire(connection);
        var leaves = index.Reader.Leaves;
        Assert.True(leaves.Count >= 5, $"{leaves.Count} segment(s)");

        var groups = SearchThreads.Groups(leaves, count);

        Assert.Equal(Math.Min(count, leaves.Count), groups.Count);
        Assert.Equal(leaves.Select(l => l.Ord).Order(), groups.SelectMany(g => g).Select(l => l.Ord).Order());
        var sizes = groups.Select(g => g.Sum(l => l.AtomicReader.MaxDoc)).ToList();
        // Largest first, each to the smallest group: no group exceeds another by more than the largest segment.
        Assert.True(sizes.Max() - sizes.Min() <= leaves.Max(l => l.AtomicReader.MaxDoc), string.Join(", ", sizes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(25)]
    public void Run_does_each_item_once_and_returns_when_all_are_done(int items)
    {
        var done = new int[items];
        SearchThreads.Run(items, i =>
        {
            Thread.Sleep(i % 3);
            Interlocked.Increment(ref done[i]);
        });
        Assert.All(done, d => Assert.Equal(1, d));
    }

    [Fact]
    public void An_exception_of_one_item_is_thrown_as_itself_once_the_others_are_done()
    {
        var done = 0;
        var thrown = Assert.Throws<InvalidOperationException>(() => SearchThreads.Run(10, i =>
        {
            if (i == 3) throw new InvalidOperationException("item 3");
            Thread.Sleep(2);
            Interlocked.Increment(ref done);
        }));
        Assert.Equal("item 3", thrown.Message);
        Assert.Equal(9, done);
    }

    [Fact]
    public void An_exception_of_one_group_is_thrown_as_itself()
    {
        using var corpus = new TestCorpus();
        foreach (var seed in new[] { 1, 2 })
        {
            new CorpusGenerator(seed).WriteTo(corpus.Articles, 10);
            corpus.Import();
        }
        using var connection = corpus.Open();
        using var index = FullTextIndex.Acquire(connection);
        var leaves = index.Reader.Leaves;
        Assert.True(leaves.Count >= 2);

        var thrown = Assert.Throws<QueryBudget.ExhaustedException>(() => SearchThreads.ForEach(leaves, leaf =>
        {
            if (leaf.Ord == leaves.Count - 1) throw new QueryBudget.ExhaustedException();
        }));
        Assert.Equal("The search ran out of time.", thrown.Message);
    }
}
