using NewsCorpus.Relevance;
using NewsCorpus.Tests.Search;
using Xunit.Abstractions;

namespace NewsCorpus.Tests.Research;

/// <summary>
/// Similar articles on real news: the 95 Wikinews articles and 480 pairs judged on topic or not by reading both
/// (Data/wikinews-fr-2012/similar-judgments.tsv, its header says how).
/// </summary>
public sealed class WikinewsSimilarTests(WikinewsRelevanceFixture wikinews, ITestOutputHelper output) : IClassFixture<WikinewsRelevanceFixture>
{
    // A little below what the box reaches (63 of 66 shown pairs on topic, 0.95; 63 of the 86 candidates judged on
    // topic shown, 0.73). Before issue 15 it showed five articles for every one: 46 of 274 on topic (0.17) on the
    // first 55 judged articles.
    const double OnTopicFloor = 0.90;
    const double OnTopicFoundFloor = 0.65;

    [Fact]
    public void Nine_in_ten_shown_similar_articles_are_on_topic_counting_an_unjudged_pair_as_off_topic()
    {
        var judgments = SimilarJudgments.Load(Path.Combine(WikinewsRelevanceFixture.Folder, "similar-judgments.tsv"));
        using var connection = wikinews.Corpus.Open();

        var report = SimilarEvaluation.Run(connection, judgments);
        output.WriteLine(report.ToTable());

        Assert.True(report.Articles.Count >= 30, $"{report.Articles.Count} judged articles");
        Assert.Empty(report.MissingArticles);
        // A changed algorithm that shows pairs nobody judged must have them judged (measure-similar lists them).
        double onTopic = report.OnTopic / (double)Math.Max(1, report.Judged + report.Unjudged);
        Assert.True(onTopic >= OnTopicFloor, $"on topic {onTopic:F3} ({report.OnTopic} of {report.Judged} judged, {report.Unjudged} unjudged)");
        Assert.True(report.OnTopicFound >= OnTopicFoundFloor, $"on-topic candidates shown {report.OnTopicFound:F3}");
    }

    [Fact]
    public void Judgments_that_are_not_pairs_are_refused_with_their_line()
    {
        var error = Assert.Throws<FormatException>(() => SimilarJudgments.Parse(["# note", "eb05acf716bca080\teb05acf716bca080\t1\tsame"], "j.tsv"));
        Assert.Contains("j.tsv:2", error.Message);
        Assert.Throws<FormatException>(() => SimilarJudgments.Parse(["eb05acf716bca080\t4c7533f389e13b62\tyes\twhy"]));
        Assert.Throws<FormatException>(() => SimilarJudgments.Parse(["eb05acf716bca080\t4c7533f389e13b62\t1"]));
        Assert.Throws<FormatException>(() => SimilarJudgments.Parse(["eb05acf716bca080\t4c7533f389e13b62\t1\ta", "eb05acf716bca080\t4c7533f389e13b62\t0\tb"]));
    }
}
