using NewsCorpus.Articles;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Charts;
using NewsCorpus.Storage;

namespace NewsCorpus.Web.Pages.Shared;

/// <summary>
/// A histogram over time: every month of the span, empty ones included (an honest timeline shows gaps), each bar
/// a link; by year, week or day when the window shown calls for it (<see cref="ChartRules.Step"/>). Rendered as
/// server-side SVG with a table of the same figures beneath.
/// </summary>
public sealed record MonthBars(string Label, IReadOnlyList<MonthBar> Bars)
{
    public int Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Count);

    /// <summary>The articles of the window shown by day, read by <see cref="WithDays"/> when the window is short enough for day or week bars.</summary>
    public IReadOnlyList<DatedCount>? Days { get; init; }

    /// <summary>The day of the window's month whose bar is marked as the one shown.</summary>
    public int? SelectedDay { get; init; }

    /// <summary>Where a day's bar leads; without it, to its month's link.</summary>
    public Func<DateOnly, string>? DayLink { get; init; }

    /// <summary>
    /// This chart with its window's articles counted by day when the window shown is a few months or less, so its
    /// bars can be weeks or days; <paramref name="countDays"/> gets the first and last month of the window.
    /// </summary>
    public async Task<MonthBars> WithDays(IQueryCollection query, Func<YearMonth, YearMonth, Task<List<DatedCount>>> countDays, Func<DateOnly, string>? dayLink = null)
    {
        if (Window(query) is not { } window || !ChartRules.WantsDays(window)) return this;
        return this with { Days = await countDays(window.First, window.Last), DayLink = dayLink };
    }

    /// <summary>The articles of <paramref name="articles"/> counted by day, the way <see cref="WithDays"/> asks for them.</summary>
    public static Func<YearMonth, YearMonth, Task<List<DatedCount>>> DaysOf(IQueryable<Article> articles) => async (first, last) =>
    {
        string from = first.ToString(), to = last.ToString();
        var rows = await articles.Where(a => string.Compare(a.Month, from) >= 0 && string.Compare(a.Month, to) <= 0)
            .GroupBy(a => new { a.Month, a.Day }).Select(g => new { g.Key.Month, g.Key.Day, Count = g.Count() }).ToListAsync();
        return rows.Select(r => DatedCount.Read(r.Month, r.Day, r.Count)).OfType<DatedCount>().ToList();
    };

    /// <summary>Where the bar of a day leads.</summary>
    public string LinkOf(DateOnly day) =>
        DayLink?.Invoke(day) ?? Bars.FirstOrDefault(b => b.Month == new YearMonth(day.Year, day.Month))?.Link ?? "";

    /// <summary>The URL parameters that choose a chart's months: <c>chart=all</c>, or <c>chart-from</c> / <c>chart-to</c> (yyyy-MM).</summary>
    public const string AllParameter = "chart", FromParameter = "chart-from", ToParameter = "chart-to";

    /// <summary>The months shown, by <see cref="ChartRules.Window"/>: the dense period unless the URL asks for every month or a range.</summary>
    ChartWindow? Window(IQueryCollection query)
    {
        YearMonth? Month(string name) => YearMonth.TryParse(query[name].ToString().Trim(), out var m) ? m : null;
        return ChartRules.Window(Bars.ToDictionary(b => b.Month, b => b.Count), Month(FromParameter), Month(ToParameter), whole: query[AllParameter] == "all");
    }

    /// <summary>
    /// What is drawn, by <see cref="ChartRules"/>: the window, what a bar stands for, the slots (a month's slot with
    /// its bar), empty stretches as gaps, and the articles of the window dated to the month only when the bars are
    /// days or weeks. Null when there is nothing to draw.
    /// </summary>
    public Chart? Shown(IQueryCollection query)
    {
        if (Window(query) is not { } window) return null;
        var step = ChartRules.Step(window, daysKnown: Days?.Any(d => d.Day is not null && d.Count > 0) == true);
        if (step is ChartStep.Day or ChartStep.Week)
            return new Chart(window, step, ChartRules.DaySlots(Days!, window, step).Select(s => (s, (MonthBar?)null)).ToList(), ChartRules.MonthOnly(Days!, window));
        var byMonth = Bars.ToDictionary(b => b.Month);
        var slots = ChartRules.Slots(Bars.ToDictionary(b => b.Month, b => b.Count), window)
            .Select(s => (s, s is MonthSlot m ? byMonth.GetValueOrDefault(m.Month) ?? new MonthBar(m.Month, 0, "", false) : null))
            .ToList();
        return new Chart(window, step, slots, 0);
    }

    /// <param name="MonthOnly">Articles of the window without a day, left out of day and week bars.</param>
    public sealed record Chart(ChartWindow Window, ChartStep Step, IReadOnlyList<(ChartSlot Slot, MonthBar? Bar)> Slots, int MonthOnly);

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
