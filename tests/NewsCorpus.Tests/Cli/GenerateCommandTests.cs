using NewsCorpus.Cli;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Cli;

public class GenerateCommandTests
{
    [Fact]
    public void Writes_the_requested_number_of_files_and_they_all_import()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        var output = new StringWriter();

        int exit = GenerateCommand.Run(120, seed: 5, new DirectoryInfo(corpus.Articles), force: false, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Equal(120, Directory.GetFiles(corpus.Articles, "*.txt").Length);
        Assert.Contains("progress: 120/120 files", output.ToString());
        var report = corpus.Import();
        Assert.Empty(report.Rejected);
        Assert.Empty(report.Warnings);
        // The generator copies a few articles on purpose: a copy is reported as a duplicate, not imported twice.
        Assert.Equal(120, report.Imported + report.Duplicates.Count);
    }

    [Fact]
    public void The_same_seed_writes_the_same_bytes()
    {
        using var first = new TestCorpus(withSeeds: false);
        using var second = new TestCorpus(withSeeds: false);
        GenerateCommand.Run(20, seed: 9, new DirectoryInfo(first.Articles), force: false, TextWriter.Null, TextWriter.Null);
        GenerateCommand.Run(20, seed: 9, new DirectoryInfo(second.Articles), force: false, TextWriter.Null, TextWriter.Null);

        foreach (var path in Directory.GetFiles(first.Articles))
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(second.Articles, Path.GetFileName(path))));
    }

    [Fact]
    public void Refuses_a_folder_that_holds_files_unless_forced()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        corpus.Write("notes.txt", "date 2020-01\n\nMine.");
        var errors = new StringWriter();

        Assert.Equal(2, GenerateCommand.Run(5, seed: 1, new DirectoryInfo(corpus.Articles), force: false, TextWriter.Null, errors));
        Assert.Contains("--force", errors.ToString());
        Assert.Single(Directory.GetFiles(corpus.Articles));

        Assert.Equal(0, GenerateCommand.Run(5, seed: 1, new DirectoryInfo(corpus.Articles), force: true, TextWriter.Null, TextWriter.Null));
        Assert.Equal(6, Directory.GetFiles(corpus.Articles).Length);
    }

    [Fact]
    public void A_negative_count_is_bad_usage()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        Assert.Equal(2, GenerateCommand.Run(-1, seed: 1, new DirectoryInfo(corpus.Articles), force: false, TextWriter.Null, TextWriter.Null));
    }
}
