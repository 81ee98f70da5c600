using NewsCorpus.Generation;
using NewsCorpus.Search;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Search;

/// <summary>Large result sets count countries and entities on a sample; the total and the months stay exact.</summary>
public sealed class FacetSampleTests : IDisposable
{
    readonly TestCorpus corpus = new();

    public FacetSampleTests()
    {
        new CorpusGenerator(seed: 31).WriteTo(corpus.Articles, 400);
        corpus.Import();
    }

    static SearchRequest Russie => SearchRequest.FromForm("Russie", null, null, null, null);

    [Fact]
    public void Under_the_sample_size_facets_are_exact_and_not_flagged()
    {
        using var connection = corpus.Open();
        var r = new SqliteCorpusSearch(connection).Search(Russie);
        Assert.True(r.Total > 100);
        Assert.Null(r.FacetSample);
    }

    [Fact]
    public void Over_it_countries_and_entities_are_estimates_close_to_the_exact_counts()
    {
        using var connection = corpus.Open();
        var exact = new SqliteCorpusSearch(connection).Search(Russie);
        var sampled = new SqliteCorpusSearch(connection) { FacetSampleSize = 60 }.Search(Russie);

        Assert.Equal(exact.Total, sampled.Total);
        Assert.Equal(exact.Months, sampled.Months);
        Assert.Equal(exact.Hits.Select(h => h.Id), sampled.Hits.Select(h => h.Id));
        var sample = Assert.IsType<int>(sampled.FacetSample);
        Assert.InRange(sample, 30, 60);   // every (total / 60, rounded up)-th key: about 60, never more
        // Russia is in every match; the estimate of a country in every match is the total itself.
        Assert.Equal(exact.Total, sampled.Countries.Single(c => c.Iso2 == "ru").Count);
        foreach (var country in exact.Countries.Where(c => c.Count >= exact.Total / 4))
        {
            var estimate = sampled.Countries.Single(c => c.Iso2 == country.Iso2).Count;
            Assert.InRange(estimate, country.Count * 0.6, country.Count * 1.4);
        }
    }

    public void Dispose() => corpus.Dispose();
}
