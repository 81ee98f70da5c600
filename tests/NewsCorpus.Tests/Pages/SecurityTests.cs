using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Generation;
using NewsCorpus.Search;
using NewsCorpus.Tests.Search;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Pages;

public class SecurityTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=Rosatom")]
    [InlineData("/api/search?q=Rosatom")]
    [InlineData("/articles/cd73a028ba1b9d44")]
    [InlineData("/no/such/page")]
    [InlineData("/css/site.css")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await site.Client().GetAsync(url);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_for_the_policy_to_block()
    {
        foreach (var url in new[] { "/", "/timeline", "/countries/ml", "/search?q=Russie", "/articles/85765fc0af500544", "/entities" })
        {
            var doc = await site.Page(url);
            Assert.Empty(doc.QuerySelectorAll("script:not([src]), style, [style]"));
            Assert.All(doc.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on")));
        }
    }

    [Fact]
    public async Task The_site_cannot_write_to_the_store()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpus.Storage.CorpusDb>();
        var e = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM articles"));
        Assert.Equal(8, e.SqliteErrorCode);   // SQLITE_READONLY
        Assert.Equal(2, site.Scalar<int>("SELECT count(*) FROM articles"));
    }

    [Fact]
    public void The_sites_connections_keep_a_small_page_cache()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpus.Storage.CorpusDb>();
        using var cmd = db.OpenConnection().CreateCommand();
        cmd.CommandText = "PRAGMA cache_size";
        Assert.Equal(-512L, cmd.ExecuteScalar());
    }

    [Fact]
    public async Task Random_queries_over_http_never_produce_a_server_error()
    {
        var random = new Random(7);
        var client = site.Client();
        for (int i = 0; i < 150; i++)
        {
            var q = Uri.EscapeDataString(QueryFuzzTests.RandomQuery(random).Replace('\uD800', '?'));
            var path = i % 2 == 0 ? "/search" : "/api/search";
            var response = await client.GetAsync($"{path}?q={q}&country={q}&from={q}&page={q}");
            Assert.True((int)response.StatusCode < 500, $"{path}?q={q} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_answered_with_a_notice()
    {
        var q = string.Concat(Enumerable.Repeat("Rosatom ", 1250));
        var doc = await site.Page($"/search?q={Uri.EscapeDataString(q)}");
        Assert.Contains("tronquée", doc.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public void A_search_that_runs_out_of_time_stops_and_says_so()
    {
        using var corpus = new TestCorpus();
        new CorpusGenerator(seed: 3).WriteTo(corpus.Articles, 300);
        corpus.Import();
        using var connection = corpus.Open();
        var generous = CorpusSearch.For(connection).Search(SearchRequest.FromForm("Russie OR Mali", null, null, null, null));
        Assert.True(generous.Total > 100);
        var starved = new SqliteCorpusSearch(connection) { Budget = TimeSpan.Zero }.Search(SearchRequest.FromForm("Russie OR Mali", null, null, null, null));
        Assert.Contains(starved.Query.Notices, n => n.Kind == NoticeKind.TimedOut);
        Assert.Empty(starved.Hits);
        // The connection is usable again afterwards: the budget does not outlive its search.
        Assert.Equal(generous.Total, CorpusSearch.For(connection).Search(SearchRequest.FromForm("Russie OR Mali", null, null, null, null)).Total);
    }
}

public class SearchRateLimitTests(SearchRateLimitTests.TightSite site) : IClassFixture<SearchRateLimitTests.TightSite>
{
    public sealed class TightSite : SiteFixture
    {
        protected override IEnumerable<(string Key, string Value)> Settings =>
            [("RateLimit:SearchPerSecond", "1"), ("RateLimit:SearchBurst", "3")];
    }

    [Fact]
    public async Task Too_many_searches_get_429_with_retry_after_while_pages_still_answer()
    {
        var client = site.Client();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (int i = 0; i < 8; i++)
        {
            var response = await client.GetAsync("/api/search?q=Russie");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
        }
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.NotNull(limited);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/timeline")).StatusCode);
    }
}

public class ServerErrorTests
{
    [Fact]
    public async Task A_failure_shows_a_reference_and_nothing_internal()
    {
        using var site = new SiteFixture();
        var client = site.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        SqliteConnection.ClearAllPools();
        File.WriteAllText(site.Corpus.Database, "this is not a database");
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(site.Corpus.Database + suffix);

        var response = await client.GetAsync("/countries");   // not asked before, so not cached
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal("Une erreur est survenue", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), doc.QuerySelector("main code")!.TextContent);
        Assert.DoesNotContain("Sqlite", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", html);
    }

    [Fact]
    public async Task A_full_text_index_an_import_is_still_writing_gets_a_503_then_serves_once_it_is_free()
    {
        using var site = new SiteFixture();
        var client = site.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=Mali")).StatusCode);

        // The store names an index commit that is gone, and an import holds the index's write lock.
        var folder = NewsCorpus.Search.FullTextIndex.FolderOf(site.Corpus.Database);
        using (var store = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={site.Corpus.Database}"))
        {
            store.Open();
            using var bump = store.CreateCommand();
            bump.CommandText = $"UPDATE meta SET value = CAST(value + 1 AS TEXT) WHERE key = '{NewsCorpus.Search.FullTextIndex.GenerationMeta}'";
            Assert.Equal(1, bump.ExecuteNonQuery());
        }
        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, null)
            { OpenMode = Lucene.Net.Index.OpenMode.CREATE }))
        {
            writer.Commit();   // an index without the store's commit
            var page = await client.GetAsync("/search?q=Bamako");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            var api = await client.GetAsync("/api/search?q=Bamako");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        }

        // The lock released, the next search rebuilds the index from the store and answers.
        var after = await client.GetAsync("/search?q=Rosatom");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("85765fc0af500544", await after.Content.ReadAsStringAsync());
    }

    /// <summary>A site on PostgreSQL whose database was never imported into (web instances on replicas do not import).</summary>
    sealed class NeverImportedSite : SiteFixture
    {
        protected override bool OnPostgres => true;
        protected override IEnumerable<(string Key, string Value)> Settings => [.. base.Settings, ("Corpus:Articles", "none")];
    }

    [PostgresFact]
    public async Task A_store_never_imported_says_so_with_a_503()
    {
        using var site = new NeverImportedSite();
        var response = await site.Client().GetAsync("/countries");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Corpus indisponible", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("importés", doc.QuerySelector("main p")!.TextContent);
    }
}
