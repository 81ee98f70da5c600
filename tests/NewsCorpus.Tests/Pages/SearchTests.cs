using System.Net;
using System.Text.Json;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public abstract class SearchTests(SiteFixture site)
{
    [StoreFact]
    public async Task Rosatom_returns_exactly_the_nuclear_article_with_a_marked_snippet()
    {
        var doc = await site.Page("/search?q=Rosatom");
        Assert.Contains("1 article(s)", doc.QuerySelector(".total")!.TextContent);
        var result = Assert.Single(doc.QuerySelectorAll(".result"));
        Assert.Equal($"/articles/{Seed004}", result.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Rosatom", result.QuerySelector(".snippet mark")!.TextContent);
    }

    [StoreFact]
    public async Task Api_search_returns_total_and_results()
    {
        using var json = JsonDocument.Parse(await site.Client().GetStringAsync("/api/search?q=Rosatom"));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        var hit = Assert.Single(root.GetProperty("results").EnumerateArray());
        Assert.Equal(Seed004, hit.GetProperty("id").GetString());
        Assert.Equal("2023-11", hit.GetProperty("date").GetString());
        Assert.Contains("<mark>Rosatom</mark>", hit.GetProperty("snippet").GetString());
        Assert.Equal(["ru", "bf", "ml"], hit.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.True(root.GetProperty("facets").GetProperty("months").GetArrayLength() == 1);
    }

    [StoreFact]
    public async Task Facets_filter_by_country_and_month()
    {
        var doc = await site.Page("/search?q=Russie");
        var countryLinks = doc.QuerySelectorAll(".facets .facet-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/search?q=Russie&country=ml", countryLinks);
        var monthLinks = doc.QuerySelectorAll(".facets .histogram svg a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/search?q=Russie&from=2023-10&to=2023-10", "/search?q=Russie&from=2023-11&to=2023-11"], monthLinks);
        var october = await site.Page(monthLinks[0]!);
        Assert.Equal([$"/articles/{Seed000}"], october.QuerySelectorAll(".result h2 a").Select(a => a.GetAttribute("href")));
    }

    [StoreFact]
    public async Task A_misspelling_offers_a_suggestion_link()
    {
        var doc = await site.Page("/search?q=Rosatam");
        var link = doc.QuerySelector(".suggestion a")!;
        Assert.Equal("Rosatom", link.TextContent);
        Assert.Equal("/search?q=Rosatom", link.GetAttribute("href"));
    }

    [StoreFact]
    public async Task Variants_are_listed_and_removable()
    {
        var doc = await site.Page("/search?q=formation");
        var items = doc.QuerySelectorAll(".variants li").Select(li => li.TextContent.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0]).ToList();
        Assert.Contains("formation 2", items.Select(i => string.Join(" ", i.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2))));
        var remove = doc.QuerySelectorAll(".variants a.remove").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/search?q=%22formation%22", remove);
    }

    [StoreTheory]
    [InlineData("%22Rosatom")]
    [InlineData("NEAR(")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("AND")]
    [InlineData("l%27arm%C3%A9e")]
    [InlineData("(mali")]
    [InlineData("foo:bar")]
    [InlineData("C%2B%2B")]
    [InlineData("")]
    [InlineData("%00%01%1F")]
    [InlineData("%F0%9F%98%80%E2%80%AE")]
    public async Task Odd_queries_never_produce_a_server_error(string q)
    {
        var odd = $"q={q}&from=2023-99&to=x&country=???";
        Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync($"/search?{odd}&sort=sideways&page=-4")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync($"/api/search?{odd}")).StatusCode);
        // The API says what it cannot read instead of guessing.
        var wrong = await site.Client().GetAsync($"/api/search?{odd}&sort=sideways&page=-4");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
    }

    [StoreFact]
    public async Task An_unusable_query_explains_itself()
    {
        var doc = await site.Page("/search?q=-Rosatom");
        Assert.Contains("exclusions", doc.QuerySelector(".notice")!.TextContent);
        Assert.Null(doc.QuerySelector(".total"));
    }
}

public sealed class SearchTestsOnSqlite(SiteFixture site) : SearchTests(site), IClassFixture<SiteFixture>;

[OnPostgres]
public sealed class SearchTestsOnPostgres(PostgresSite site) : SearchTests(site), IClassFixture<PostgresSite>;
