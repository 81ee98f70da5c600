using System.CommandLine;
using NewsCorpus.Generation;

namespace NewsCorpus.Cli;

/// <summary>`generate --articles N --seed S --out DIR [--force]`: exit 0 when written, 2 on bad usage.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Number of article files to write", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and count give the same files", DefaultValueFactory = _ => 1 };
        var folder = new Option<DirectoryInfo>("--out") { Description = "Folder to write into (created if missing)", Required = true };
        var force = new Option<bool>("--force") { Description = "Write into a folder that already holds files (files of the same name are overwritten, others are left)" };
        var command = new Command("generate", "Write a deterministic synthetic corpus of article files") { articles, seed, folder, force };
        command.SetAction(parse => Run(parse.GetValue(articles), parse.GetValue(seed), parse.GetValue(folder)!, parse.GetValue(force), Console.Out, Console.Error));
        return command;
    }

    public static int Run(int articles, int seed, DirectoryInfo folder, bool force, TextWriter output, TextWriter errors)
    {
        if (articles < 0)
        {
            errors.WriteLine($"error: --articles must be zero or more, not {articles}");
            return 2;
        }
        if (folder.Exists && folder.EnumerateFileSystemInfos().Any() && !force)
        {
            errors.WriteLine($"error: {folder.FullName} is not empty (use --force to write into it anyway)");
            return 2;
        }
        output.WriteLine($"Generating {articles} articles (seed {seed}) into {folder.FullName}");
        try
        {
            new CorpusGenerator(seed).WriteTo(folder.FullName, articles, new LinePrinter(output, articles));
        }
        catch (ArgumentException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: cannot write the corpus: {e.Message}");
            return 2;
        }
        output.WriteLine($"wrote {articles} files");
        return 0;
    }

    /// <summary>Prints on the generating thread: Progress&lt;T&gt; would post to the thread pool and lines could come out late or out of order.</summary>
    sealed class LinePrinter(TextWriter output, int total) : IProgress<int>
    {
        int lastTenth = -1;

        public void Report(int written)
        {
            int tenth = total == 0 ? 10 : (int)(written * 10L / total);
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            output.WriteLine($"progress: {written}/{total} files");
        }
    }
}
