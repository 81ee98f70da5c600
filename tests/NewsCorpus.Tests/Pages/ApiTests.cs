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
    public async Task A_search_answers_its_page_with_words_for_its_sort_and_kinds()
    {
        var r = await Get("/api/search?q=Russie&country=ml&sort=oldest&pageSize=1&page=2");
        Assert.Equal(2, r.GetProperty("total").GetInt32());
        Assert.Equal(2, r.GetProperty("page").GetInt32());
        Assert.Equal(1, r.GetProperty("pageSize").GetInt32());
        Assert.Equal("oldest", r.GetProperty("sort").GetString());
        Assert.Equal([Seed004], r.GetProperty("results").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.All(r.GetProperty("facets").GetProperty("entities").EnumerateArray(),
            e => Assert.Contains(e.GetProperty("kind").GetString(), new[] { "person", "organisation", "place" }));
    }

    [StoreTheory]
    [InlineData("page=0")]
    [InlineData("page=99999999999")]
    [InlineData("page=abc")]
    [InlineData("pageSize=101")]
    [InlineData("sort=sideways")]
    [InlineData("sort=7")]
    public async Task Out_of_range_pages_and_unknown_sorts_are_400_problems(string query)
    {
        var response = await site.Client().GetAsync($"/api/search?q=Russie&{query}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [StoreFact]
    public async Task Unknown_ids_are_404_problems_not_pages()
    {
        foreach (var url in new[] { "/api/articles/0000000000000000", "/api/countries/zz", "/api/entities/nobody-at-all", "/api/nothing-here" })
        {
            var response = await site.Client().GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(404, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        }
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
