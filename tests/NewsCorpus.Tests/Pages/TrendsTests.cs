using System.Text.Json;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Pages;

public abstract class TrendsTests(SiteFixture site)
{
    public sealed class SiteOnPostgres : Site { protected override bool OnPostgres => true; }

    /// <summary>The seeds (2023-10, 2023-11) plus three more articles in 2023-11 and one in 2024-01, so shares differ from counts.</summary>
    public class Site : SiteFixture
    {
        protected override void AddArticles(TestCorpus corpus)
        {
            corpus.Write("020_00000000000000f1.txt", "date 2023-11 Rosatom signe un nouvel accord au Niger.");
            corpus.Write("021_00000000000000f2.txt", "date 2023-11 La saison des pluies commence au Sahel.");
            corpus.Write("022_00000000000000f3.txt", "date 2023-11 Les prix du coton montent au Bénin.");
            corpus.Write("023_00000000000000f4.txt", "date 2024-01 Une délégation de Rosatom est attendue à Ouagadougou.");
        }
    }

    [StoreFact]
    public async Task The_api_gives_counts_and_shares_for_every_month_of_the_span()
    {
        using var json = JsonDocument.Parse(await site.Client().GetStringAsync("/api/trends?q=Rosatom&q=Russie"));
        var root = json.RootElement;
        Assert.Equal(["2023-10", "2023-11", "2023-12", "2024-01"], root.GetProperty("months").EnumerateArray().Select(m => m.GetString()));
        var rosatom = root.GetProperty("series")[0];
        Assert.Equal("Rosatom", rosatom.GetProperty("query").GetString());
        Assert.Equal(3, rosatom.GetProperty("total").GetInt32());
        var points = rosatom.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("articles").GetInt32(), p.GetProperty("monthTotal").GetInt32(), p.GetProperty("share").GetDouble())).ToList();
        Assert.Equal([(0, 1, 0.0), (2, 4, 0.5), (0, 0, 0.0), (1, 1, 1.0)], points);
    }

    [StoreFact]
    public async Task The_page_draws_one_line_per_query_with_a_table_and_links_to_each_month()
    {
        var doc = await site.Page("/trends?q=Rosatom&q=Russie");
        Assert.Equal(2, doc.QuerySelectorAll("svg polyline").Length);
        Assert.Equal(8, doc.QuerySelectorAll("svg circle").Length);
        var novemberRosatom = doc.QuerySelectorAll(".trend-table tbody tr")[1].QuerySelectorAll("td a")[0];
        Assert.Equal("2 / 4 · 50 %", novemberRosatom.TextContent);
        Assert.Equal("/search?q=Rosatom&from=2023-11&to=2023-11", novemberRosatom.GetAttribute("href"));
        var linked = await site.Page(novemberRosatom.GetAttribute("href")!);
        Assert.Equal(2, linked.QuerySelectorAll(".result").Length);
    }

    /// <summary>Asked in one order and then the other, each answer keeps the order asked (the page cache saw both).</summary>
    [StoreFact]
    public async Task Series_come_in_the_order_asked()
    {
        string[][] orders = [["Russie", "Rosatom", "Mali"], ["Rosatom", "Mali", "Russie"], ["Russie", "Rosatom", "Mali"]];
        foreach (var asked in orders)
        {
            var query = string.Join("&", asked.Select(q => "q=" + q));
            using var json = JsonDocument.Parse(await site.Client().GetStringAsync("/api/trends?" + query));
            Assert.Equal(asked, json.RootElement.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("query").GetString()));
            var page = await site.Page("/trends?" + query);
            Assert.Equal(asked, page.QuerySelectorAll(".legend li").Select(li => li.TextContent.Trim().Split(' ')[0]));
        }
    }

    [StoreFact]
    public async Task Counts_instead_of_shares_on_request()
    {
        var doc = await site.Page("/trends?q=Rosatom&measure=count");
        Assert.Contains("Nombre d’articles", doc.QuerySelector("svg title")!.TextContent);
        Assert.Contains("/trends?q=Rosatom&measure=share", doc.QuerySelectorAll(".hint a").Select(a => a.GetAttribute("href")));
    }

    [StoreFact]
    public async Task Odd_queries_explain_themselves_and_at_most_five_are_charted()
    {
        var doc = await site.Page("/trends?q=-Rosatom&q=a&q=b&q=c&q=d&q=e&q=f");
        Assert.Contains("exclusions", doc.QuerySelector(".notice")!.TextContent);
        Assert.Equal(5, doc.QuerySelectorAll(".legend li").Length);
    }
}

public sealed class TrendsTestsOnSqlite(TrendsTests.Site site) : TrendsTests(site), IClassFixture<TrendsTests.Site>;

[OnPostgres]
public sealed class TrendsTestsOnPostgres(TrendsTests.SiteOnPostgres site) : TrendsTests(site), IClassFixture<TrendsTests.SiteOnPostgres>;
