using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsCorpus.Relevance;
using NewsCorpus.Storage;
using NewsCorpus.Storage.Postgres;
using Npgsql;

namespace NewsCorpus.Cli;

/// <summary>
/// `relevance --judgments qrels.tsv [--db store] [--articles folder] [--postgres connection] [--details]`: runs the judged
/// queries through the search and prints P@10, R-precision and nDCG@10 per query and their means. Without --db the
/// articles folder (by default `articles/` beside the judgments) is imported into a temporary store first. With
/// --postgres the store is published to that database and searched there. Exit 0 when measured, 2 on bad usage.
/// </summary>
public static class RelevanceCommand
{
    public static Command Create()
    {
        var judgments = new Option<FileInfo>("--judgments") { Description = "Relevance judgments: query<TAB>article_id<TAB>grade per line", Required = true };
        var db = new Option<FileInfo?>("--db") { Description = "SQLite store to search (default: import the articles into a temporary store)" };
        var articles = new Option<DirectoryInfo?>("--articles") { Description = "Folder of the judged article files, imported when there is no --db (default: articles/ beside the judgments)" };
        var details = new Option<bool>("--details") { Description = "Also print each query's first page with the grade of every result" };
        var postgres = new Option<string?>("--postgres") { Description = "Measure on PostgreSQL: a connection string to a database whose NewsCorpus tables are replaced by the store's" };
        var rum = new Option<bool>("--rum") { Description = "With --postgres: publish with RUM search indexes (as `import --rum`)" };
        var command = new Command("relevance", "Measure search relevance (P@10, R-precision, nDCG@10) against relevance judgments") { judgments, db, articles, details, postgres, rum };
        command.SetAction(parse => Run(parse.GetValue(judgments)!, parse.GetValue(db), parse.GetValue(articles), Console.Out, Console.Error, parse.GetValue(details), parse.GetValue(postgres), parse.GetValue(rum)));
        return command;
    }

    public static int Run(FileInfo judgmentsFile, FileInfo? database, DirectoryInfo? articles, TextWriter output, TextWriter errors, bool details = false, string? postgres = null, bool rum = false)
    {
        if (!judgmentsFile.Exists)
        {
            errors.WriteLine($"error: judgments not found: {judgmentsFile.FullName}");
            return 2;
        }
        RelevanceJudgments judgments;
        try
        {
            judgments = RelevanceJudgments.Load(judgmentsFile.FullName);
        }
        catch (FormatException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return 2;
        }
        if (database is not null) return database.Exists ? Measure(database.FullName, judgments, output, errors, details, postgres, rum) : NotFound(database.FullName, errors);

        var folder = articles ?? new DirectoryInfo(Path.Combine(judgmentsFile.DirectoryName!, "articles"));
        if (!folder.Exists)
        {
            errors.WriteLine($"error: articles folder not found: {folder.FullName} (give --articles or --db)");
            return 2;
        }
        var temporary = Path.Combine(Path.GetTempPath(), "newscorpus-relevance", Guid.NewGuid().ToString("N"));
        try
        {
            var store = Path.Combine(temporary, "corpus.db");
            var report = new CorpusImporter(store).Import(folder.FullName);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {report.Imported} articles from {folder.FullName} into a temporary store ({report.Rejected.Count} rejected, {report.Duplicates.Count} duplicates)"));
            return Measure(store, judgments, output, errors, details, postgres, rum);
        }
        finally
        {
            // The pool keeps the file open otherwise, and the folder could not be removed.
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(temporary, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static int Measure(string database, RelevanceJudgments judgments, TextWriter output, TextWriter errors, bool details, string? postgres, bool rum)
    {
        if (postgres is not null)
        {
            try
            {
                new PostgresPublisher(postgres) { UseRum = rum }.Publish(database);
            }
            catch (Exception e) when (e is NpgsqlException or ArgumentException)
            {
                errors.WriteLine($"error: PostgreSQL: {e.Message}");
                return 2;
            }
            output.WriteLine($"Searched on PostgreSQL ({(rum ? "RUM" : "GIN")} search indexes)");
        }
        using System.Data.Common.DbConnection connection = postgres is null
            ? new SqliteConnection(CorpusSchema.ConnectionString(database, SqliteOpenMode.ReadOnly))
            : new NpgsqlConnection(postgres);
        connection.Open();
        var report = RelevanceEvaluation.Run(connection, judgments);
        foreach (var id in report.MissingArticles) errors.WriteLine($"warning: judged article {id} is not in the store");
        output.WriteLine($"{report.Queries.Count} queries, first page of {RelevanceEvaluation.Depth} in relevance order; relevant = grade 1 or more");
        output.WriteLine("P@10: relevant in the first 10 over 10. R-prec: relevant in the first R over R (R = judged relevant, ≤ 10 here).");
        output.WriteLine("nDCG@10: gain = grade, discount log2(rank + 1), ideal = the judged articles in grade order.");
        output.WriteLine();
        output.Write(report.ToTable());
        if (details)
        {
            output.WriteLine();
            output.Write(report.ToDetails());
        }
        return 0;
    }

    static int NotFound(string path, TextWriter errors)
    {
        errors.WriteLine($"error: store not found: {path}");
        return 2;
    }
}
