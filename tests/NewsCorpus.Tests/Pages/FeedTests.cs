using System.Net;
using System.Xml.Linq;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public abstract class FeedTests(SiteFixture site)
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    async Task<XElement> Feed(string url)
    {
        var response = await site.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        // RFC 4287 §4.1.1: exactly one id, title and updated; an author (here at feed level); a self link.
        foreach (var name in new[] { "id", "title", "updated" })
            Assert.Single(feed.Elements(Atom + name));
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "author")?.Element(Atom + "name")?.Value));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        return feed;
    }

    static string? Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href")?.Value;

    [StoreFact]
    public async Task A_search_feed_lists_its_articles_newest_first_dated_to_the_first_of_the_month()
    {
        var feed = await Feed("/search.atom?q=Russie");
        Assert.Equal("http://localhost/search.atom?q=Russie", Link(feed, "self"));
        Assert.Equal("http://localhost/search?q=Russie&sort=newest", Link(feed, "alternate"));
        Assert.Equal("2023-11-01T00:00:00Z", feed.Element(Atom + "updated")!.Value);

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal([$"urn:newscorpus:article:{Seed004}", $"urn:newscorpus:article:{Seed000}"], entries.Select(e => e.Element(Atom + "id")!.Value));
        Assert.Equal(["2023-11-01T00:00:00Z", "2023-10-01T00:00:00Z"], entries.Select(e => e.Element(Atom + "updated")!.Value));
        var first = entries[0];
        Assert.Equal($"http://localhost/articles/{Seed004}", Link(first, "alternate"));
        Assert.StartsWith("Le rapprochement entre la Russie", first.Element(Atom + "title")!.Value);
        Assert.StartsWith("Le rapprochement entre la Russie", first.Element(Atom + "summary")!.Value);
        Assert.Equal("text", (string?)first.Element(Atom + "summary")!.Attribute("type"));
    }

    [StoreFact]
    public async Task A_country_feed_has_the_country_s_articles()
    {
        var feed = await Feed("/countries/ml.atom");
        Assert.Equal("urn:newscorpus:feed:country:ml", feed.Element(Atom + "id")!.Value);
        Assert.Equal("http://localhost/countries/ml", Link(feed, "alternate"));
        Assert.Equal(2, feed.Elements(Atom + "entry").Count());
    }

    [StoreFact]
    public async Task A_search_with_no_match_is_an_empty_but_valid_feed()
    {
        var feed = await Feed("/search.atom?q=xylophone");
        Assert.Empty(feed.Elements(Atom + "entry"));
    }

    [StoreFact]
    public async Task An_unknown_country_has_no_feed()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/countries/zz.atom")).StatusCode);
    }

    [StoreFact]
    public async Task Search_and_country_pages_announce_their_feed()
    {
        const string selector = "head link[rel=alternate][type='application/atom+xml']";
        Assert.Equal("/search.atom?q=Rosatom", (await site.Page("/search?q=Rosatom")).QuerySelector(selector)!.GetAttribute("href"));
        Assert.Equal("/countries/ml.atom", (await site.Page("/countries/ml")).QuerySelector(selector)!.GetAttribute("href"));
    }
}

public sealed class FeedTestsOnSqlite(SiteFixture site) : FeedTests(site), IClassFixture<SiteFixture>;

[OnPostgres]
public sealed class FeedTestsOnPostgres(PostgresSite site) : FeedTests(site), IClassFixture<PostgresSite>;
