using NewsCorpus.Articles;
using NewsCorpus.Charts;

namespace NewsCorpus.Tests.Research;

public class ChartRulesTests
{
    static YearMonth M(string s) => YearMonth.TryParse(s, out var m) ? m.Value : throw new ArgumentException(s);

    static Dictionary<YearMonth, int> Counts(params (string Month, int Count)[] counts) => counts.ToDictionary(c => M(c.Month), c => c.Count);

    /// <summary>The real corpus's shape: a dense year and 22 archive pieces dated decades earlier.</summary>
    static Dictionary<YearMonth, int> WithStrays()
    {
        var counts = new Dictionary<YearMonth, int>();
        for (int m = 1; m <= 12; m++) counts[new YearMonth(2022, m)] = 2137;
        counts[new YearMonth(2023, 1)] = 4;
        for (int i = 0; i < 22; i++) counts[new YearMonth(1991 + i % 30, 1 + i % 12)] = counts.GetValueOrDefault(new YearMonth(1991 + i % 30, 1 + i % 12)) + 1;
        return counts;
    }

    [Fact]
    public void By_default_a_chart_covers_the_dense_period_and_counts_what_it_leaves_out()
    {
        var counts = WithStrays();
        var window = ChartRules.Window(counts)!;
        Assert.Equal((M("2022-01"), M("2022-12")), (window.First, window.Last));
        Assert.Equal((22, 4), (window.Before, window.After));
        Assert.Equal(12 * 2137, window.Inside);
        Assert.False(window.Chosen);
        Assert.True(window.Inside >= 0.99 * counts.Values.Sum());
    }

    [Fact]
    public void A_small_or_even_corpus_is_shown_whole()
    {
        var seeds = ChartRules.Window(Counts(("2023-10", 1), ("2023-11", 1)))!;
        Assert.Equal((M("2023-10"), M("2023-11"), 0), (seeds.First, seeds.Last, seeds.Outside));
        var spread = ChartRules.Window(Counts(("2012-05", 10), ("2012-08", 30), ("2012-12", 55)))!;
        Assert.Equal((M("2012-05"), M("2012-12"), 0), (spread.First, spread.Last, spread.Outside));
        Assert.Null(ChartRules.Window(Counts()));
        Assert.Null(ChartRules.Window(Counts(("2020-01", 0))));
    }

    [Fact]
    public void The_reader_s_range_or_everything_replaces_the_default()
    {
        var counts = WithStrays();
        var all = ChartRules.Window(counts, whole: true)!;
        Assert.Equal((0, true), (all.Outside, all.Chosen));
        Assert.True(all.First.Year < 2000);
        var chosen = ChartRules.Window(counts, from: M("2022-06"))!;
        Assert.Equal((M("2022-06"), M("2023-01")), (chosen.First, chosen.Last));
        Assert.Equal(22 + 5 * 2137, chosen.Before);
        var swapped = ChartRules.Window(counts, from: M("2022-03"), to: M("2022-01"))!;
        Assert.Equal((M("2022-01"), M("2022-03")), (swapped.First, swapped.Last));
    }

    [Fact]
    public void Runs_of_empty_months_collapse_into_one_gap_short_ones_stay_bars()
    {
        var counts = Counts(("2020-01", 5), ("2020-03", 2), ("2020-09", 7));
        var slots = ChartRules.Slots(counts, ChartRules.Window(counts, whole: true)!);
        Assert.Equal<ChartSlot>(
            [new MonthSlot(M("2020-01"), 5), new MonthSlot(M("2020-02"), 0), new MonthSlot(M("2020-03"), 2),
             new GapSlot(M("2020-04"), M("2020-08"), 5), new MonthSlot(M("2020-09"), 7)], slots);
    }

    [Fact]
    public void A_long_window_is_drawn_a_bar_a_year_with_runs_of_empty_years_as_one_gap()
    {
        var counts = Counts(("1991-03", 1), ("1992-07", 2), ("1992-08", 1), ("1997-01", 1), ("2022-01", 40), ("2022-06", 60));
        var slots = ChartRules.Slots(counts, ChartRules.Window(counts, whole: true)!);
        Assert.Equal<ChartSlot>(
            [new YearSlot(1991, 1), new YearSlot(1992, 3), new GapSlot(M("1993-01"), M("1996-12"), 48), new YearSlot(1997, 1),
             new GapSlot(M("1998-01"), M("2021-12"), 24 * 12), new YearSlot(2022, 100)], slots);
        // Five years are still drawn by month; a year alone between two full ones stays a bar.
        var fiveYears = Counts(("2018-01", 1), ("2022-12", 1));
        Assert.All(ChartRules.Slots(fiveYears, ChartRules.Window(fiveYears, whole: true)!), s => Assert.IsNotType<YearSlot>(s));
        var oneEmptyYear = Counts(("2010-01", 1), ("2012-01", 1), ("2016-06", 1));
        Assert.Contains(new YearSlot(2011, 0), ChartRules.Slots(oneEmptyYear, ChartRules.Window(oneEmptyYear, whole: true)!));
    }

    [Fact]
    public void A_share_needs_a_handful_of_articles_to_be_drawn()
    {
        Assert.False(ChartRules.ShareIsDrawn(0));
        Assert.False(ChartRules.ShareIsDrawn(4));
        Assert.True(ChartRules.ShareIsDrawn(5));
    }

    static ChartWindow Months(string first, string last) => new(M(first), M(last), 0, 0, 0, true);

    [Theory]
    [InlineData("2023-03", "2023-03", true, ChartStep.Day)]
    [InlineData("2023-03", "2023-03", false, ChartStep.Month)]
    [InlineData("2023-03", "2023-04", true, ChartStep.Week)]
    [InlineData("2023-01", "2023-06", true, ChartStep.Week)]
    [InlineData("2023-01", "2023-07", true, ChartStep.Month)]
    [InlineData("2019-01", "2023-12", true, ChartStep.Month)]
    [InlineData("2018-12", "2023-12", true, ChartStep.Year)]
    public void The_bars_fit_the_span_and_are_days_or_weeks_only_when_the_articles_give_their_day(string first, string last, bool daysKnown, ChartStep expected)
    {
        var window = Months(first, last);
        Assert.Equal(expected, ChartRules.Step(window, daysKnown));
        Assert.Equal(expected is ChartStep.Day or ChartStep.Week || !daysKnown && ChartRules.Step(window, true) is ChartStep.Day or ChartStep.Week, ChartRules.WantsDays(window));
    }

    [Fact]
    public void A_month_by_day_keeps_every_dated_article_and_collapses_long_empty_runs()
    {
        var window = Months("2024-02", "2024-02");
        DatedCount[] counts = [new(M("2024-02"), 1, 3), new(M("2024-02"), 2, 1), new(M("2024-02"), 4, 2), new(M("2024-02"), 29, 5),
            new(M("2024-02"), null, 7), new(M("2024-03"), 1, 9)];
        var slots = ChartRules.DaySlots(counts, window, ChartStep.Day);
        Assert.Equal(11, slots.OfType<DaySlot>().Sum(d => d.Count));   // the month-only and the March articles are not in a day bar
        Assert.Equal(7, ChartRules.MonthOnly(counts, window));
        // 1, 2, an empty 3rd alone (a bar), 4, then 5–28 empty (one gap), 29.
        Assert.Equal([1, 2, 3, 4], slots.OfType<DaySlot>().Take(4).Select(d => d.Day.Day));
        var gap = Assert.Single(slots.OfType<DayGapSlot>());
        Assert.Equal((new DateOnly(2024, 2, 5), new DateOnly(2024, 2, 28), 24), (gap.From, gap.To, gap.Days));
        Assert.Equal(new DateOnly(2024, 2, 29), ((DaySlot)slots[^1]).Day);
    }

    [Fact]
    public void Weeks_run_monday_to_sunday_cut_to_the_window_and_cover_every_day_once()
    {
        var window = Months("2023-03", "2023-04");
        var counts = Enumerable.Range(1, 31).Select(d => new DatedCount(M("2023-03"), d, 1))
            .Concat(Enumerable.Range(1, 30).Select(d => new DatedCount(M("2023-04"), d, 2))).ToList();
        var weeks = ChartRules.DaySlots(counts, window, ChartStep.Week).Cast<WeekSlot>().ToList();
        Assert.Equal((new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 5)), (weeks[0].First, weeks[0].Last));   // Wednesday to Sunday
        Assert.All(weeks.Skip(1), w => Assert.Equal(DayOfWeek.Monday, w.First.DayOfWeek));
        Assert.All(weeks.SkipLast(1), w => Assert.Equal(DayOfWeek.Sunday, w.Last.DayOfWeek));
        Assert.Equal(new DateOnly(2023, 4, 30), weeks[^1].Last);
        Assert.Equal(31 + 60, weeks.Sum(w => w.Count));
        Assert.Equal(61, weeks.Sum(w => w.Last.DayNumber - w.First.DayNumber + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartRules.DaySlots(counts, window, ChartStep.Month));
    }
}
