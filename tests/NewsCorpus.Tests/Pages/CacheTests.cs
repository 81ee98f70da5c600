using System.Text.Json;
using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Pages;

public class CacheTests
{
    [Fact]
    public async Task Pages_are_served_from_cache_until_an_import_changes_the_corpus()
    {
        using var site = new SiteFixture();
        var client = site.Client();
        var first = await client.GetAsync("/timeline");
        Assert.False(first.Headers.Age.HasValue);
        var second = await client.GetAsync("/timeline");
        Assert.True(second.Headers.Age.HasValue, "the second request was not served from the cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(2, await Total(client));
        Assert.Equal(2, await Total(client));
        var etag = (await client.GetAsync("/api/timeline")).Headers.ETag!;

        site.Corpus.Write("030_00000000000000c9.txt", "date 2024-03 Un nouvel article arrive après le démarrage.");
        new CorpusImporter(site.Corpus.Database).Import(site.Corpus.Articles);

        Assert.Equal(3, await TotalOnceChanged(client, from: 2));
        // The old ETag no longer validates: the client gets the new answer, not a 304.
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/timeline");
        request.Headers.IfNoneMatch.Add(etag);
        var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag);
    }

    [PostgresFact]
    public async Task On_postgres_the_cache_is_cleared_when_a_publication_lands()
    {
        using var site = new PostgresSite();
        var client = site.Client();
        Assert.Equal(2, await Total(client));
        Assert.Equal(2, await Total(client));

        site.Corpus.Write("030_00000000000000c9.txt", "date 2024-03 Un nouvel article arrive après le démarrage.");
        new CorpusImporter(site.Corpus.Database).Import(site.Corpus.Articles);
        new NewsCorpus.Storage.Postgres.PostgresPublisher(site.Postgres!).Publish(site.Corpus.Database);

        Assert.Equal(3, await TotalOnceChanged(client, from: 2));
    }

    [Fact]
    public async Task Downloads_are_never_cached()
    {
        using var site = new SiteFixture();
        var client = site.Client();
        await client.GetAsync("/export/search.csv?q=Russie");
        var again = await client.GetAsync("/export/search.csv?q=Russie");
        Assert.False(again.Headers.Age.HasValue);
    }

    /// <summary>The total once the site has seen the import (it looks every second in tests), or the old one after 10 s.</summary>
    static async Task<int> TotalOnceChanged(HttpClient client, int from)
    {
        int total = from;
        for (int i = 0; i < 50 && total == from; i++)
        {
            await Task.Delay(200);
            total = await Total(client);
        }
        return total;
    }

    static async Task<int> Total(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/timeline"));
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
