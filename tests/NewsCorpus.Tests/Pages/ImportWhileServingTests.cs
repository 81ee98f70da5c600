using System.Text.Json;
using NewsCorpus.Generation;
using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Pages;

/// <summary>Readers keep reading while an import runs: they see the old corpus or the new one, never an error or half of it.</summary>
public class ImportWhileServingTests
{
    [Fact]
    public async Task Readers_see_the_whole_old_corpus_or_the_whole_new_one()
    {
        using var site = new SiteFixture();
        var client = site.Client();
        Assert.Equal(2, await Total(client));

        new CorpusGenerator(seed: 11).WriteTo(site.Corpus.Articles, 300);
        var import = Task.Run(() => new CorpusImporter(site.Corpus.Database).Import(site.Corpus.Articles));

        var seen = new HashSet<int>();
        int reads = 0;
        while (!import.IsCompleted)
        {
            seen.Add(await Total(client));
            var page = await client.GetAsync("/search?q=Russie");
            Assert.True(page.IsSuccessStatusCode, $"search answered {(int)page.StatusCode} during the import");
            reads++;
        }
        var report = await import;
        int after = 2 + report.Imported;
        // Pages are cached until the site notices the import (it looks every second here).
        for (int i = 0; i < 50 && !seen.Contains(after); i++)
        {
            seen.Add(await Total(client));
            await Task.Delay(200);
        }

        Assert.True(reads > 0);
        Assert.Subset(new HashSet<int> { 2, after }, seen);
        Assert.Contains(after, seen);
    }

    static async Task<int> Total(HttpClient client)
    {
        var response = await client.GetAsync("/api/timeline");
        Assert.True(response.IsSuccessStatusCode, $"timeline answered {(int)response.StatusCode}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
