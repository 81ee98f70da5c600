using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Generation;
using NewsCorpus.Search;
using NewsCorpus.Storage.Postgres;
using NewsCorpus.Tests.Support;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace NewsCorpus.Tests.Search;

/// <summary>
/// The PostgreSQL search with RUM indexes (ranked pages chosen among the index's best candidates) against the
/// same store with GIN indexes (every match scored), and the site's warning when a store has no RUM.
/// </summary>
public sealed class PostgresRankedIndexTests : IDisposable
{
    readonly TestCorpus corpus = new();
    readonly List<string> databases = [];

    static readonly string[] Queries =
    [
        "Russie", "Mali", "militaire", "coopération", "militaire russe", "\"Burkina Faso\"", "milit*", "Wagner OR Rosatom",
        "Mali -Russie", "(Mali OR Niger) Russie", "Wagner pays:ml", "Rosatom du:2020-01 au:2021-12", "plus", "russe Mali",
    ];

    string Publish(bool rum)
    {
        var database = PostgresServer.CreateDatabase();
        databases.Add(database);
        new PostgresPublisher(database) { UseRum = rum }.Publish(corpus.Database);
        return database;
    }

    static NpgsqlConnection Open(string database)
    {
        var connection = new NpgsqlConnection(database);
        connection.Open();
        return connection;
    }

    static string Page(SearchResults r) =>
        string.Join(" ", r.Hits.Select(h => $"{h.Id}:{h.Score:F6}")) + $" | {r.Total} | {string.Join(",", r.Months)} | {string.Join(",", r.Countries)} | {string.Join(",", r.Entities)}";

    [PostgresFact]
    public void While_the_candidates_hold_every_match_RUM_gives_the_pages_and_facets_that_scoring_every_match_gives()
    {
        new CorpusGenerator(seed: 31).WriteTo(corpus.Articles, 150);
        corpus.Import();
        using var rum = Open(Publish(rum: true));
        using var gin = Open(Publish(rum: false));
        Assert.True(PostgresSchema.SearchIndexes(rum)?.Rum);
        Assert.False(PostgresSchema.SearchIndexes(gin)?.Rum);
        int found = 0;
        foreach (var query in Queries)
        {
            foreach (var page in new[] { 1, 2 })
            {
                var request = SearchRequest.FromForm(query, null, null, null, null) with { Page = page, PageSize = 10 };
                var a = CorpusSearch.For(gin).Search(request);
                var b = CorpusSearch.For(rum).Search(request);
                Assert.True(a.Total <= PostgresCorpusSearch.RankedCandidates, $"{query}: {a.Total} matches, more than the candidates");
                Assert.Equal(query + Page(a), query + Page(b));
                if (b.Hits.Count > 0) found++;
            }
        }
        Assert.True(found >= 16, $"only {found} pages with hits");
    }

    [PostgresFact]
    public void Without_RUM_many_matches_are_ranked_among_the_newest_and_the_page_says_so_while_counts_cover_them_all()
    {
        new CorpusGenerator(seed: 33).WriteTo(corpus.Articles, 150);
        corpus.Import();
        using var gin = Open(Publish(rum: false));
        var request = SearchRequest.FromForm("Russie", null, null, null, null) with { PageSize = 5 };
        var all = CorpusSearch.For(gin).Search(request);
        var few = new PostgresCorpusSearch(gin) { MaxRankedMatches = 10 }.Search(request);
        var newest = CorpusSearch.For(gin).Search(SearchRequest.FromForm("Russie", null, null, null, "newest") with { PageSize = 10 });

        Assert.True(all.Total > 10, $"only {all.Total} matches");
        Assert.DoesNotContain(all.Query.Notices, n => n.Kind == NoticeKind.RankedAmongNewest);
        var notice = Assert.Single(few.Query.Notices, n => n.Kind == NoticeKind.RankedAmongNewest);
        Assert.Equal("10", notice.Detail);
        // The count, the months and the facets are those of every match.
        Assert.Equal(all.Total, few.Total);
        Assert.Equal(all.Months, few.Months);
        Assert.Equal(all.Countries, few.Countries);
        Assert.Equal(all.Entities, few.Entities);
        // The page: the best of the ten newest, by the same scores, best first.
        var newestIds = newest.Hits.Select(h => h.Id).ToHashSet();
        Assert.Equal(5, few.Hits.Count);
        Assert.All(few.Hits, h => Assert.Contains(h.Id, newestIds));
        Assert.Equal(few.Hits.Select(h => h.Score).OrderByDescending(x => x), few.Hits.Select(h => h.Score));
        // A page beyond the ranked ones still has its hits; when they are few enough, every match is ranked as before.
        var later = new PostgresCorpusSearch(gin) { MaxRankedMatches = 10 }.Search(request with { Page = 3 });
        Assert.Equal(5, later.Hits.Count);
        var whole = new PostgresCorpusSearch(gin) { MaxRankedMatches = all.Total }.Search(request);
        Assert.Empty(whole.Query.Notices);
        Assert.Equal(all.Hits.Select(h => (h.Id, h.Score)), whole.Hits.Select(h => (h.Id, h.Score)));
    }

    [PostgresFact]
    public void Beyond_the_candidates_the_total_and_facets_still_count_every_match_and_the_page_is_in_rank_order()
    {
        new CorpusGenerator(seed: 32).WriteTo(corpus.Articles, 500);
        corpus.Import();
        using var rum = Open(Publish(rum: true));
        using var gin = Open(Publish(rum: false));
        foreach (var query in new[] { "Russie", "militaire", "plus" })
        {
            var request = SearchRequest.FromForm(query, null, null, null, null);
            var a = CorpusSearch.For(gin).Search(request);
            var b = CorpusSearch.For(rum).Search(request);
            Assert.True(b.Total > PostgresCorpusSearch.RankedCandidates, $"{query}: only {b.Total} matches");
            Assert.Equal(a.Total, b.Total);
            Assert.Equal(a.Months, b.Months);
            Assert.Equal(a.Countries, b.Countries);
            Assert.Equal(a.Hits.Count, b.Hits.Count);
            var scores = b.Hits.Select(h => h.Score!.Value).ToList();
            Assert.Equal(scores.OrderByDescending(s => s), scores);
        }
    }

    sealed class LogEvents : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();
        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    /// <summary>The warnings a site logs when it starts on the database, after answering one search.</summary>
    List<string> WarningsOfASiteOn(string database)
    {
        var logs = new LogEvents();
        using var site = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Corpus:Provider", "Postgres").UseSetting("Corpus:Articles", "none")
            .UseSetting("Corpus:Database", corpus.Database).UseSetting("ConnectionStrings:Corpus", database)
            .ConfigureServices(s => s.AddSingleton<ILogEventSink>(logs)));
        using var answer = System.Text.Json.JsonDocument.Parse(site.CreateClient().GetStringAsync("/api/search?q=Russie").GetAwaiter().GetResult());
        Assert.True(answer.RootElement.GetProperty("total").GetInt32() > 0);
        return logs.Events.Where(e => e.Level == LogEventLevel.Warning).Select(e => e.RenderMessage()).ToList();
    }

    [PostgresFact]
    public void A_site_on_a_store_without_RUM_says_so_at_start_and_still_searches()
    {
        corpus.Import();
        Assert.Contains(WarningsOfASiteOn(Publish(rum: false)), w => w.Contains("not RUM"));
        Assert.DoesNotContain(WarningsOfASiteOn(Publish(rum: true)), w => w.Contains("not RUM"));
    }

    public void Dispose()
    {
        foreach (var database in databases) PostgresServer.DropDatabase(database);
        corpus.Dispose();
    }
}
