using System.Net;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public abstract class CountriesTests(SiteFixture site)
{
    [StoreFact]
    public async Task Mali_lists_both_seed_articles_newest_first_with_mentions()
    {
        var doc = await site.Page("/countries/ml");
        Assert.Equal("Mali", doc.QuerySelector("h1")!.TextContent);
        var links = doc.QuerySelectorAll(".result h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/articles/{Seed004}", $"/articles/{Seed000}"], links);
        Assert.All(doc.QuerySelectorAll(".result .mentions"), m => Assert.Matches(@"^\d+ mention\(s\)", m.TextContent));
        Assert.Equal(2, doc.QuerySelectorAll(".histogram svg a").Length);
    }

    [StoreFact]
    public async Task The_month_filter_narrows_the_list()
    {
        var doc = await site.Page("/countries/ru?month=2023-10");
        var link = Assert.Single(doc.QuerySelectorAll(".result h2 a"));
        Assert.Equal($"/articles/{Seed000}", link.GetAttribute("href"));
    }

    [StoreFact]
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

    [StoreFact]
    public async Task Unknown_codes_are_not_found_and_upper_case_redirects()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/countries/zz")).StatusCode);
        var response = await site.Client(followRedirects: false).GetAsync("/countries/ML");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/countries/ml", response.Headers.Location!.ToString());
    }
}

public sealed class CountriesTestsOnSqlite(SiteFixture site) : CountriesTests(site), IClassFixture<SiteFixture>;

[OnPostgres]
public sealed class CountriesTestsOnPostgres(PostgresSite site) : CountriesTests(site), IClassFixture<PostgresSite>;

public abstract class CountryWeightTests(SiteFixture site)
{
    public sealed class SiteOnPostgres : Site { protected override bool OnPostgres => true; }

    /// <summary>Mali once, in the lead; Russia twice, further down.</summary>
    public class Site : SiteFixture
    {
        protected override void AddArticles(TestCorpus corpus) => corpus.Write("040_00000000000000e7.txt",
            "date 2024-05 Le Mali accueille une conférence régionale.\n\nLa Russie y envoie un diplomate. La Russie observe.");
    }

    [StoreFact]
    public async Task A_country_named_in_the_lead_weighs_more_than_more_mentions_further_down()
    {
        var doc = await site.Page("/articles/00000000000000e7");
        var chips = doc.QuerySelectorAll(".meta a.chip:not(.entity)").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/countries/ml", "/countries/ru"], chips);
        Assert.Equal(4, site.Scalar<int>("SELECT weight FROM article_countries c JOIN articles a ON a.article_key = c.article_key WHERE a.id = '00000000000000e7' AND iso2 = 'ml'"));
        Assert.Equal(2, site.Scalar<int>("SELECT weight FROM article_countries c JOIN articles a ON a.article_key = c.article_key WHERE a.id = '00000000000000e7' AND iso2 = 'ru'"));
    }

    [StoreFact]
    public async Task A_country_page_can_put_the_articles_most_about_it_first()
    {
        var newest = await site.Page("/countries/ru");
        Assert.Equal("/articles/00000000000000e7", newest.QuerySelector(".result h2 a")!.GetAttribute("href"));
        var relevant = await site.Page("/countries/ru?sort=relevance");
        // 004 names Russia 18 times, its lead included; the new article twice, not in its lead.
        Assert.Equal($"/articles/{TestCorpus.Seed004}", relevant.QuerySelector(".result h2 a")!.GetAttribute("href"));
        Assert.Equal("/articles/00000000000000e7", relevant.QuerySelectorAll(".result h2 a").Last().GetAttribute("href"));
    }
}

public sealed class CountryWeightTestsOnSqlite(CountryWeightTests.Site site) : CountryWeightTests(site), IClassFixture<CountryWeightTests.Site>;

[OnPostgres]
public sealed class CountryWeightTestsOnPostgres(CountryWeightTests.SiteOnPostgres site) : CountryWeightTests(site), IClassFixture<CountryWeightTests.SiteOnPostgres>;
