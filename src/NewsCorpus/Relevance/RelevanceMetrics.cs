namespace NewsCorpus.Relevance;

/// <summary>
/// The usual IR measures of one ranking against graded judgments. An article missing from the judgments has grade 0.
/// </summary>
public static class RelevanceMetrics
{
    /// <summary>Strict relevance: an article counts as relevant from this grade up.</summary>
    public const int RelevantGrade = 1;

    /// <summary>Relevant articles among the first <paramref name="k"/> of the ranking, over <paramref name="k"/> (a short ranking is not excused).</summary>
    public static double PrecisionAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return (double)RelevantIn(ranking, grades, k) / k;
    }

    /// <summary>
    /// Precision at R, R being the number of relevant articles: the first R results over R. It is what P@10 means
    /// for a query with fewer than ten relevant articles, where even a perfect ranking has P@10 = R / 10.
    /// 0 when nothing is relevant.
    /// </summary>
    public static double RPrecision(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades)
    {
        int relevant = grades.Values.Count(grade => grade >= RelevantGrade);
        return relevant == 0 ? 0 : (double)RelevantIn(ranking, grades, relevant) / relevant;
    }

    /// <summary>How many of the first <paramref name="k"/> results are relevant.</summary>
    public static int RelevantIn(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades, int k) =>
        ranking.Take(k).Count(id => Grade(grades, id) >= RelevantGrade);

    /// <summary>
    /// Discounted cumulative gain of the first <paramref name="k"/> gains: the grade itself as the gain (as trec_eval
    /// does), divided by log2(rank + 1), so rank 1 counts whole and rank 3 half.
    /// </summary>
    public static double DcgAt(IEnumerable<int> gains, int k) =>
        gains.Take(k).Select((gain, index) => gain / Math.Log2(index + 2)).Sum();

    /// <summary>
    /// DCG of the ranking over the DCG of the ideal ranking, which puts every judged article in grade order.
    /// 0 when nothing is relevant.
    /// </summary>
    public static double NdcgAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        double ideal = DcgAt(grades.Values.Where(grade => grade > 0).OrderDescending(), k);
        return ideal == 0 ? 0 : DcgAt(ranking.Select(id => Grade(grades, id)), k) / ideal;
    }

    static int Grade(IReadOnlyDictionary<string, int> grades, string id) => grades.TryGetValue(id, out var grade) ? grade : 0;
}
