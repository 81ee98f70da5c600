using System.Text;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Pages;

/// <summary>Pages show 20 articles at a time; exports give every one.</summary>
public abstract class UncappedExportTests(SiteFixture site)
{
    const int Count = 150;

    public sealed class SiteOnPostgres : Site { protected override bool OnPostgres => true; }

    public class Site : SiteFixture
    {
        public Site() : base(withSeeds: false) { }

        protected override void AddArticles(TestCorpus corpus)
        {
            for (int i = 0; i < Count; i++)
                corpus.Write($"{i:D3}_{i + 1:x16}.txt",
                    $"date 2024-03\n\nLe xylophone numéro {i} a été présenté au Mali lors du festival {i}.\n\nLa suite {i} du récit sur ce xylophone.\n");
        }
    }

    async Task<List<string>> CsvIds(string url)
    {
        var text = Encoding.UTF8.GetString(await site.Client().GetByteArrayAsync(url));
        return Csv.Parse(text[1..]).Skip(1).Select(r => r[0]).ToList();
    }

    async Task<List<string>> JsonLinesIds(string url) =>
        (await site.Client().GetStringAsync(url)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList();

    [StoreFact]
    public async Task The_search_page_shows_20_and_its_export_all_150()
    {
        var page = await site.Page("/search?q=xylophone");
        Assert.Equal(20, page.QuerySelectorAll(".result").Length);
        Assert.Contains($"{Count} article(s)", page.QuerySelector(".total")!.TextContent);

        var ids = await CsvIds("/export/search.csv?q=xylophone");
        Assert.Equal(Count, ids.Count);
        Assert.Equal(Count, ids.Distinct().Count());
        Assert.Equal(Count, (await JsonLinesIds("/export/search.jsonl?q=xylophone&sort=oldest")).Count);
    }

    [StoreFact]
    public async Task Month_and_country_exports_are_not_capped_either()
    {
        Assert.Equal(20, (await site.Page("/timeline/2024-03")).QuerySelectorAll(".result").Length);
        Assert.Equal(Count, (await CsvIds("/export/timeline/2024-03.csv")).Count);
        Assert.Equal(Count, (await JsonLinesIds("/export/countries/ml.jsonl")).Count);
    }

    [StoreFact]
    public async Task The_feed_stops_at_50_newest()
    {
        var feed = System.Xml.Linq.XDocument.Parse(await site.Client().GetStringAsync("/countries/ml.atom"));
        Assert.Equal(50, feed.Root!.Elements(System.Xml.Linq.XName.Get("entry", "http://www.w3.org/2005/Atom")).Count());
    }
}

public sealed class UncappedExportTestsOnSqlite(UncappedExportTests.Site site) : UncappedExportTests(site), IClassFixture<UncappedExportTests.Site>;

[OnPostgres]
public sealed class UncappedExportTestsOnPostgres(UncappedExportTests.SiteOnPostgres site) : UncappedExportTests(site), IClassFixture<UncappedExportTests.SiteOnPostgres>;
