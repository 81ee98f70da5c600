using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsCorpus.Analysis;
using NewsCorpus.Search;
using NewsCorpus.Storage;

namespace NewsCorpus.Cli.Measuring;

/// <summary>One query as the search form sends it, and the plain FTS5 MATCH that stands for it on the reference table.</summary>
public sealed record SearchCase(string Class, string Query, string RawMatch, string? Country = null, string? From = null, string? To = null, string? Sort = null)
{
    public string Describe() =>
        Query + (Country is null ? "" : $" country={Country}") + (From is null ? "" : $" from={From}") + (To is null ? "" : $" to={To}") + (Sort is null ? "" : $" sort={Sort}");
}

public sealed class SearchClassFigures(string name)
{
    public string Class { get; } = name;
    public int Queries;
    public int TimedOut;
    public readonly Latencies App = new();
    public readonly Latencies Raw = new();
    public readonly List<int> Totals = [];
}

/// <summary>
/// A fixed mix of queries in classes, each run through CorpusSearch (what /api/search and /search run: count,
/// hits with snippets, facets, word forms, suggestions) and as a naive ranked top-20 on the reference FTS5
/// table. Rare and common words are read from the store's vocabulary so that the mix suits any corpus size.
/// </summary>
public static class SearchBenchmark
{
    static readonly string[] NearStopWords = ["plus", "comme", "entre", "aussi", "selon", "après"];

    public static List<SearchCase> Cases(string database, int articles)
    {
        using var connection = new SqliteConnection(CorpusSchema.ConnectionString(database, SqliteOpenMode.ReadOnly));
        connection.Open();
        // The rarest stems found in at least a few articles: the query has little to read. The generator's
        // vocabulary is Zipf, so how rare "rare" can be depends on the corpus; taking the rarest keeps the class filled.
        int low = Math.Max(2, articles / 20000);
        var rare = Words(connection, $"""
            SELECT min(folded) FROM words WHERE length(folded) >= 6 AND folded NOT GLOB '*[^a-z]*'
            GROUP BY stem HAVING sum(docs) >= {low} ORDER BY sum(docs), stem LIMIT 50
            """);
        var common = Words(connection, """
            SELECT min(folded) FROM words WHERE length(folded) >= 4 AND folded NOT GLOB '*[^a-z]*'
            GROUP BY stem ORDER BY sum(docs) DESC LIMIT 60
            """).Where(w => !FrenchAnalyzer.Analyze(w).IsStopWord && !NearStopWords.Contains(w)).Take(5).ToList();

        var cases = new List<SearchCase>();
        // Five rare words spread over the alphabet, so the pick does not depend on one corner of the vocabulary.
        for (int i = 0; i < 5 && rare.Count > 0; i++)
        {
            var word = rare[(int)((long)i * rare.Count / 5)];
            cases.Add(new SearchCase("rare word", word, Quote(word)));
        }
        cases.AddRange(common.Select(w => new SearchCase("common word", w, Quote(w))));
        cases.AddRange(NearStopWords.Take(4).Select(w => new SearchCase("near-stop-word", w, Quote(w))));
        cases.AddRange([
            // Words without quotes: every word must match, and the words close together rank first.
            new("several words", "Russie militaire", Quote("russie") + " " + Quote("militaire")),
            new("several words", "Wagner Mali", Quote("wagner") + " " + Quote("mali")),
            new("several words", "accord militaire russe", Quote("accord") + " " + Quote("militaire") + " " + Quote("russe")),
            new("several words", "sécurité Burkina Faso", Quote("securite") + " " + Quote("burkina") + " " + Quote("faso")),
            new("phrase", "\"Burkina Faso\"", Quote("burkina faso")),
            new("phrase", "\"groupe Wagner\"", Quote("groupe wagner")),
            new("phrase", "\"autorités maliennes\"", Quote("autorites maliennes")),
            new("phrase", "\"Conseil de sécurité\"", Quote("conseil de securite")),
            new("prefix", "Ouaga*", Quote("ouaga") + " *"),
            new("prefix", "milit*", Quote("milit") + " *"),
            new("prefix", "russ*", Quote("russ") + " *"),
            new("prefix", "nucl*", Quote("nucl") + " *"),
            new("filter", "Wagner", Quote("wagner"), Country: "ml"),
            new("filter", "Rosatom", Quote("rosatom"), From: "2020-01", To: "2021-12"),
            new("filter", "pays:bf Poutine", Quote("poutine")),
            new("filter", "Lavrov du:2024-01", Quote("lavrov")),
            new("exclusion", "Mali -Russie", Quote("mali") + " NOT " + Quote("russie")),
            new("exclusion", "Wagner -Mali", Quote("wagner") + " NOT " + Quote("mali")),
            new("exclusion", "Poutine -Lavrov", Quote("poutine") + " NOT " + Quote("lavrov")),
            new("exclusion", "Russie -\"Burkina Faso\"", Quote("russie") + " NOT " + Quote("burkina faso")),
            new("newest first", "Russie", Quote("russie"), Sort: "newest"),
            new("newest first", "Wagner", Quote("wagner"), Sort: "newest"),
            new("newest first", "Mali", Quote("mali"), Sort: "newest"),
            new("newest first", "Rosatom", Quote("rosatom"), Sort: "newest"),
        ]);
        return cases;
    }

    /// <summary>Runs every case, each until <paramref name="maxRuns"/> runs or its share of the time is spent (at least three runs).</summary>
    public static List<SearchClassFigures> Run(string database, string referenceDatabase, List<SearchCase> cases, int maxRuns, TimeSpan totalBudget, TextWriter log)
    {
        using var store = new SqliteConnection(CorpusSchema.ConnectionString(database, SqliteOpenMode.ReadWrite));
        using var reference = new SqliteConnection(CorpusSchema.ConnectionString(referenceDatabase, SqliteOpenMode.ReadOnly));
        store.Open();
        reference.Open();
        var search = CorpusSearch.For(store);
        using var raw = reference.CreateCommand();
        raw.CommandText = $"SELECT rowid, bm25({ImportBenchmark.ReferenceFts}) FROM {ImportBenchmark.ReferenceFts} WHERE {ImportBenchmark.ReferenceFts} MATCH $q ORDER BY bm25({ImportBenchmark.ReferenceFts}) LIMIT 20";
        var match = raw.Parameters.Add("$q", SqliteType.Text);

        SearchResults App(SearchCase c) => search.Search(SearchRequest.FromForm(c.Query, c.Country, c.From, c.To, c.Sort));
        int Raw(SearchCase c)
        {
            match.Value = c.RawMatch;
            using var reader = raw.ExecuteReader();
            int rows = 0;
            while (reader.Read()) rows++;
            return rows;
        }
        return Measure(cases, App, Raw, maxRuns, totalBudget, log);
    }

    /// <summary>
    /// Times each case through the site's search and through its raw reference, after one warm-up pass of both
    /// (pages into the cache, JIT, prepared statements).
    /// </summary>
    public static List<SearchClassFigures> Measure(List<SearchCase> cases, Func<SearchCase, SearchResults> app, Func<SearchCase, int> raw,
        int maxRuns, TimeSpan totalBudget, TextWriter log)
    {
        foreach (var c in cases) { app(c); raw(c); }

        var perEngine = totalBudget / (cases.Count * 2.0);
        var classes = new List<SearchClassFigures>();
        foreach (var c in cases)
        {
            var figures = classes.FirstOrDefault(f => f.Class == c.Class);
            if (figures is null) classes.Add(figures = new SearchClassFigures(c.Class));
            figures.Queries++;
            var results = Repeat(() => app(c), figures.App, maxRuns, perEngine);
            figures.Totals.Add(results.Total);
            if (results.Query.Notices.Any(n => n.Kind == NoticeKind.TimedOut)) figures.TimedOut++;
            Repeat(() => raw(c), figures.Raw, maxRuns, perEngine);
            log.WriteLine($"  {c.Class,-15} {c.Describe(),-40} {results.Total,8} matches");
        }
        return classes;
    }

    static T Repeat<T>(Func<T> run, Latencies into, int maxRuns, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        T last = default!;
        for (int i = 0; i < maxRuns && (i < 3 || clock.Elapsed < budget); i++)
        {
            long start = Stopwatch.GetTimestamp();
            last = run();
            into.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return last;
    }

    static List<string> Words(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var words = new List<string>();
        while (reader.Read()) words.Add(reader.GetString(0));
        return words;
    }

    static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
}
