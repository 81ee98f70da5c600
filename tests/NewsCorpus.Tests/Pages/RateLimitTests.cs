using System.Net;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Pages;

/// <summary>Exports and feeds share the search's rate limit: here one request, then one more per second.</summary>
public class RateLimitTests(RateLimitTests.Site site) : IClassFixture<RateLimitTests.Site>
{
    public sealed class Site : SiteFixture
    {
        protected override IEnumerable<(string Key, string Value)> Settings =>
            [("RateLimit:SearchPerSecond", "1"), ("RateLimit:SearchBurst", "1")];
    }

    [Theory]
    [InlineData("/export/search.csv?q=Russie", "application/problem+json")]
    [InlineData("/export/timeline/2023-10.jsonl", "application/problem+json")]
    [InlineData("/search.atom?q=Russie", "application/problem+json")]
    [InlineData("/api/search?q=Russie", "application/problem+json")]
    [InlineData("/search?q=Russie", "text/plain")]
    public async Task Too_many_requests_in_a_row_get_429_with_Retry_After(string url, string type)
    {
        // Five quick requests against a bucket of one that refills by one a second: whatever the timing, some are refused.
        var responses = new List<HttpResponseMessage>();
        for (int i = 0; i < 5; i++) responses.Add(await site.Client().GetAsync(url));
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal(type, refused.Content.Headers.ContentType!.MediaType);
    }
}
