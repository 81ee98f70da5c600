using System.Text.Json;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public abstract class ApiTests(SiteFixture site)
{
    async Task<JsonElement> Get(string url) => JsonDocument.Parse(await site.Client().GetStringAsync(url)).RootElement;

    [StoreFact]
    public async Task An_article_has_its_month_as_yyyy_MM_and_its_countries()
    {
        var a = await Get($"/api/articles/{Seed000}");
        Assert.Equal(Seed000, a.GetProperty("id").GetString());
        Assert.Equal("2023-10", a.GetProperty("date").GetString());
        Assert.Equal(["Une coopération militaire renforcée"], a.GetProperty("headings").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(["ru", "bf", "ml"], a.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("iso2").GetString()));
    }

    [StoreFact]
    public async Task The_timeline_has_every_month_of_the_span()
    {
        var t = await Get("/api/timeline");
        Assert.Equal(2, t.GetProperty("total").GetInt32());
        Assert.Equal([("2023-10", 1), ("2023-11", 1)],
            t.GetProperty("months").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("count").GetInt32())));
    }

    [StoreFact]
    public async Task Countries_come_with_article_counts()
    {
        var list = (await Get("/api/countries")).EnumerateArray().ToDictionary(c => c.GetProperty("iso2").GetString()!, c => c.GetProperty("articles").GetInt32());
        Assert.Equal(2, list["ml"]);
        Assert.Equal(2, list["bf"]);
        Assert.Equal(2, list["ru"]);
    }
}

public sealed class ApiTestsOnSqlite(SiteFixture site) : ApiTests(site), IClassFixture<SiteFixture>;

[OnPostgres]
public sealed class ApiTestsOnPostgres(PostgresSite site) : ApiTests(site), IClassFixture<PostgresSite>;
