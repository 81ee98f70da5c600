using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Storage;

public class EntityImportTests
{
    [Fact]
    public void A_user_alias_file_blocks_and_merges_and_is_applied_when_it_changes()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        Assert.Equal(1, corpus.Scalar<int>("SELECT count(*) FROM entities WHERE slug = 'afrique'"));

        var aliases = Path.Combine(corpus.Root, "aliases.txt");
        File.WriteAllText(aliases, "!Afrique\n[org] FAN = Forces Armées Nationales\n[oops Broken line\n");
        var report = new CorpusImporter(corpus.Database, aliasesPath: aliases).Import(corpus.Articles);
        Assert.Equal(0, report.Imported + report.Updated);
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM entities WHERE slug = 'afrique'"));
        // The alias merges the names under one organisation, shown as the articles spell it: they never write "FAN".
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM entities WHERE slug = 'fan'"));
        Assert.Equal(1, corpus.Scalar<int>("SELECT kind FROM entities WHERE name = 'Forces Armées Nationales'"));
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("aliases.txt", warning.FileName);
        Assert.Contains("aliases.txt:3:", warning.Message);
    }

    [Fact]
    public void Entities_follow_articles_that_change_or_go()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        Assert.Equal(1, corpus.Scalar<int>("SELECT articles FROM entities WHERE slug = 'rosatom'"));
        File.Delete(Path.Combine(corpus.Articles, "004_85765fc0af500544.txt"));
        corpus.Import();
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM entities WHERE slug = 'rosatom'"));
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM article_mentions WHERE article_key NOT IN (SELECT article_key FROM articles)"));
    }
}
