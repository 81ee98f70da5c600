using NewsCorpus.Generation;
using NewsCorpus.Research;
using NewsCorpus.Search;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Research;

public class ConcordanceTests
{
    [Fact]
    public void The_page_is_bounded_and_says_so_while_the_export_stream_is_not()
    {
        using var corpus = new TestCorpus();
        new CorpusGenerator(seed: 5).WriteTo(corpus.Articles, 40);
        corpus.Import();
        using var connection = corpus.Open();
        var request = SearchRequest.FromForm("Russie", null, null, null, null);

        var whole = Concordance.Build(connection, request, ConcordanceSort.Date, maxArticles: int.MaxValue - 1);
        Assert.False(whole.Truncated);
        Assert.True(whole.Articles > 10, $"only {whole.Articles} articles name Russia");

        var page = Concordance.Build(connection, request, ConcordanceSort.Date, maxArticles: 10);
        Assert.True(page.Truncated);
        Assert.Equal(10, page.Articles);
        Assert.True(page.Occurrences < whole.Occurrences);

        var streamed = Concordance.Lines(connection, request).ToList();
        Assert.Equal(whole.Occurrences, streamed.Count);
        Assert.Equal(whole.Lines.Select(l => (l.ArticleId, l.Offset)), streamed.Select(l => (l.ArticleId, l.Offset)));
    }
}
