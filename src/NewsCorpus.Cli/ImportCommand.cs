using System.CommandLine;
using System.Globalization;
using NewsCorpus.Articles;
using NewsCorpus.Storage;
using NewsCorpus.Storage.Postgres;

namespace NewsCorpus.Cli;

/// <summary>
/// `import &lt;folder or file&gt; [--format txt|jsonl|csv] [--db file] [--provider postgres --connection "…"]`: exit 0 when
/// every file (and record) imported, 1 when any was rejected, 2 on bad usage or when the store could not be written.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder of article files (*.txt) and exports (*.jsonl, *.ndjson, *.csv), or one such file" };
        var format = new Option<string?>("--format") { Description = "txt, jsonl or csv: how to read the file given (by default its extension says)" };
        format.AcceptOnlyFromAmong("txt", "jsonl", "ndjson", "csv");
        var index = new Option<FileInfo?>("--index") { Description = "CSV or TSV index of the article files: a 'file' column and any of date (or day), title, source, url, author" };
        var db = new Option<FileInfo?>("--db") { Description = "SQLite file to import into (default: data/newscorpus.db under the repository)" };
        var aliases = new Option<FileInfo?>("--aliases") { Description = "Entity alias file applied on top of the built-in one (same format as Entities/entity-aliases.txt)" };
        var provider = new Option<string>("--provider") { Description = "sqlite (default) or postgres", DefaultValueFactory = _ => "sqlite" };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string, with --provider postgres (the SQLite file of --db is then the importer's working store)" };
        var rum = new Option<bool>("--rum") { Description = "With --provider postgres: build the search indexes with the rum extension (ranked searches from the index; see the README for its known crash)" };
        var command = new Command("import", "Import (or re-import) a folder of article files") { folder, format, index, db, aliases, provider, connection, rum };
        command.SetAction(parse => Run(AsFileOrFolder(parse.GetValue(folder)!), parse.GetValue(db)?.FullName ?? CorpusPaths.DefaultDatabase, Console.Out, Console.Error,
            parse.GetValue(aliases)?.FullName, parse.GetValue(provider) == "postgres" ? parse.GetValue(connection) ?? "" : null,
            ArticleFormats.Parse(parse.GetValue(format)), parse.GetValue(index)?.FullName, parse.GetValue(rum)));
        return command;
    }

    static FileSystemInfo AsFileOrFolder(string path) => File.Exists(path) ? new FileInfo(path) : new DirectoryInfo(path);

    /// <param name="postgres">A PostgreSQL connection string to publish to after the import; null for SQLite alone.</param>
    /// <param name="folder">A folder, or one article file or export.</param>
    /// <param name="format">How to read the one file given; null: as its extension says. Not for a folder.</param>
    /// <param name="indexPath">A CSV or TSV index adding metadata to the article files (<see cref="NewsCorpus.Articles.ArticleIndex"/>).</param>
    public static int Run(FileSystemInfo folder, string database, TextWriter output, TextWriter errors, string? aliasesPath = null, string? postgres = null,
        ArticleFormat? format = null, string? indexPath = null, bool rum = false)
    {
        if (indexPath is not null && !File.Exists(indexPath))
        {
            errors.WriteLine($"error: index not found: {indexPath}");
            return 2;
        }
        if (!folder.Exists)
        {
            errors.WriteLine($"error: folder not found: {folder.FullName}");
            return 2;
        }
        if (format is not null && folder is DirectoryInfo)
        {
            errors.WriteLine("error: --format is for one file; a folder's files are read as their extensions say (.txt, .jsonl, .ndjson, .csv)");
            return 2;
        }
        if (format is null && folder is FileInfo file && ArticleFormats.FromFileName(file.Name) is null)
        {
            errors.WriteLine($"error: {file.Name}: unknown format; give --format txt, jsonl or csv");
            return 2;
        }
        if (postgres is not null && string.IsNullOrWhiteSpace(postgres))
        {
            errors.WriteLine("error: --provider postgres needs --connection \"Host=…;Database=…;Username=…\"");
            return 2;
        }
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"Importing {folder.FullName} into {database}");
        var progress = new ProgressPrinter(output, interactive: output == Console.Out && !Console.IsOutputRedirected);
        ImportReport report;
        try
        {
            report = new CorpusImporter(database, aliasesPath: aliasesPath) { IndexPath = indexPath }.Import(folder.FullName, progress, format: format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            progress.Finish();
            errors.WriteLine($"error: import failed, nothing was changed: {e.Message}");
            return 2;
        }
        progress.Finish();
        if (postgres is not null && !Publish(database, postgres, output, errors, rum)) return 2;

        foreach (var warning in report.Warnings) output.WriteLine($"warning: {warning}");
        foreach (var dup in report.Duplicates) output.WriteLine($"duplicate: {dup.FileName} is a copy of {dup.OriginalId}");
        foreach (var error in report.Rejected) output.WriteLine($"rejected: {error}");
        output.WriteLine(string.Create(inv,
            $"imported {report.Imported}, updated {report.Updated}, unchanged {report.Unchanged}, removed {report.Removed}, duplicates {report.Duplicates.Count}, rejected {report.Rejected.Count}"));
        output.WriteLine(string.Create(inv, $"time {report.Elapsed.TotalSeconds:F2}s, {report.ArticlesPerSecond:F0} articles/s"));
        return report.Rejected.Count > 0 ? 1 : 0;
    }

    static bool Publish(string database, string connectionString, TextWriter output, TextWriter errors, bool rum)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("Publishing to PostgreSQL");
        try
        {
            var published = new PostgresPublisher(connectionString) { UseRum = rum }.Publish(database);
            output.WriteLine(string.Create(inv,
                $"postgres: written {published.Inserted}, removed {published.Deleted}, moved between clusters {published.ClustersMoved}, per-corpus tables {(published.DerivedReplaced ? "replaced" : "unchanged")}, time {published.Elapsed.TotalSeconds:F2}s"));
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            // The working store is up to date; the next import publishes whatever PostgreSQL is missing.
            errors.WriteLine($"error: publishing to PostgreSQL failed, nothing was changed there: {e.Message}");
            return false;
        }
    }

    /// <summary>A bar redrawn in place on a terminal; a line every tenth of the way otherwise.</summary>
    sealed class ProgressPrinter(TextWriter output, bool interactive) : IProgress<ImportProgress>
    {
        int lastTenth = -1;
        bool drawn;

        public void Report(ImportProgress p)
        {
            if (interactive)
            {
                int width = 30, filled = p.Total == 0 ? width : p.Done * width / p.Total;
                var name = p.Records > 0 ? $"{p.FileName}: {p.Records} records" : p.FileName;
                name = name.Length > 30 ? name[..30] : name;
                output.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {p.Done}/{p.Total} {name,-30}");
                drawn = true;
                return;
            }
            if (p.Records > 0)
            {
                if (p.Records % 10_000 == 0) output.WriteLine($"progress: {p.FileName}: {p.Records} records");
                return;
            }
            int tenth = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            output.WriteLine($"progress: {p.Done}/{p.Total} files");
        }

        public void Finish()
        {
            if (drawn) output.WriteLine();
            drawn = false;
        }
    }
}
