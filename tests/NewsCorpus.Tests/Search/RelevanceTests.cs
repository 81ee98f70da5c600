using System.Globalization;
using NewsCorpus.Relevance;
using NewsCorpus.Tests.Support;
using Xunit.Abstractions;

namespace NewsCorpus.Tests.Search;

/// <summary>The 95 Wikinews articles imported once, and the judged queries run through the search on them.</summary>
public sealed class WikinewsRelevanceFixture : IDisposable
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Data", "wikinews-fr-2012");

    public TestCorpus Corpus { get; } = new(withSeeds: false);
    public int Imported { get; }
    public int Rejected { get; }
    public RelevanceJudgments Judgments { get; }
    public RelevanceReport Report { get; }

    public WikinewsRelevanceFixture()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "articles"), "*.txt"))
            File.Copy(file, Path.Combine(Corpus.Articles, Path.GetFileName(file)));
        var import = Corpus.Import();
        Imported = import.Imported;
        Rejected = import.Rejected.Count;
        Judgments = RelevanceJudgments.Load(Path.Combine(Folder, "qrels.tsv"));
        using var connection = Corpus.Open();
        Report = RelevanceEvaluation.Run(connection, Judgments);
    }

    public void Dispose() => Corpus.Dispose();
}

public sealed class RelevanceTests(WikinewsRelevanceFixture wikinews, ITestOutputHelper output) : IClassFixture<WikinewsRelevanceFixture>
{
    // Set a little below what the search reaches (P@10 0.29, R-precision 0.90, nDCG@10 0.940, worst query nDCG@10
    // 0.613; when the judgments were written, before names and typing were handled: 0.29, 0.88, 0.936): a change
    // that makes the search worse on real text fails here.
    // P@10 is low by construction: these queries have 1 to 10 relevant articles, 3.3 on average.
    const double MeanPrecisionFloor = 0.27;
    const double MeanRPrecisionFloor = 0.88;
    const double MeanNdcgFloor = 0.92;
    const double WorstQueryNdcgFloor = 0.50;

    [Fact]
    public void Every_article_imports_and_every_judged_article_is_in_the_store()
    {
        Assert.Equal(95, wikinews.Imported);
        Assert.Equal(0, wikinews.Rejected);
        Assert.Empty(wikinews.Report.MissingArticles);
    }

    [Fact]
    public void At_least_thirty_queries_are_judged() =>
        Assert.True(wikinews.Judgments.Queries.Count >= 30, $"{wikinews.Judgments.Queries.Count} queries judged");

    [Fact]
    public void Search_on_the_wikinews_articles_stays_above_the_relevance_floors()
    {
        var report = wikinews.Report;
        output.WriteLine(report.ToTable());
        output.WriteLine(report.ToDetails());
        var inv = CultureInfo.InvariantCulture;
        Assert.True(report.MeanPrecisionAt10 >= MeanPrecisionFloor, string.Create(inv, $"mean P@10 {report.MeanPrecisionAt10:F3} < {MeanPrecisionFloor}"));
        Assert.True(report.MeanRPrecision >= MeanRPrecisionFloor, string.Create(inv, $"mean R-precision {report.MeanRPrecision:F3} < {MeanRPrecisionFloor}"));
        Assert.True(report.MeanNdcgAt10 >= MeanNdcgFloor, string.Create(inv, $"mean nDCG@10 {report.MeanNdcgAt10:F3} < {MeanNdcgFloor}"));
        var worst = report.Queries.MinBy(q => q.NdcgAt10)!;
        Assert.True(worst.NdcgAt10 >= WorstQueryNdcgFloor, string.Create(inv, $"'{worst.Query}' nDCG@10 {worst.NdcgAt10:F3} < {WorstQueryNdcgFloor}"));
    }

    [Fact]
    public void Typing_without_accents_measures_the_same_as_typing_them()
    {
        var accented = wikinews.Report.Queries.Single(q => q.Query == "Québec");
        var bare = wikinews.Report.Queries.Single(q => q.Query == "quebec");
        Assert.Equal(accented.Ranking.Select(a => a.Id), bare.Ranking.Select(a => a.Id));
    }
}

public class RelevanceMetricsTests
{
    static readonly Dictionary<string, int> Grades = new() { ["a"] = 2, ["b"] = 1, ["c"] = 2, ["z"] = 0 };

    [Fact]
    public void Ndcg_of_a_ranking_worked_out_by_hand()
    {
        // DCG = 2/log2(2) + 0/log2(3) + 1/log2(4) = 2.5; ideal [2, 2, 1] = 2 + 2/log2(3) + 1/2 = 3.76186.
        Assert.Equal(0.664565, RelevanceMetrics.NdcgAt(["a", "x", "b"], Grades, 10), 6);
    }

    [Fact]
    public void Ndcg_rewards_the_relevant_article_less_the_lower_it_is()
    {
        var grades = new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 };
        // 2/log2(3) over 2 + 1/log2(3).
        Assert.Equal(0.479625, RelevanceMetrics.NdcgAt(["x", "a"], grades, 10), 6);
        Assert.Equal(1.0, RelevanceMetrics.NdcgAt(["a", "b", "x"], grades, 10), 12);
        Assert.True(RelevanceMetrics.NdcgAt(["b", "a"], grades, 10) < 1);
    }

    [Fact]
    public void Ndcg_only_counts_the_first_k_results()
    {
        var grades = new Dictionary<string, int> { ["a"] = 1 };
        Assert.Equal(0, RelevanceMetrics.NdcgAt(["x", "y", "a"], grades, 2));
        Assert.Equal(0.5, RelevanceMetrics.NdcgAt(["x", "y", "a"], grades, 3), 12);
    }

    [Fact]
    public void Dcg_discounts_by_log2_of_the_rank_plus_one() =>
        Assert.Equal(3 + 2 / Math.Log2(3) + 3 / 2.0, RelevanceMetrics.DcgAt([3, 2, 3, 9], 3), 12);

    [Fact]
    public void Precision_at_10_is_strict_and_does_not_excuse_a_short_page()
    {
        // a and b are relevant, z is judged not relevant (grade 0), x was never judged.
        Assert.Equal(0.2, RelevanceMetrics.PrecisionAt(["a", "z", "x", "b"], Grades, 10), 12);
        Assert.Equal(0.5, RelevanceMetrics.PrecisionAt(["a", "z", "x", "b"], Grades, 2), 12);
        Assert.Equal(0, RelevanceMetrics.PrecisionAt([], Grades, 10));
    }

    [Fact]
    public void R_precision_looks_at_as_many_results_as_there_are_relevant_articles()
    {
        // R = 3 (a, b, c): the first three hold a and b.
        Assert.Equal(2.0 / 3, RelevanceMetrics.RPrecision(["a", "x", "b", "c"], Grades), 12);
        Assert.Equal(1.0, RelevanceMetrics.RPrecision(["c", "b", "a", "x"], Grades), 12);
    }

    [Fact]
    public void Judgments_skip_comments_and_the_header_and_keep_the_query_order()
    {
        var judgments = RelevanceJudgments.Parse([
            "# how they were judged", RelevanceJudgments.Header,
            "Mali\t018d0ade9c3f0fd9\t2", "", "Syrie\tbf15f6ca21484dd9\t1", "Mali\t6c266205dad1def8\t0",
        ]);
        Assert.Equal(["Mali", "Syrie"], judgments.Queries.Select(q => q.Query));
        Assert.Equal(1, judgments.Queries[0].RelevantCount);
        Assert.Equal(0, judgments.Queries[0].Grades["6c266205dad1def8"]);
    }

    [Theory]
    [InlineData("Mali\t018d0ade9c3f0fd9", "expected 3")]
    [InlineData("Mali\tnot-an-id\t2", "16 hex")]
    [InlineData("Mali\t018d0ade9c3f0fd9\ttwo", "grade")]
    [InlineData("Mali\t018d0ade9c3f0fd9\t2\nMali\t018d0ade9c3f0fd9\t1", "twice")]
    [InlineData("Mali\t018d0ade9c3f0fd9\t0", "no article of grade 1")]
    public void Judgments_that_cannot_be_read_say_where_and_why(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => RelevanceJudgments.Parse(text.Split('\n'), "qrels.tsv"));
        Assert.Contains(reason, error.Message);
        Assert.StartsWith("qrels.tsv", error.Message);
    }
}
