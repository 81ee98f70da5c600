using System.Data.Common;
using NewsCorpus.Articles;
using NewsCorpus.Charts;
using NewsCorpus.Search;

namespace NewsCorpus.Research;

public sealed record TrendPoint(YearMonth Month, int Articles, int MonthTotal)
{
    /// <summary>The share of that month's articles that match; 0 for a month with no articles at all.</summary>
    public double Share => MonthTotal == 0 ? 0 : (double)Articles / MonthTotal;

    /// <summary>Whether the month holds enough articles for its share to be drawn as a point (<see cref="ChartRules.ShareIsDrawn"/>).</summary>
    public bool ShareIsDrawn => ChartRules.ShareIsDrawn(MonthTotal);
}

public sealed record TrendSeries(string Query, IReadOnlyList<TrendPoint> Points, IReadOnlyList<QueryNotice> Notices)
{
    public int Total => Points.Sum(p => p.Articles);
}

/// <param name="Months">The months charted: the window's (<see cref="Window"/>), in order.</param>
public sealed record Trend(IReadOnlyList<TrendSeries> Series, IReadOnlyList<YearMonth> Months)
{
    /// <summary>The months charted and the articles left outside them; null when the corpus (as filtered) is empty.</summary>
    public ChartWindow? Window { get; init; }
}

/// <summary>
/// Attention over time: for each query, the matching articles of every month and their share of all that
/// month's articles. Raw counts mislead when the corpus grows, so the share is what the chart shows by default.
/// </summary>
public static class Trends
{
    public const int MaxQueries = 5;

    /// <param name="whole">Chart every month rather than the dense period (<see cref="ChartRules.Window"/>).</param>
    public static Trend Compute(DbConnection connection, IEnumerable<string> queries, SearchFilters filters, bool whole = false)
    {
        var search = CorpusSearch.For(connection);
        var wanted = queries.Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim()).Distinct().Take(MaxQueries).ToList();
        // The denominator keeps the filters but not the words: "what share of the articles about Mali this month".
        var totals = search.MonthCounts(null, filters, out _).ToDictionary(m => m.Month, m => m.Count);
        var counted = wanted.Select(q => (Query: q, Counts: search.MonthCounts(q, filters, out var parsed), Parsed: parsed)).ToList();
        // A query's own filters (source:, pays:…) make its own denominator: "Mali source:rfi" is the share of RFI's
        // articles, so two outlets compare by their own volumes in one chart.
        var ownTotals = counted.Select(c => c.Parsed.Filters.KeepsTheSameAs(filters)
            ? totals : search.MonthCounts(null, c.Parsed.Filters, out _).ToDictionary(m => m.Month, m => m.Count)).ToList();

        var byMonth = totals.Where(t => YearMonth.TryParse(t.Key, out _)).ToDictionary(t => YearMonth.TryParse(t.Key, out var ym) ? ym!.Value : default, t => t.Value);
        // The window follows the corpus (as filtered), not the queries: every series is charted over the same months.
        var window = ChartRules.Window(byMonth, whole: whole);
        if (window is null) return new Trend(counted.Select(c => new TrendSeries(c.Query, [], c.Parsed.Notices)).ToList(), []);
        var span = YearMonth.Range(window.First, window.Last).ToList();
        var series = counted.Select((c, i) =>
        {
            var byMonth = c.Counts.ToDictionary(m => m.Month, m => m.Count);
            var points = span.Select(m => new TrendPoint(m, byMonth.GetValueOrDefault(m.ToString()), ownTotals[i].GetValueOrDefault(m.ToString()))).ToList();
            return new TrendSeries(c.Query, points, c.Parsed.Notices);
        }).ToList();
        return new Trend(series, span) { Window = window };
    }
}
