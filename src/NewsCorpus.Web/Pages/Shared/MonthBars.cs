using NewsCorpus.Articles;

namespace NewsCorpus.Web.Pages.Shared;

/// <summary>
/// A month histogram: every month of the span, empty ones included (an honest timeline shows gaps), each bar
/// a link. Rendered as server-side SVG with a table of the same figures beneath.
/// </summary>
public sealed record MonthBars(string Label, IReadOnlyList<MonthBar> Bars)
{
    public int Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Count);

    public static MonthBars Create(string label, IEnumerable<(string Month, int Count)> counts, Func<YearMonth, string> link, string? selected = null)
    {
        var byMonth = new Dictionary<YearMonth, int>();
        foreach (var (month, count) in counts)
            if (YearMonth.TryParse(month, out var ym)) byMonth[ym.Value] = count;
        if (byMonth.Count == 0) return new MonthBars(label, []);
        var bars = YearMonth.Range(byMonth.Keys.Min(), byMonth.Keys.Max())
            .Select(m => new MonthBar(m, byMonth.GetValueOrDefault(m), link(m), m.ToString() == selected))
            .ToList();
        return new MonthBars(label, bars);
    }
}

public sealed record MonthBar(YearMonth Month, int Count, string Link, bool Selected);
