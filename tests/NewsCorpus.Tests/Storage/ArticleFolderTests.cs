using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Storage;

public class ArticleFolderTests
{
    [Fact]
    public void Lists_every_txt_entry_with_what_the_file_system_says_of_it()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        var article = corpus.Write("002_000000000000000b.txt", "date 2023-01 Un article.");
        corpus.Write(".001_000000000000000a.txt", "date 2023-01 Caché, mais un article quand même.");
        corpus.Write("notes.md", "pas un article");
        Directory.CreateDirectory(Path.Combine(corpus.Articles, "dossier.txt"));
        File.CreateSymbolicLink(Path.Combine(corpus.Articles, "003_000000000000000c.txt"), article);

        var folder = ArticleFolder.List(corpus.Articles);

        var byName = folder.Entries.ToDictionary(e => e.Name);
        Assert.Equal([".001_000000000000000a.txt", "002_000000000000000b.txt", "003_000000000000000c.txt", "dossier.txt"], byName.Keys.Order(StringComparer.Ordinal));
        var info = new FileInfo(article);
        Assert.Equal(new FolderEntry("002_000000000000000b.txt", info.Length, info.LastWriteTimeUtc.Ticks, false, false), byName["002_000000000000000b.txt"]);
        Assert.True(byName["dossier.txt"].IsDirectory);
        Assert.True(byName["003_000000000000000c.txt"].IsLink);
        Assert.False(byName["002_000000000000000b.txt"].IsLink);
    }

    [Fact]
    public void Knows_its_own_paths_and_no_others()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        var path = corpus.Write("002_000000000000000b.txt", "date 2023-01 Un article.");
        var folder = ArticleFolder.List(corpus.Articles);

        Assert.True(folder.Contains(path));
        Assert.Equal(path, folder.PathOf(folder.Entries[0]));
        Assert.False(folder.Contains(Path.Combine(corpus.Articles, "003_000000000000000c.txt")));
        Assert.False(folder.Contains(Path.Combine(corpus.Root, "002_000000000000000b.txt")));
        Assert.False(folder.Contains(Path.Combine(corpus.Articles, "sub", "002_000000000000000b.txt")));
    }
}
