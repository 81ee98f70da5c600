using Microsoft.Data.Sqlite;
using NewsCorpus.Search;

namespace NewsCorpus.Tests.Support;

/// <summary>The seeds imported once for a test class that only reads.</summary>
public sealed class SeedCorpusFixture : IDisposable
{
    public TestCorpus Corpus { get; } = new();

    public SeedCorpusFixture() => Corpus.Import();

    public SearchResults Search(string? q, string? country = null, string? from = null, string? to = null, string? sort = null, int page = 1)
    {
        using var connection = Corpus.Open();
        return new CorpusSearch(connection).Search(SearchRequest.FromForm(q, country, from, to, sort, page));
    }

    public List<string> Ids(string? q, string? country = null, string? from = null, string? to = null, string? sort = null) =>
        Search(q, country, from, to, sort).Hits.Select(h => h.Id).ToList();

    public void Dispose() => Corpus.Dispose();
}
