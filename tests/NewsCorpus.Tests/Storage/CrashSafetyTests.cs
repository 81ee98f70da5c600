using System.Diagnostics;
using NewsCorpus.Generation;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Storage;

/// <summary>
/// The importer runs as a real child process and is killed with SIGKILL part-way; the store must still open,
/// hold the previous corpus intact, and the next import must complete.
/// </summary>
public class CrashSafetyTests
{
    [Theory]
    [InlineData(false)]     // while files are being read and indexed
    [InlineData(true)]      // after the last file: vocabulary, entities, commit
    public async Task Killing_the_importer_leaves_the_previous_corpus_intact(bool afterTheLastFile)
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        new CorpusGenerator(seed: 7).WriteTo(corpus.Articles, 400);

        var cli = Path.Combine(AppContext.BaseDirectory, "NewsCorpus.Cli.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "import", corpus.Articles, "--db", corpus.Database])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var child = Process.Start(start)!;
        string? line;
        bool killed = false;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null)
        {
            // Without a terminal the importer prints "progress: done/total files" every tenth of the way.
            var parts = line.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries);
            if (parts is not ["progress:", var done, var total, "files"]) continue;
            if (afterTheLastFile != (done == total)) continue;
            child.Kill();                     // SIGKILL on Linux: no chance to clean up
            killed = true;
            break;
        }
        await child.WaitForExitAsync();
        Assert.True(killed, "the importer finished before it could be killed");
        Assert.NotEqual(0, child.ExitCode);

        Assert.Equal("ok", corpus.Scalar<string>("PRAGMA integrity_check"));
        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal(2, corpus.Indexed());
        Assert.Equal(1, corpus.Scalar<int>("SELECT count(*) FROM entities WHERE slug = 'rosatom'"));
        AssertSearchServesTheSeedsOnly(corpus);

        var next = corpus.Import();
        Assert.Empty(next.Rejected);
        Assert.Equal(400, next.Imported + next.Duplicates.Count);
        Assert.Equal(2 + next.Imported, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal(2 + next.Imported, corpus.Indexed());
    }

    /// <summary>
    /// The narrowest window: the full-text index committed, the store not (what a kill between the two leaves). The
    /// store still names the previous index commit, which readers open; the next import starts again from it.
    /// </summary>
    [Fact]
    public void An_index_committed_without_its_store_is_not_served_and_the_next_import_replaces_it()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        new CorpusGenerator(seed: 7).WriteTo(corpus.Articles, 50);
        var killed = new CorpusImporter(corpus.Database) { BeforeStoreCommit = () => throw new IOException("killed") };
        Assert.Throws<IOException>(() => killed.Import(corpus.Articles));

        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal(2, corpus.Indexed());
        AssertSearchServesTheSeedsOnly(corpus);

        var next = corpus.Import();
        Assert.Equal(50, next.Imported + next.Duplicates.Count);
        Assert.Equal(2 + next.Imported, corpus.Indexed());
        using var connection = corpus.Open();
        Assert.Equal(2 + next.Imported, CorpusSearch.For(connection).Search(SearchRequest.FromForm(null, null, "1990-01", "2100-12", null)).Total);
        Assert.True(CorpusSearch.For(connection).Search(SearchRequest.FromForm("Russie", null, null, null, null)).Total > 2);
    }

    /// <summary>A word every generated article has and the seeds do not, and one the seeds have, searched as the site does.</summary>
    static void AssertSearchServesTheSeedsOnly(TestCorpus corpus)
    {
        using var connection = corpus.Open();
        var search = CorpusSearch.For(connection);
        Assert.Equal(2, search.Search(SearchRequest.FromForm("Rosatom OR Russie OR Mali OR nucléaire", null, null, null, null)).Total);
    }
}
