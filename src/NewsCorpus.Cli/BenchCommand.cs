using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsCorpus.Cli.Measuring;
using NewsCorpus.Storage;

namespace NewsCorpus.Cli;

/// <summary>
/// `bench --corpus DIR`: import, search and page figures on one corpus in one run, against the issue's targets,
/// as Markdown (printed, and written between markers into --out). Exit 0 when measured, 2 on bad usage.
/// </summary>
public static class BenchCommand
{
    const string StartMarker = "<!-- bench:start -->";
    const string EndMarker = "<!-- bench:end -->";
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder of article files (see `generate`)", Required = true };
        var db = new Option<FileInfo?>("--db") { Description = "Store to import into; emptied first (default: newscorpus-bench/corpus.db in the temp folder). The reference store goes beside it." };
        var queries = new Option<int>("--queries") { Description = "Most runs per search query", DefaultValueFactory = _ => 60 };
        var searchSeconds = new Option<int>("--search-seconds") { Description = "Time for the whole search phase, shared by the queries", DefaultValueFactory = _ => 90 };
        var pageSeconds = new Option<int>("--page-seconds") { Description = "Load time per group of pages", DefaultValueFactory = _ => 10 };
        var connections = new Option<int>("--connections") { Description = "Concurrent connections for the page load", DefaultValueFactory = _ => 64 };
        var skipImport = new Option<bool>("--skip-import") { Description = "Reuse the stores of an earlier run instead of importing again" };
        var requestLogs = new Option<bool>("--request-logs") { Description = "Keep the site's per-request log lines on during the page load (off by default)" };
        var webDll = new Option<FileInfo?>("--web-dll") { Description = "The built site (default: src/NewsCorpus.Web/bin/Release/net10.0/NewsCorpus.Web.dll, else Debug)" };
        var output = new Option<FileInfo?>("--out") { Description = "Markdown file whose bench section (between bench markers) is replaced by the results" };
        var postgres = new Option<string?>("--postgres") { Description = "Also measure on PostgreSQL: a connection string to a database whose NewsCorpus tables are replaced" };
        var postgresRum = new Option<bool>("--postgres-rum") { Description = "With --postgres: publish with RUM search indexes (as `import --rum`)" };
        var only = new Option<string?>("--only") { Description = "Run one phase alone: 'import' (the importer and the reference, no search or pages)" };
        only.AcceptOnlyFromAmong("import");
        var command = new Command("bench", "Measure import, search and pages on one corpus against the targets of issue #7")
        {
            corpus, db, queries, searchSeconds, pageSeconds, connections, skipImport, requestLogs, webDll, output, postgres, only, postgresRum,
        };
        command.SetAction(parse => Run(new Settings(
            parse.GetValue(corpus)!,
            parse.GetValue(db)?.FullName ?? Path.Combine(Path.GetTempPath(), "newscorpus-bench", "corpus.db"),
            parse.GetValue(queries), parse.GetValue(searchSeconds), parse.GetValue(pageSeconds), parse.GetValue(connections),
            parse.GetValue(skipImport), parse.GetValue(requestLogs), parse.GetValue(webDll)?.FullName, parse.GetValue(output)?.FullName,
            parse.GetValue(postgres), parse.GetValue(only) == "import", parse.GetValue(postgresRum)),
            Console.Out, Console.Error));
        return command;
    }

    public sealed record Settings(DirectoryInfo Corpus, string Database, int MaxRuns, int SearchSeconds, int PageSeconds, int Connections,
        bool SkipImport, bool RequestLogs, string? WebDll, string? Output, string? Postgres = null, bool ImportOnly = false, bool PostgresRum = false)
    {
        public string ReferenceDatabase => Path.ChangeExtension(Database, ".reference.db");
    }

    public static int Run(Settings s, TextWriter output, TextWriter errors)
    {
        if (!s.Corpus.Exists)
        {
            errors.WriteLine($"error: folder not found: {s.Corpus.FullName}");
            return 2;
        }
        if (s.MaxRuns < 1 || s.SearchSeconds < 1 || s.PageSeconds < 1 || s.Connections < 1 || s.SearchSeconds > 3600 || s.PageSeconds > 600)
        {
            errors.WriteLine("error: --queries, --search-seconds, --page-seconds and --connections must be 1 or more (search at most 3600 s, pages at most 600 s)");
            return 2;
        }
        if (s.ImportOnly && s.SkipImport)
        {
            errors.WriteLine("error: --only import and --skip-import leave nothing to measure");
            return 2;
        }
        var webDll = s.WebDll ?? FindWebDll();
        if (!s.ImportOnly && (webDll is null || !File.Exists(webDll)))
        {
            errors.WriteLine("error: the site is not built: run `dotnet build -c Release` first, or give --web-dll");
            return 2;
        }

        var md = new StringBuilder();
        long textBytes = ImportBenchmark.TextBytes(s.Corpus.FullName);
        int files = ArticleFolder.List(s.Corpus.FullName).Entries.Count;
        output.WriteLine($"Corpus {s.Corpus.FullName}: {files} files, {textBytes / 1e6:F0} MB");
        md.AppendLine(string.Create(Inv, $"## {files:N0} articles, {DateTime.UtcNow:yyyy-MM-dd}")).AppendLine();
        md.AppendLine(Machine()).AppendLine();
        md.AppendLine(string.Create(Inv, $"Corpus: `{s.Corpus.Name}`, {files:N0} files, {textBytes / 1e6:F0} MB of text. Command: `bench --corpus … {(s.ImportOnly ? "--only import" : $"--queries {s.MaxRuns} --search-seconds {s.SearchSeconds} --page-seconds {s.PageSeconds} --connections {s.Connections}")}{(s.RequestLogs ? " --request-logs" : "")}`.")).AppendLine();

        if (!s.SkipImport)
        {
            output.WriteLine("Import: NewsCorpus…");
            var importer = ImportBenchmark.RunImporter(s.Corpus.FullName, s.Database);
            output.WriteLine("Import: reference…");
            var reference = ImportBenchmark.RunReference(s.Corpus.FullName, s.ReferenceDatabase);
            md.Append(ImportSection(importer, reference, textBytes));
        }
        else md.AppendLine("### Import").AppendLine().AppendLine("Not measured in this run (`--skip-import`).").AppendLine();

        if (!s.ImportOnly) MeasureSearchAndPages(s, webDll!, files, md, output);

        var text = md.ToString();
        output.WriteLine();
        output.Write(text);
        if (s.Output is not null) WriteSection(s.Output, text);
        return 0;
    }

    static void MeasureSearchAndPages(Settings s, string webDll, int files, StringBuilder md, TextWriter output)
    {
        output.WriteLine("Search…");
        var cases = SearchBenchmark.Cases(s.Database, files);
        var search = SearchBenchmark.Run(s.Database, s.ReferenceDatabase, cases, s.MaxRuns, TimeSpan.FromSeconds(s.SearchSeconds), output);
        md.Append(SearchSection(search, cases));
        SqliteConnection.ClearAllPools();

        output.WriteLine("Pages…");
        md.Append(PageSection(s, webDll, cases, output));

        if (s.Postgres is not null) md.Append(PostgresSection(s, webDll, cases, output));
    }

    static string ImportSection(ImportFigures importer, ImportFigures reference, long textBytes)
    {
        var sb = new StringBuilder("### Import\n\n");
        sb.AppendLine("| import | files | time | files/s | peak working set | allocated | store size (with its index) | store / text |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var f in new[] { importer, reference })
            sb.AppendLine(string.Create(Inv,
                $"| {f.Name} | {f.Files:N0} | {f.Elapsed.TotalSeconds:F1} s | {f.FilesPerSecond:N0} | {Mb(f.PeakBytes)} | {Mb(f.AllocatedBytes)} | {Mb(f.DatabaseBytes)} | {(double)f.DatabaseBytes / textBytes:F2} |"));
        double ratio = importer.Elapsed / reference.Elapsed;
        sb.AppendLine();
        sb.AppendLine(string.Create(Inv, $"- time, NewsCorpus / reference: **{ratio:F2}×** (target ≤ 1.5×: {Verdict(ratio, 1.5)})"));
        sb.AppendLine(string.Create(Inv, $"- importer peak working set: **{Mb(importer.PeakBytes)}** (target ≤ 500 MB: {Verdict(importer.PeakBytes / 1e6, 500)})"));
        sb.AppendLine(PeakMemory.CanReset
            ? "- peak working set is the process's VmHWM, reset before each import (so each row is its own peak, including the runtime's ~30 MB)."
            : "- peak working set is the process's peak so far: the reference row includes the importer's peak.");
        return sb.AppendLine().ToString();
    }

    static string SearchSection(List<SearchClassFigures> classes, List<SearchCase> cases,
        string title = "### Search",
        string what = "`CorpusSearch.Search(SearchRequest.FromForm(…))` (what /api/search runs: count, top 20 with snippets, facets, word forms, suggestions) against a naive ranked top 20 on the reference FTS5 table (`… WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 20`), in ms.")
    {
        var sb = new StringBuilder(title + "\n\n");
        sb.AppendLine(what).AppendLine();
        sb.AppendLine("| class | queries | runs | p50 | p95 | p99 | raw p50 | raw p95 | raw p99 | p50 / raw | median matches | queries whose last run timed out | targets (p50 ≤ 1.5× raw, p95 ≤ 25 ms) |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var c in classes)
        {
            double ratio = c.App.Percentile(50) / Math.Max(c.Raw.Percentile(50), 0.001);
            var median = c.Totals.Order().ElementAt(c.Totals.Count / 2);
            sb.AppendLine(string.Create(Inv,
                $"| {c.Class} | {c.Queries} | {c.App.Count} | {c.App.Percentile(50):F1} | {c.App.Percentile(95):F1} | {c.App.Percentile(99):F1} | {c.Raw.Percentile(50):F2} | {c.Raw.Percentile(95):F2} | {c.Raw.Percentile(99):F2} | {ratio:F1}× | {median:N0} | {c.TimedOut} | ratio {Verdict(ratio, 1.5)}; p95 {Verdict(c.App.Percentile(95), 25)} |"));
        }
        sb.AppendLine().AppendLine("Queries: " + string.Join("; ", cases.GroupBy(c => c.Class).Select(g => $"{g.Key}: " + string.Join(", ", g.Select(c => $"`{c.Describe()}`")))) + ".");
        return sb.AppendLine().ToString();
    }

    /// <summary>The same corpus published to PostgreSQL, searched, and served by the site on PostgreSQL.</summary>
    static string PostgresSection(Settings s, string webDll, List<SearchCase> cases, TextWriter output)
    {
        output.WriteLine("PostgreSQL: publication…");
        var published = PostgresBenchmark.Publish(s.Database, s.Postgres!, s.PostgresRum);
        var sb = new StringBuilder("### PostgreSQL\n\n");
        sb.AppendLine(string.Create(Inv, $"PostgreSQL {published.ServerVersion} on the same machine (a cluster as initdb makes it: default settings, 128 MB shared buffers), the same corpus and queries.")).AppendLine();
        sb.AppendLine("| publication (first, into an empty database) | articles | time | articles/s | ANALYZE | database size | search indexes |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        sb.AppendLine(string.Create(Inv,
            $"| SQLite store → PostgreSQL (binary COPY, tsvector computed by PostgreSQL) | {published.Articles:N0} | {published.Publish.TotalSeconds:F1} s | {published.Articles / published.Publish.TotalSeconds:N0} | {published.Analyze.TotalSeconds:F1} s | {Mb(published.DatabaseBytes)} | {Mb(published.TextIndexBytes)} ({(published.Rum ? "RUM" : "GIN")}) |"));
        sb.AppendLine().AppendLine("An import on PostgreSQL is the SQLite import above (the analysis) followed by this publication.").AppendLine();

        output.WriteLine("PostgreSQL: search…");
        var search = PostgresBenchmark.Search(s.Postgres!, cases, s.MaxRuns, TimeSpan.FromSeconds(s.SearchSeconds), output);
        sb.Append(SearchSection(search, cases, "#### Search on PostgreSQL",
            "`CorpusSearch.For(NpgsqlConnection).Search(…)` (count, top 20 with ts_headline snippets, facets, word forms, suggestions) against a naive ranked top 20 on the same tsvector columns (`… WHERE search_stems @@ q ORDER BY ts_rank(…) DESC LIMIT 20`), in ms."));
        // Printed now as well: the page load that follows runs for minutes and could end the run.
        output.Write(sb.ToString());

        output.WriteLine("PostgreSQL: pages…");
        sb.Append(PageSection(s, webDll, cases, output, "#### Pages on PostgreSQL", "--Corpus:Provider=Postgres", $"--ConnectionStrings:Corpus={s.Postgres}"));
        return sb.ToString();
    }

    static string PageSection(Settings s, string webDll, List<SearchCase> cases, TextWriter output, string title = "### Pages", params string[] settings)
    {
        string busiestMonth;
        using (var connection = new SqliteConnection(CorpusSchema.ConnectionString(s.Database, SqliteOpenMode.ReadOnly)))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT month FROM articles GROUP BY month ORDER BY count(*) DESC, month LIMIT 1";
            busiestMonth = cmd.ExecuteScalar() as string ?? "2024-01";
        }
        var searchPaths = cases.Select(SearchPath).ToList();
        var groups = new List<(string Name, string[] Paths, double? TargetRps)>
        {
            ("home `/`", ["/"], null),
            ($"month `/timeline/{busiestMonth}`", [$"/timeline/{busiestMonth}"], 5000),
            ("country `/countries/ml`", ["/countries/ml"], 5000),
            ($"search `/search?q=…` ({searchPaths.Count} queries above)", [.. searchPaths], 1000),
            ("mix of all the above", ["/", $"/timeline/{busiestMonth}", "/countries/ml", .. searchPaths.Take(8)], null),
        };

        var sb = new StringBuilder(title + "\n\n");
        sb.AppendLine(string.Create(Inv, $"The site in its own process (Release build, {(s.RequestLogs ? "request logs on" : "request logs off: Serilog at Warning")}), {s.Connections} connections from the `load` generator in the bench process on the same machine, {s.PageSeconds} s per group after 2 s of warm-up.")).AppendLine();
        sb.AppendLine("| pages | one request alone, ms | requests | req/s | p50 ms | p99 ms | statuses | socket errors | other errors (timeouts: 10 s) | target |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |");
        long peak;
        (long Anonymous, long File) split;
        using (var site = WebSite.Start(webDll, s.Database, s.RequestLogs, settings))
        {
            foreach (var (name, paths, target) in groups)
            {
                output.WriteLine($"  {name}");
                double alone = AloneMilliseconds(site.BaseUrl, paths[0]);
                LoadGenerator.RunAsync(site.BaseUrl, paths, s.Connections, TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
                var load = LoadGenerator.RunAsync(site.BaseUrl, paths, s.Connections, TimeSpan.FromSeconds(s.PageSeconds)).GetAwaiter().GetResult();
                var all = load.AllLatencies();
                sb.AppendLine(string.Create(Inv,
                    $"| {name} | {alone:F0} | {load.Requests:N0} | {load.RequestsPerSecond:N0} | {all.Percentile(50):F1} | {all.Percentile(99):F1} | {LoadCommand.Statuses(load.StatusCounts())} | {load.SocketErrors} | {load.OtherErrors} | {(target is { } t ? $"≥ {t:N0}/s: {VerdictAtLeast(load.RequestsPerSecond, t)}" : "")} |"));
            }
            peak = site.PeakWorkingSetBytes();
            split = site.PeakResidentSplit();
        }
        sb.AppendLine().AppendLine(string.Create(Inv, $"- site peak working set over the whole load: **{Mb(peak)}** (target ≤ 300 MB: {Verdict(peak / 1e6, 300)})"));
        if (split.Anonymous > 0)
            sb.AppendLine(string.Create(Inv, $"- of which, at their own peaks (sampled every 0.1 s): the process's own memory (RssAnon: heap, stacks, the search columns) **{Mb(split.Anonymous)}**, pages of mapped files (RssFile: the runtime's and the site's code; the full-text index is read, not mapped) {Mb(split.File)}"));
        return sb.AppendLine().ToString();
    }

    /// <summary>The median of three requests sent one at a time: what a page costs without a queue in front of it.</summary>
    static double AloneMilliseconds(Uri baseUrl, string path)
    {
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var times = new Latencies();
        for (int i = 0; i < 3; i++)
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = client.GetAsync(path).GetAwaiter().GetResult();
            response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return times.Percentile(50);
    }

    static string SearchPath(SearchCase c)
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(c.Query) };
        if (c.Country is not null) query.Add("country=" + c.Country);
        if (c.From is not null) query.Add("from=" + c.From);
        if (c.To is not null) query.Add("to=" + c.To);
        if (c.Sort is not null) query.Add("sort=" + c.Sort);
        return "/search?" + string.Join("&", query);
    }

    static string Machine()
    {
        string sqlite;
        using (var connection = new SqliteConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT sqlite_version()";
            sqlite = (string)cmd.ExecuteScalar()!;
        }
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return string.Create(Inv,
            $"Machine: {Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {memory / (1024.0 * 1024 * 1024):F0} GB memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, SQLite {sqlite}; shared with other developers' work, so figures carry noise.");
    }

    static string? FindWebDll()
    {
        var root = CorpusPaths.FindRepositoryRoot();
        if (root is null) return null;
        return new[] { "Release", "Debug" }
            .Select(c => Path.Combine(root, "src", "NewsCorpus.Web", "bin", c, "net10.0", "NewsCorpus.Web.dll"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Replaces the bench section of <paramref name="path"/>, or appends one; the text around it is left alone.</summary>
    static void WriteSection(string path, string section)
    {
        var block = StartMarker + "\n" + section.TrimEnd() + "\n" + EndMarker;
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        int start = existing.IndexOf(StartMarker, StringComparison.Ordinal);
        int end = existing.IndexOf(EndMarker, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + block + existing[(end + EndMarker.Length)..]
            : existing + (existing.Length > 0 ? "\n" : "") + block + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, updated);
    }

    static string Mb(long bytes) => string.Create(Inv, $"{bytes / 1e6:N0} MB");

    static string Verdict(double value, double limit) =>
        value <= limit ? "met"
        : value < 2 * limit ? string.Create(Inv, $"missed by {(value / limit - 1) * 100:F0}%")
        : string.Create(Inv, $"missed: {value / limit:F1}× the limit");

    static string VerdictAtLeast(double value, double floor) =>
        value >= floor ? "met" : string.Create(Inv, $"missed: {value / floor * 100:F1}% of it");
}
