using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsCorpus.Tests.Support;

/// <summary>
/// The web app over a throw-away copy of the seeds (plus whatever <see cref="AddArticles"/> writes), on SQLite or,
/// when <see cref="OnPostgres"/>, on a PostgreSQL database of its own (created when the site first starts).
/// </summary>
public class SiteFixture : IDisposable
{
    public TestCorpus Corpus { get; }
    readonly WebApplicationFactory<Program> factory;
    string? postgres;

    /// <summary>True for a site on PostgreSQL; the importer's SQLite working store is then <see cref="TestCorpus.Database"/>.</summary>
    protected virtual bool OnPostgres => false;

    /// <summary>The PostgreSQL database's connection string, once the site has started on one.</summary>
    public string? Postgres => postgres;

    public SiteFixture() : this(withSeeds: true) { }

    protected SiteFixture(bool withSeeds)
    {
        Corpus = new TestCorpus(withSeeds);
        AddArticles(Corpus);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Corpus:Database", Corpus.Database).UseSetting("Corpus:Articles", Corpus.Articles);
            if (OnPostgres)
            {
                postgres ??= PostgresServer.CreateDatabase();
                b.UseSetting("Corpus:Provider", "Postgres").UseSetting("ConnectionStrings:Corpus", postgres);
            }
            foreach (var (key, value) in Settings) b.UseSetting(key, value);
            b.ConfigureServices(ConfigureServices);
        });
    }

    protected virtual void AddArticles(TestCorpus corpus) { }

    /// <summary>Services added to the site's (a log sink, for instance).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }

    /// <summary>Configuration for the site; by default the rate limit is out of the way of tests that do not test it.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings =>
        [("RateLimit:SearchPerSecond", "100000"), ("RateLimit:SearchBurst", "100000"), ("Corpus:ChangeCheckSeconds", "1")];

    public IServiceProvider Services => factory.Services;

    /// <summary>One value from the store the site reads (SQLite or PostgreSQL), once the site has started and imported.</summary>
    public T Scalar<T>(string sql)
    {
        _ = factory.Services;
        if (postgres is null) return Corpus.Scalar<T>(sql);
        using var connection = new Npgsql.NpgsqlConnection(postgres);
        connection.Open();
        using var cmd = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T));
    }

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
        if (postgres is not null) PostgresServer.DropDatabase(postgres);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The seeds' site on PostgreSQL.</summary>
public sealed class PostgresSite : SiteFixture
{
    protected override bool OnPostgres => true;
}
