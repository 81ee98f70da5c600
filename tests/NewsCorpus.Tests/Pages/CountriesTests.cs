using System.Net;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public class CountriesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Mali_lists_both_seed_articles_newest_first_with_mentions()
    {
        var doc = await site.Page("/countries/ml");
        Assert.Equal("Mali", doc.QuerySelector("h1")!.TextContent);
        var links = doc.QuerySelectorAll(".result h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/articles/{Seed004}", $"/articles/{Seed000}"], links);
        Assert.All(doc.QuerySelectorAll(".result .mentions"), m => Assert.Matches(@"^\d+ mention\(s\)", m.TextContent));
        Assert.Equal(2, doc.QuerySelectorAll(".histogram svg a").Length);
    }

    [Fact]
    public async Task The_month_filter_narrows_the_list()
    {
        var doc = await site.Page("/countries/ru?month=2023-10");
        var link = Assert.Single(doc.QuerySelectorAll(".result h2 a"));
        Assert.Equal($"/articles/{Seed000}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_countries_page_lists_the_countries_the_corpus_names()
    {
        var doc = await site.Page("/countries");
        var names = doc.QuerySelectorAll("table.data td a").Select(a => a.TextContent).ToList();
        Assert.Contains("Mali", names);
        Assert.Contains("Burkina Faso", names);
        Assert.Contains("Russie", names);
        var filtered = await site.Page("/countries?q=burk");
        Assert.Equal(["Burkina Faso"], filtered.QuerySelectorAll("table.data td a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Unknown_codes_are_not_found_and_upper_case_redirects()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/countries/zz")).StatusCode);
        var response = await site.Client(followRedirects: false).GetAsync("/countries/ML");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/countries/ml", response.Headers.Location!.ToString());
    }
}
