using System.Diagnostics;
using NewsCorpus.Search;
using NewsCorpus.Storage.Postgres;
using Npgsql;

namespace NewsCorpus.Cli.Measuring;

public sealed record PublishFigures(int Articles, TimeSpan Publish, TimeSpan Analyze, long DatabaseBytes, long TextIndexBytes, string ServerVersion, bool Rum);

/// <summary>
/// The same corpus on PostgreSQL: a first publication of the imported SQLite store into an emptied database,
/// then the search mix through the PostgreSQL search against a naive ranked top 20 on the same tsvector columns.
/// </summary>
public static class PostgresBenchmark
{
    public static PublishFigures Publish(string sqliteStore, string connectionString, bool rum)
    {
        using (var connection = PostgresPublisher.Open(connectionString))
        {
            // Without the version stamp the publisher drops and recreates every NewsCorpus table: a first import.
            using var drop = new NpgsqlCommand("DROP TABLE IF EXISTS corpus_schema", connection);
            drop.ExecuteNonQuery();
        }
        var report = new PostgresPublisher(connectionString) { UseRum = rum }.Publish(sqliteStore);
        using var pg = PostgresPublisher.Open(connectionString);
        // After a bulk load an operator runs ANALYZE (autovacuum would, later): the planner needs the statistics.
        var clock = Stopwatch.StartNew();
        using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", pg)) analyze.ExecuteNonQuery();
        var analyzeTime = clock.Elapsed;
        using var sizes = new NpgsqlCommand("""
            SELECT pg_database_size(current_database()),
                   pg_relation_size('ix_articles_search_stems') + pg_relation_size('ix_articles_search_exact'),
                   current_setting('server_version')
            """, pg);
        bool built = PostgresSchema.SearchIndexes(pg)?.Rum == true;
        using var reader = sizes.ExecuteReader();
        reader.Read();
        return new PublishFigures(report.Inserted, report.Elapsed, analyzeTime, reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), built);
    }

    public static List<SearchClassFigures> Search(string connectionString, List<SearchCase> cases, int maxRuns, TimeSpan totalBudget, TextWriter log)
    {
        using var store = new NpgsqlConnection(connectionString);
        store.Open();
        var search = CorpusSearch.For(store);
        using var raw = new NpgsqlConnection(connectionString);
        raw.Open();

        // Partial RUM indexes are used only by a query that states their predicate (see PostgresSchema).
        var rumPredicate = PostgresSchema.SearchIndexes(raw) is { Rum: true } indexes ? $" AND a.published_in <= {indexes.Publication}" : "";
        SearchResults App(SearchCase c) => search.Search(SearchRequest.FromForm(c.Query, c.Country, c.From, c.To, c.Sort));
        // The least PostgreSQL can do for the words of the query: its match, ranked, top 20; no filters, facets or snippets.
        int Raw(SearchCase c)
        {
            var ts = TsQuery.Compile(QueryParser.Parse(c.Query).Root, QueryStems.WithoutCorpus);
            if (ts is null) return 0;
            using var cmd = new NpgsqlCommand($"SELECT a.article_key, {ts.Rank} AS rank FROM articles a WHERE {ts.Condition}{rumPredicate} ORDER BY rank DESC LIMIT 20", raw);
            foreach (var (name, value) in ts.Parameters) cmd.Parameters.AddWithValue(name.TrimStart('@'), value);
            using var reader = cmd.ExecuteReader();
            int rows = 0;
            while (reader.Read()) rows++;
            return rows;
        }
        return SearchBenchmark.Measure(cases, App, Raw, maxRuns, totalBudget, log);
    }
}
