using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsCorpus.Relevance;
using NewsCorpus.Storage;

namespace NewsCorpus.Cli;

/// <summary>
/// `measure-similar --judgments similar-judgments.tsv [--db store] [--articles folder]`: shows each judged article's
/// similar articles as its page does and prints, per article and overall, the share of the shown ones judged on topic,
/// the unjudged pairs, and how many of the candidates judged on topic are shown. Without --db the articles folder (by
/// default `articles/` beside the judgments) is imported into a temporary store first. Exit 0 when measured, 2 on bad usage.
/// </summary>
public static class MeasureSimilarCommand
{
    public static Command Create()
    {
        var judgments = new Option<FileInfo>("--judgments") { Description = "Judged pairs: article_id<TAB>similar_id<TAB>on topic (0/1)<TAB>why per line", Required = true };
        var db = new Option<FileInfo?>("--db") { Description = "SQLite store to measure (default: import the articles into a temporary store)" };
        var articles = new Option<DirectoryInfo?>("--articles") { Description = "Folder of the judged article files, imported when there is no --db (default: articles/ beside the judgments)" };
        var command = new Command("measure-similar", "Measure the share of similar articles on topic against judged pairs") { judgments, db, articles };
        command.SetAction(parse => Run(parse.GetValue(judgments)!, parse.GetValue(db), parse.GetValue(articles), Console.Out, Console.Error));
        return command;
    }

    public static int Run(FileInfo judgmentsFile, FileInfo? database, DirectoryInfo? articles, TextWriter output, TextWriter errors)
    {
        if (!judgmentsFile.Exists)
        {
            errors.WriteLine($"error: judgments not found: {judgmentsFile.FullName}");
            return 2;
        }
        SimilarJudgments judgments;
        try
        {
            judgments = SimilarJudgments.Load(judgmentsFile.FullName);
        }
        catch (FormatException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return 2;
        }
        if (database is not null)
        {
            if (database.Exists) return Measure(database.FullName, judgments, output, errors);
            errors.WriteLine($"error: store not found: {database.FullName}");
            return 2;
        }

        var folder = articles ?? new DirectoryInfo(Path.Combine(judgmentsFile.DirectoryName!, "articles"));
        if (!folder.Exists)
        {
            errors.WriteLine($"error: articles folder not found: {folder.FullName} (give --articles or --db)");
            return 2;
        }
        var temporary = Path.Combine(Path.GetTempPath(), "newscorpus-similar", Guid.NewGuid().ToString("N"));
        try
        {
            var store = Path.Combine(temporary, "corpus.db");
            var report = new CorpusImporter(store).Import(folder.FullName);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {report.Imported} articles from {folder.FullName} into a temporary store ({report.Rejected.Count} rejected, {report.Duplicates.Count} duplicates)"));
            return Measure(store, judgments, output, errors);
        }
        finally
        {
            // The pool keeps the file open otherwise, and the folder could not be removed.
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(temporary, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static int Measure(string database, SimilarJudgments judgments, TextWriter output, TextWriter errors)
    {
        using var connection = new SqliteConnection(CorpusSchema.ConnectionString(database, SqliteOpenMode.ReadOnly));
        connection.Open();
        var report = SimilarEvaluation.Run(connection, judgments);
        foreach (var id in report.MissingArticles) errors.WriteLine($"warning: judged article {id} is not in the store");
        output.Write(report.ToTable());
        return 0;
    }
}
