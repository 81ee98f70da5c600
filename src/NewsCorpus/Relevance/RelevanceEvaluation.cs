using System.Data.Common;
using System.Globalization;
using System.Text;
using NewsCorpus.Search;

namespace NewsCorpus.Relevance;

/// <summary>One result of the first page: its id, its title and its judged grade (0 when not judged).</summary>
public sealed record RankedArticle(string Id, string Title, int Grade);

/// <summary>What the search returned for one judged query, and how good it was.</summary>
/// <param name="Ranking">The first page, in the order shown.</param>
/// <param name="Relevant">Articles judged relevant (grade ≥ 1): R.</param>
/// <param name="RelevantFound">Of those, how many the first page shows.</param>
public sealed record QueryMeasure(
    string Query, IReadOnlyList<RankedArticle> Ranking, int Total, int Relevant, int RelevantFound,
    double PrecisionAt10, double RPrecision, double NdcgAt10);

/// <summary>Every judged query's measures and their means (each query weighs the same).</summary>
/// <param name="MissingArticles">Judged article ids the store does not hold: a judgment that cannot be met, usually a typo or the wrong store.</param>
public sealed record RelevanceReport(IReadOnlyList<QueryMeasure> Queries, IReadOnlyList<string> MissingArticles)
{
    public double MeanPrecisionAt10 => Queries.Average(q => q.PrecisionAt10);
    public double MeanRPrecision => Queries.Average(q => q.RPrecision);
    public double MeanNdcgAt10 => Queries.Average(q => q.NdcgAt10);

    /// <summary>A plain-text table: one row per query, then the means.</summary>
    public string ToTable()
    {
        var inv = CultureInfo.InvariantCulture;
        int width = Math.Max("query".Length, Queries.Max(q => q.Query.Length));
        var text = new StringBuilder();
        text.AppendLine(string.Create(inv, $"{"query".PadRight(width)}  P@10  R-prec  nDCG@10  found/relevant  matches"));
        foreach (var q in Queries)
            text.AppendLine(string.Create(inv,
                $"{q.Query.PadRight(width)}  {q.PrecisionAt10,4:F2}  {q.RPrecision,6:F2}  {q.NdcgAt10,7:F3}  {$"{q.RelevantFound}/{q.Relevant}",14}  {q.Total,7}"));
        text.AppendLine(string.Create(inv,
            $"{$"mean of {Queries.Count}".PadRight(width)}  {MeanPrecisionAt10,4:F2}  {MeanRPrecision,6:F2}  {MeanNdcgAt10,7:F3}  {$"{Queries.Sum(q => q.RelevantFound)}/{Queries.Sum(q => q.Relevant)}",14}"));
        return text.ToString();
    }

    /// <summary>Each query's first page, one line a result with its grade, to see why a query scores as it does.</summary>
    public string ToDetails()
    {
        var text = new StringBuilder();
        foreach (var q in Queries)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{q.Query}  ({q.Total} matches)");
            for (int i = 0; i < q.Ranking.Count; i++)
            {
                var article = q.Ranking[i];
                var title = article.Title.Length > 80 ? article.Title[..80] + "…" : article.Title;
                text.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1,2}. [{article.Grade}] {article.Id}  {title}");
            }
        }
        return text.ToString();
    }
}

/// <summary>
/// Runs every judged query through the real search (relevance order, the first page of ten) on an open store and
/// measures the page against the judgments: strict P@10, R-precision and graded nDCG@10 (see <see cref="RelevanceMetrics"/>).
/// </summary>
public static class RelevanceEvaluation
{
    public const int Depth = 10;

    public static RelevanceReport Run(DbConnection connection, RelevanceJudgments judgments)
    {
        var search = CorpusSearch.For(connection);
        var measures = new List<QueryMeasure>();
        foreach (var judged in judgments.Queries)
        {
            var results = search.Search(new SearchRequest(judged.Query, SearchFilters.None, SearchSort.Relevance, Page: 1, PageSize: Depth));
            var ranking = results.Hits.Select(hit => hit.Id).ToList();
            var shown = results.Hits.Select(hit => new RankedArticle(hit.Id, hit.Title, judged.Grades.GetValueOrDefault(hit.Id))).ToList();
            measures.Add(new QueryMeasure(
                judged.Query, shown, results.Total, judged.RelevantCount,
                RelevanceMetrics.RelevantIn(ranking, judged.Grades, Depth),
                RelevanceMetrics.PrecisionAt(ranking, judged.Grades, Depth),
                RelevanceMetrics.RPrecision(ranking, judged.Grades),
                RelevanceMetrics.NdcgAt(ranking, judged.Grades, Depth)));
        }
        return new RelevanceReport(measures, MissingArticles(connection, judgments));
    }

    static List<string> MissingArticles(DbConnection connection, RelevanceJudgments judgments)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            // Both stores name the table and column alike; the corpora judged here are small enough to read whole.
            command.CommandText = "SELECT id FROM articles";
            using var reader = command.ExecuteReader();
            while (reader.Read()) stored.Add(reader.GetString(0));
        }
        return judgments.Queries.SelectMany(q => q.Grades.Keys).Distinct().Where(id => !stored.Contains(id)).Order(StringComparer.Ordinal).ToList();
    }
}
