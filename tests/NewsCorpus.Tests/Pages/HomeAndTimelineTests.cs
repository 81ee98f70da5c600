using System.Net;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public abstract class HomeAndTimelineTests(SiteFixture site)
{
    [StoreFact]
    public async Task Home_shows_the_corpus_the_focus_countries_and_a_search_box()
    {
        var doc = await site.Page("/");
        Assert.Equal("fr", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains("2 article(s)", doc.QuerySelector(".stats")!.TextContent);
        Assert.Contains("octobre 2023", doc.QuerySelector(".stats")!.TextContent);
        Assert.Contains("novembre 2023", doc.QuerySelector(".stats")!.TextContent);
        var cards = doc.QuerySelectorAll("a.card").Select(c => (c.GetAttribute("href"), c.QuerySelector(".card-count")!.TextContent)).ToList();
        Assert.Equal([("/countries/ml", "2 article(s)"), ("/countries/bf", "2 article(s)"), ("/countries/ru", "2 article(s)")], cards);
        Assert.NotNull(doc.QuerySelector("form[action='/search'] input[name='q']"));
        var bars = doc.QuerySelectorAll(".histogram svg a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/timeline/2023-10", "/timeline/2023-11"], bars);
    }

    [StoreFact]
    public async Task Timeline_lists_every_month_of_the_year_with_its_count()
    {
        var doc = await site.Page("/timeline");
        var months = doc.QuerySelectorAll(".year li").Select(li => li.TextContent.Trim().Replace("\n", " ")).ToList();
        Assert.Equal(12, months.Count);
        Assert.Contains(months, m => m.StartsWith("octobre 2023") && m.EndsWith("1"));
        Assert.Contains(months, m => m.StartsWith("novembre 2023") && m.EndsWith("1"));
        Assert.Contains(months, m => m.StartsWith("septembre 2023") && m.EndsWith("0"));
        Assert.Equal(["/timeline/2023-10", "/timeline/2023-11"], doc.QuerySelectorAll(".year li a").Select(a => a.GetAttribute("href")));
    }

    [StoreFact]
    public async Task A_month_lists_its_articles_with_lead_and_countries()
    {
        var doc = await site.Page("/timeline/2023-10");
        var result = Assert.Single(doc.QuerySelectorAll(".result"));
        Assert.Equal($"/articles/{Seed000}", result.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal(["Russie", "Burkina Faso", "Mali"], result.QuerySelectorAll(".chip").Select(c => c.TextContent));
        Assert.Equal("/timeline/2023-11", doc.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [StoreFact]
    public async Task An_empty_month_says_so_and_a_bad_month_is_not_found()
    {
        var doc = await site.Page("/timeline/2021-03");
        Assert.Contains("Aucun article", doc.QuerySelector(".empty")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/timeline/2023-13")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/timeline/octobre")).StatusCode);
    }

    [StoreFact]
    public async Task Unknown_paths_get_a_french_404_page_with_a_reference()
    {
        var response = await site.Client().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page introuvable", html);
        Assert.Contains("Référence", html);
        Assert.DoesNotContain("Exception", html);
    }
}

public sealed class HomeAndTimelineTestsOnSqlite(SiteFixture site) : HomeAndTimelineTests(site), IClassFixture<SiteFixture>;

[OnPostgres]
public sealed class HomeAndTimelineTestsOnPostgres(PostgresSite site) : HomeAndTimelineTests(site), IClassFixture<PostgresSite>;
