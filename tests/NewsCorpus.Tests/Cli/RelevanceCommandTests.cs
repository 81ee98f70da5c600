using NewsCorpus.Cli;
using NewsCorpus.Tests.Search;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Cli;

public sealed class RelevanceCommandTests
{
    static readonly FileInfo Judgments = new(Path.Combine(WikinewsRelevanceFixture.Folder, "qrels.tsv"));

    static (int Code, string Output, string Errors) Run(FileInfo judgments, FileInfo? database = null, bool details = false)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = RelevanceCommand.Run(judgments, database, null, output, errors, details);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Without_a_store_it_imports_the_articles_beside_the_judgments_and_prints_every_query_and_the_means()
    {
        var (code, output, errors) = Run(Judgments, details: true);
        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Contains("Imported 95 articles", output);
        Assert.Contains("mean of 38", output);
        Assert.Matches(@"(?m)^Mali\s+\d\.\d\d\s+\d\.\d\d\s+\d\.\d{3}\s+\d+/2\s+\d+$", output);
        Assert.Contains("[2] d0ade9c3f0fd979f", output);   // --details: a Mali article, graded
    }

    [Fact]
    public void A_store_without_the_judged_articles_is_measured_with_a_warning()
    {
        using var seeds = new TestCorpus();
        seeds.Import();
        var (code, output, errors) = Run(Judgments, new FileInfo(seeds.Database));
        Assert.Equal(0, code);
        Assert.Contains("warning: judged article d0ade9c3f0fd979f is not in the store", errors);
        Assert.Contains("mean of 38", output);
    }

    [Fact]
    public void Missing_or_unreadable_judgments_are_bad_usage()
    {
        Assert.Equal(2, Run(new FileInfo(Path.Combine(Path.GetTempPath(), "no-such-qrels.tsv"))).Code);
        using var corpus = new TestCorpus(withSeeds: false);
        var bad = corpus.Write("qrels.tsv", "Mali\t2\n");
        var (code, _, errors) = Run(new FileInfo(bad));
        Assert.Equal(2, code);
        Assert.Contains("qrels.tsv:1: expected 3 tab-separated fields", errors);
    }
}
