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

        site.Corpus.Write("030_00000000000000c9.txt", "date 2024-03 Un nouvel article arrive après le démarrage.");
        new CorpusImporter(site.Corpus.Database).Import(site.Corpus.Articles);

        int total = 2;
        for (int i = 0; i < 50 && total == 2; i++)
        {
            await Task.Delay(200);
            total = await Total(client);
        }
        Assert.Equal(3, total);
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

        int total = 2;
        for (int i = 0; i < 50 && total == 2; i++)
        {
            await Task.Delay(200);
            total = await Total(client);
        }
        Assert.Equal(3, total);
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

    static async Task<int> Total(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/timeline"));
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
