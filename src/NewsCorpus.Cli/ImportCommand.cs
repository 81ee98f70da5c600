using System.CommandLine;
using System.Globalization;
using NewsCorpus.Storage;

namespace NewsCorpus.Cli;

/// <summary>`import &lt;folder&gt; [--db file]`: exit 0 when every file imported, 1 when any was rejected, 2 on bad usage.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of article files (*.txt)" };
        var db = new Option<FileInfo?>("--db") { Description = "SQLite file to import into (default: data/newscorpus.db under the repository)" };
        var aliases = new Option<FileInfo?>("--aliases") { Description = "Entity alias file applied on top of the built-in one (same format as Entities/entity-aliases.txt)" };
        var command = new Command("import", "Import (or re-import) a folder of article files") { folder, db, aliases };
        command.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(db)?.FullName ?? CorpusPaths.DefaultDatabase, Console.Out, Console.Error,
            parse.GetValue(aliases)?.FullName));
        return command;
    }

    public static int Run(DirectoryInfo folder, string database, TextWriter output, TextWriter errors, string? aliasesPath = null)
    {
        if (!folder.Exists)
        {
            errors.WriteLine($"error: folder not found: {folder.FullName}");
            return 2;
        }
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"Importing {folder.FullName} into {database}");
        var progress = new ProgressPrinter(output, interactive: output == Console.Out && !Console.IsOutputRedirected);
        ImportReport report;
        try
        {
            report = new CorpusImporter(database, aliasesPath: aliasesPath).Import(folder.FullName, progress);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            progress.Finish();
            errors.WriteLine($"error: import failed, nothing was changed: {e.Message}");
            return 2;
        }
        progress.Finish();

        foreach (var warning in report.Warnings) output.WriteLine($"warning: {warning}");
        foreach (var dup in report.Duplicates) output.WriteLine($"duplicate: {dup.FileName} is a copy of {dup.OriginalId}");
        foreach (var error in report.Rejected) output.WriteLine($"rejected: {error}");
        output.WriteLine(string.Create(inv,
            $"imported {report.Imported}, updated {report.Updated}, unchanged {report.Unchanged}, removed {report.Removed}, duplicates {report.Duplicates.Count}, rejected {report.Rejected.Count}"));
        output.WriteLine(string.Create(inv, $"time {report.Elapsed.TotalSeconds:F2}s, {report.ArticlesPerSecond:F0} articles/s"));
        return report.Rejected.Count > 0 ? 1 : 0;
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
                var name = p.FileName.Length > 30 ? p.FileName[..30] : p.FileName;
                output.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {p.Done}/{p.Total} {name,-30}");
                drawn = true;
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
