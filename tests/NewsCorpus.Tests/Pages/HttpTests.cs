using System.Net;
using System.Net.Http.Headers;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

/// <summary>What HTTP clients and caches see: compression, validators, Vary, HEAD, 405, health, robots.txt.</summary>
public sealed class HttpTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    static readonly string[] Addresses =
    [
        "/", "/timeline/2023-10", "/countries/ml", $"/articles/{Seed000}", "/search?q=Russie", "/api-docs",
        "/api/search?q=Russie", "/api/timeline", "/api/entities", $"/api/articles/{Seed000}", "/api/countries/zz",
        "/countries/ml.atom", "/search.atom?q=Russie", "/export/search.csv?q=Russie", "/export/countries/ml.jsonl",
        "/health", "/health/ready", "/robots.txt", "/openapi/v1.json", "/nowhere", "/language/en?returnUrl=/countries",
    ];

    async Task<HttpResponseMessage> Send(HttpMethod method, string url, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(method, url);
        headers?.Invoke(request.Headers);
        return await site.Client(followRedirects: false).SendAsync(request);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/api/search?q=Russie", "application/json")]
    [InlineData("/export/search.csv?q=Russie", "text/csv")]
    [InlineData("/export/search.jsonl?q=Russie", "application/x-ndjson")]
    [InlineData("/countries/ml.atom", "application/atom+xml")]
    [InlineData("/api/articles/0000000000000000", "application/problem+json")]
    public async Task Text_answers_are_compressed_with_brotli_or_gzip(string url, string type)
    {
        foreach (var encoding in new[] { "br", "gzip" })
        {
            var response = await Send(HttpMethod.Get, url, h => h.AcceptEncoding.ParseAdd(encoding));
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
        var plain = await Send(HttpMethod.Get, url);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/countries/ml")]
    [InlineData("/api/countries/ml")]
    [InlineData("/countries/ml.atom")]
    public async Task A_second_request_with_the_ETag_is_answered_304(string url)
    {
        var first = await Send(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        var second = await Send(HttpMethod.Get, url, h => h.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        var other = await Send(HttpMethod.Get, url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"older\"", isWeak: true)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Pages_vary_by_language_and_their_ETag_says_which()
    {
        var french = await Send(HttpMethod.Get, "/countries");
        var english = await Send(HttpMethod.Get, "/countries", h => h.AcceptLanguage.ParseAdd("en"));
        Assert.NotEqual(french.Headers.ETag, english.Headers.ETag);
        Assert.Contains("Accept-Language", french.Headers.Vary);
        Assert.Contains("Cookie", french.Headers.Vary);
        // The French ETag does not validate the English page.
        var mixed = await Send(HttpMethod.Get, "/countries", h => { h.AcceptLanguage.ParseAdd("en"); h.IfNoneMatch.Add(french.Headers.ETag!); });
        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        // The API is the same in every language.
        var api = await Send(HttpMethod.Get, "/api/countries");
        var apiEnglish = await Send(HttpMethod.Get, "/api/countries", h => h.AcceptLanguage.ParseAdd("en"));
        Assert.Equal(api.Headers.ETag, apiEnglish.Headers.ETag);
        Assert.DoesNotContain("Accept-Language", api.Headers.Vary);
    }

    [Fact]
    public async Task Downloads_have_no_ETag()
    {
        var export = await Send(HttpMethod.Get, "/export/countries/ml.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Null(export.Headers.ETag);
    }

    [Fact]
    public async Task HEAD_answers_what_GET_answers_everywhere()
    {
        foreach (var url in Addresses)
        {
            var get = await Send(HttpMethod.Get, url);
            var head = await Send(HttpMethod.Head, url);
            Assert.True(get.StatusCode == head.StatusCode, $"{url}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/countries/ml.atom", "application/problem+json")]
    [InlineData("/search.atom?q=Mali", "application/problem+json")]
    [InlineData("/api/search?q=Mali", "application/problem+json")]
    [InlineData("/export/search.csv?q=Mali", "application/problem+json")]
    [InlineData("/countries/ml", "text/html")]
    [InlineData("/", "text/html")]
    public async Task Other_methods_are_405_with_Allow(string url, string type)
    {
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            var response = await Send(method, url);
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {url}: {(int)response.StatusCode}");
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Health_says_the_site_lives_and_the_store_is_ready()
    {
        var live = await Send(HttpMethod.Get, "/health");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        var ready = await Send(HttpMethod.Get, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Robots_may_read_the_pages_but_not_the_downloads()
    {
        var robots = await site.Client().GetStringAsync("/robots.txt");
        Assert.Contains("User-agent: *", robots);
        Assert.Contains("Disallow: /export/", robots);
        Assert.DoesNotContain("Disallow: /\n", robots);
        Assert.DoesNotContain("Disallow: /search", robots);   // search results are what readers share and find
    }

    [Fact]
    public async Task Every_page_has_a_description_and_the_article_page_its_own()
    {
        foreach (var url in new[] { "/", "/timeline", "/countries/ml", "/search?q=Russie", $"/articles/{Seed000}" })
        {
            var doc = await site.Page(url);
            var description = doc.QuerySelector("meta[name=description]")?.GetAttribute("content");
            Assert.False(string.IsNullOrWhiteSpace(description), url);
        }
        var article = await site.Page($"/articles/{Seed000}");
        Assert.StartsWith("Le Burkina Faso", article.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Chart_ids_are_valid_names()
    {
        foreach (var url in new[] { "/", "/timeline", "/countries/ml", "/search?q=Russie", "/trends?q=Russie" })
        {
            var doc = await site.Page(url);
            Assert.All(doc.QuerySelectorAll("svg [id], svg[aria-labelledby]"), e =>
            {
                var id = e.GetAttribute("id") ?? e.GetAttribute("aria-labelledby")!;
                Assert.Matches("^[A-Za-z][A-Za-z0-9_-]*$", id);
                Assert.NotNull(doc.GetElementById(id));
            });
        }
    }
}

/// <summary>A site whose store was never imported.</summary>
public sealed class EmptyStoreSite : SiteFixture
{
    public EmptyStoreSite() : base(withSeeds: false) { }
    protected override IEnumerable<(string Key, string Value)> Settings => [.. base.Settings, ("Corpus:Articles", "none")];
}

public sealed class HealthWithoutStoreTests(EmptyStoreSite site) : IClassFixture<EmptyStoreSite>
{
    [Fact]
    public async Task Alive_but_not_ready_without_a_store()
    {
        Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync("/health")).StatusCode);
        var ready = await site.Client().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}
