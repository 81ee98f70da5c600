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
}
