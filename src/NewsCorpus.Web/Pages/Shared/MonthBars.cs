using NewsCorpus.Articles;
using NewsCorpus.Charts;

namespace NewsCorpus.Web.Pages.Shared;

/// <summary>
/// A month histogram: every month of the span, empty ones included (an honest timeline shows gaps), each bar
/// a link. Rendered as server-side SVG with a table of the same figures beneath.
/// </summary>
public sealed record MonthBars(string Label, IReadOnlyList<MonthBar> Bars)
{
    public int Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Count);

    /// <summary>The URL parameters that choose a chart's months: <c>chart=all</c>, or <c>chart-from</c> / <c>chart-to</c> (yyyy-MM).</summary>
    public const string AllParameter = "chart", FromParameter = "chart-from", ToParameter = "chart-to";

    /// <summary>
    /// The months drawn, by <see cref="ChartRules"/>: the dense period unless the URL asks for every month or a range;
    /// empty stretches as gaps. Null when there is nothing to draw.
    /// </summary>
    public (ChartWindow Window, IReadOnlyList<(ChartSlot Slot, MonthBar? Bar)> Slots)? Shown(IQueryCollection query)
    {
        var counts = Bars.ToDictionary(b => b.Month, b => b.Count);
        YearMonth? Month(string name) => YearMonth.TryParse(query[name].ToString().Trim(), out var m) ? m : null;
        var window = ChartRules.Window(counts, Month(FromParameter), Month(ToParameter), whole: query[AllParameter] == "all");
        if (window is null) return null;
        var byMonth = Bars.ToDictionary(b => b.Month);
        var slots = ChartRules.Slots(counts, window)
            .Select(s => (s, s is MonthSlot m ? byMonth.GetValueOrDefault(m.Month) ?? new MonthBar(m.Month, 0, "", false) : null))
            .ToList();
        return (window, slots);
    }

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
