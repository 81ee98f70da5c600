using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsCorpus.Tests.Support;

/// <summary>The web app over a throw-away copy of the seeds (plus whatever <see cref="AddArticles"/> writes).</summary>
public class SiteFixture : IDisposable
{
    public TestCorpus Corpus { get; }
    readonly WebApplicationFactory<Program> factory;

    public SiteFixture() : this(withSeeds: true) { }

    protected SiteFixture(bool withSeeds)
    {
        Corpus = new TestCorpus(withSeeds);
        AddArticles(Corpus);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Corpus:Database", Corpus.Database).UseSetting("Corpus:Articles", Corpus.Articles);
            foreach (var (key, value) in Settings) b.UseSetting(key, value);
        });
    }

    protected virtual void AddArticles(TestCorpus corpus) { }

    /// <summary>Configuration for the site; by default the rate limit is out of the way of tests that do not test it.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings =>
        [("RateLimit:SearchPerSecond", "100000"), ("RateLimit:SearchBurst", "100000"), ("Corpus:ChangeCheckSeconds", "1")];

    public IServiceProvider Services => factory.Services;

    public HttpClient Client(bool followRedirects = true) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });

    public async Task<IHtmlDocument> Page(string url)
    {
        var response = await Client().GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        factory.Dispose();
        Corpus.Dispose();
        GC.SuppressFinalize(this);
    }
}
