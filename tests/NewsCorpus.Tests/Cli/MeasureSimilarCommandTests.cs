using NewsCorpus.Cli;
using NewsCorpus.Tests.Search;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Cli;

public sealed class MeasureSimilarCommandTests
{
    static readonly FileInfo Judgments = new(Path.Combine(WikinewsRelevanceFixture.Folder, "similar-judgments.tsv"));

    static (int Code, string Output, string Errors) Run(FileInfo judgments, FileInfo? database = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = MeasureSimilarCommand.Run(judgments, database, null, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Without_a_store_it_imports_the_articles_beside_the_judgments_and_prints_every_article_and_the_share()
    {
        var (code, output, errors) = Run(Judgments);
        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Contains("Imported 95 articles", output);
        Assert.Matches(@"(?m)^73 judged articles, \d+ showing nothing; \d+ shown pairs, \d+ judged, \d+ unjudged$", output);
        Assert.Matches(@"(?m)^on topic: \d+/\d+ = \d\.\d{3} of the judged shown pairs$", output);
        // The Vendée Globe's start and its first retirement: a judged pair shown, marked on topic.
        Assert.Matches(@"(?m)^\s+\+\s+\d\.\d\d\s+287cca9b091fc65e Vendée Globe : Déjà un abandon$", output);
    }

    [Fact]
    public void A_store_without_the_judged_articles_is_measured_with_a_warning()
    {
        using var seeds = new TestCorpus();
        seeds.Import();
        var (code, output, errors) = Run(Judgments, new FileInfo(seeds.Database));
        Assert.Equal(0, code);
        Assert.Contains("warning: judged article eb05acf716bca080 is not in the store", errors);
        Assert.Contains("0 judged articles", output);
    }

    [Fact]
    public void Missing_or_unreadable_judgments_are_bad_usage()
    {
        Assert.Equal(2, Run(new FileInfo(Path.Combine(Path.GetTempPath(), "no-such-judgments.tsv"))).Code);
        using var corpus = new TestCorpus(withSeeds: false);
        var bad = corpus.Write("similar.tsv", "eb05acf716bca080\t4c7533f389e13b62\tmaybe\twhy\n");
        var (code, _, errors) = Run(new FileInfo(bad));
        Assert.Equal(2, code);
        Assert.Contains("similar.tsv:1: on topic 'maybe' is neither 0 nor 1", errors);
        Assert.Equal(2, Run(Judgments, new FileInfo(Path.Combine(corpus.Root, "no-such.db"))).Code);
    }
}
