using NewsCorpus.Articles;

namespace NewsCorpus.Charts;

/// <summary>
/// The months a chart shows. By default the dense period: the shortest span of months holding
/// <see cref="ChartRules.DenseShare"/> of the articles, so a few stray dates decades away do not squeeze the bulk
/// into a sliver; <see cref="Before"/> and <see cref="After"/> count the articles left out on each side.
/// </summary>
/// <param name="Chosen">True when the reader chose the range (or asked for everything) rather than the default.</param>
public sealed record ChartWindow(YearMonth First, YearMonth Last, int Inside, int Before, int After, bool Chosen)
{
    public int Outside => Before + After;
    public bool Contains(YearMonth month) => month >= First && month <= Last;
}

/// <summary>A place on a chart's axis: a month, or a run of empty months drawn as one narrow gap.</summary>
public abstract record ChartSlot;

public sealed record MonthSlot(YearMonth Month, int Count) : ChartSlot;

/// <summary>A year's articles as one bar, when the window is too long for a bar a month.</summary>
public sealed record YearSlot(int Year, int Count) : ChartSlot;

/// <summary><see cref="Months"/> consecutive months without an article, from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record GapSlot(YearMonth From, YearMonth To, int Months) : ChartSlot;

/// <summary>A day's articles, when the window is one month and the articles give their day.</summary>
public sealed record DaySlot(DateOnly Day, int Count) : ChartSlot;

/// <summary>A week's articles (Monday to Sunday, cut to the window at its ends), for a window of a few months.</summary>
public sealed record WeekSlot(DateOnly First, DateOnly Last, int Count) : ChartSlot;

/// <summary>A run of days (or whole weeks) without an article, drawn as one narrow gap.</summary>
public sealed record DayGapSlot(DateOnly From, DateOnly To) : ChartSlot
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>How many articles fall on a day of a month; <see cref="Day"/> null for those the data dates to the month only.</summary>
public sealed record DatedCount(YearMonth Month, int? Day, int Count)
{
    /// <summary>The count of a stored month (yyyy-MM) and day; null for a month the store should never hold.</summary>
    public static DatedCount? Read(string month, int? day, int count) =>
        YearMonth.TryParse(month, out var m) ? new DatedCount(m.Value, day, count) : null;
}

/// <summary>What one bar of a chart stands for.</summary>
public enum ChartStep { Day, Week, Month, Year }

/// <summary>
/// The rules every chart follows (the home histogram, country and entity pages, search facets, trends), in one
/// place: which months to show, how empty stretches are drawn, and when a share rests on too few articles to draw.
/// </summary>
public static class ChartRules
{
    /// <summary>The share of the articles the default period holds.</summary>
    public const double DenseShare = 0.99;

    /// <summary>A share of a month with fewer articles than this is not drawn as a point (one article of one is 100 %).</summary>
    public const int MinArticlesForShare = 5;

    /// <summary>Empty months in a row from which they are drawn as one gap rather than a bar each.</summary>
    public const int MinCollapsedRun = 3;

    /// <summary>A window longer than this many months is drawn a bar a year (30 years of stray dates are 30 bars, not 360).</summary>
    public const int MaxMonthBars = 60;

    /// <summary>A window of at most this many months is drawn a bar a week when the articles give their day (at most 27 bars).</summary>
    public const int MaxWeekBarMonths = 6;

    static int MonthsIn(ChartWindow window) => (window.Last.Year - window.First.Year) * 12 + window.Last.Month - window.First.Month + 1;

    /// <summary>Whether the bars of this window could be days or weeks, so the day of each article is worth reading.</summary>
    public static bool WantsDays(ChartWindow window) => MonthsIn(window) <= MaxWeekBarMonths;

    /// <summary>
    /// The granularity that fits the window: a bar a day for one month, a week for up to
    /// <see cref="MaxWeekBarMonths"/> months, a month up to <see cref="MaxMonthBars"/>, else a year. Days and weeks
    /// only when <paramref name="daysKnown"/>: when some article of the window gives its day.
    /// </summary>
    public static ChartStep Step(ChartWindow window, bool daysKnown)
    {
        int months = MonthsIn(window);
        if (months > MaxMonthBars) return ChartStep.Year;
        if (daysKnown && months == 1) return ChartStep.Day;
        if (daysKnown && months <= MaxWeekBarMonths) return ChartStep.Week;
        return ChartStep.Month;
    }

    /// <summary>Whether a window is drawn by year rather than by month.</summary>
    static bool ByYear(ChartWindow window) => Step(window, daysKnown: false) == ChartStep.Year;

    /// <summary>Whether a share computed over a month's <paramref name="monthTotal"/> articles is worth a point on a chart.</summary>
    public static bool ShareIsDrawn(int monthTotal) => monthTotal >= MinArticlesForShare;

    /// <summary>
    /// The months to chart for these counts: <paramref name="from"/> to <paramref name="to"/> when the reader gave
    /// either (the other end taken from the data), every month when <paramref name="whole"/>, else the dense period.
    /// Null when there is nothing to chart.
    /// </summary>
    public static ChartWindow? Window(IReadOnlyDictionary<YearMonth, int> counts, YearMonth? from = null, YearMonth? to = null, bool whole = false)
    {
        var months = counts.Where(c => c.Value > 0).OrderBy(c => c.Key).ToList();
        if (months.Count == 0) return null;
        int total = months.Sum(m => m.Value);
        YearMonth first, last;
        bool chosen = whole || from is not null || to is not null;
        if (from is not null || to is not null)
        {
            first = from ?? months[0].Key;
            last = to ?? months[^1].Key;
            if (last < first) (first, last) = (last, first);
        }
        else if (whole) (first, last) = (months[0].Key, months[^1].Key);
        else (first, last) = Dense(months, total);

        int before = months.Where(m => m.Key < first).Sum(m => m.Value);
        int after = months.Where(m => m.Key > last).Sum(m => m.Value);
        return new ChartWindow(first, last, total - before - after, before, after, chosen);
    }

    /// <summary>The shortest span holding <see cref="DenseShare"/> of the articles; among equal spans the fuller, then the later.</summary>
    static (YearMonth First, YearMonth Last) Dense(List<KeyValuePair<YearMonth, int>> months, int total)
    {
        long need = (long)Math.Ceiling(total * DenseShare - 1e-9);
        static int Index(YearMonth m) => m.Year * 12 + m.Month - 1;
        int bestStart = 0, bestEnd = months.Count - 1;
        long bestSum = total;
        long sum = 0;
        int start = 0;
        for (int end = 0; end < months.Count; end++)
        {
            sum += months[end].Value;
            // Drop months from the start while what is left still holds enough.
            while (start < end && sum - months[start].Value >= need) sum -= months[start++].Value;
            if (sum < need) continue;
            int span = Index(months[end].Key) - Index(months[start].Key);
            int bestSpan = Index(months[bestEnd].Key) - Index(months[bestStart].Key);
            if (span < bestSpan || (span == bestSpan && sum >= bestSum))
                (bestStart, bestEnd, bestSum) = (start, end, sum);
        }
        return (months[bestStart].Key, months[bestEnd].Key);
    }

    /// <summary>
    /// The window's months in order, empty ones included, except that <see cref="MinCollapsedRun"/> or more empty
    /// months in a row become one <see cref="GapSlot"/>; a window of more than <see cref="MaxMonthBars"/> months
    /// is drawn a year a bar, runs of two or more empty years as one gap.
    /// </summary>
    public static IReadOnlyList<ChartSlot> Slots(IReadOnlyDictionary<YearMonth, int> counts, ChartWindow window)
    {
        if (ByYear(window)) return YearSlots(counts, window);
        var slots = new List<ChartSlot>();
        var empty = new List<YearMonth>();
        void FlushEmpty()
        {
            if (empty.Count >= MinCollapsedRun) slots.Add(new GapSlot(empty[0], empty[^1], empty.Count));
            else slots.AddRange(empty.Select(m => new MonthSlot(m, 0)));
            empty.Clear();
        }
        foreach (var month in YearMonth.Range(window.First, window.Last))
        {
            int count = counts.GetValueOrDefault(month);
            if (count == 0) { empty.Add(month); continue; }
            FlushEmpty();
            slots.Add(new MonthSlot(month, count));
        }
        FlushEmpty();
        return slots;
    }

    static List<ChartSlot> YearSlots(IReadOnlyDictionary<YearMonth, int> counts, ChartWindow window)
    {
        var slots = new List<ChartSlot>();
        int emptyFrom = 0, emptyYears = 0;
        void FlushEmpty()
        {
            if (emptyYears >= 2) slots.Add(new GapSlot(new YearMonth(emptyFrom, 1), new YearMonth(emptyFrom + emptyYears - 1, 12), emptyYears * 12));
            else for (int y = emptyFrom; y < emptyFrom + emptyYears; y++) slots.Add(new YearSlot(y, 0));
            emptyYears = 0;
        }
        for (int year = window.First.Year; year <= window.Last.Year; year++)
        {
            int count = counts.Where(c => c.Key.Year == year && window.Contains(c.Key)).Sum(c => c.Value);
            if (count == 0)
            {
                if (emptyYears++ == 0) emptyFrom = year;
                continue;
            }
            FlushEmpty();
            slots.Add(new YearSlot(year, count));
        }
        FlushEmpty();
        return slots;
    }

    /// <summary>
    /// The window's days (<see cref="ChartStep.Day"/>) or weeks (<see cref="ChartStep.Week"/>) in order, empty ones
    /// included, except that <see cref="MinCollapsedRun"/> or more empty slots in a row become one
    /// <see cref="DayGapSlot"/>. Articles dated to the month only have no place among them: <see cref="MonthOnly"/>
    /// counts them, for the chart to say so.
    /// </summary>
    public static IReadOnlyList<ChartSlot> DaySlots(IEnumerable<DatedCount> counts, ChartWindow window, ChartStep step)
    {
        if (step is not (ChartStep.Day or ChartStep.Week)) throw new ArgumentOutOfRangeException(nameof(step), step, "days or weeks only");
        var first = new DateOnly(window.First.Year, window.First.Month, 1);
        var last = new DateOnly(window.Last.Year, window.Last.Month, DateTime.DaysInMonth(window.Last.Year, window.Last.Month));
        var perDay = new Dictionary<DateOnly, int>();
        foreach (var c in counts)
            if (c.Day is { } day && window.Contains(c.Month) && day >= 1 && day <= DateTime.DaysInMonth(c.Month.Year, c.Month.Month))
            {
                var date = new DateOnly(c.Month.Year, c.Month.Month, day);
                perDay[date] = perDay.GetValueOrDefault(date) + c.Count;
            }

        var slots = new List<ChartSlot>();
        var empty = new List<ChartSlot>();
        void FlushEmpty()
        {
            if (empty.Count >= MinCollapsedRun) slots.Add(new DayGapSlot(Start(empty[0]), End(empty[^1])));
            else slots.AddRange(empty);
            empty.Clear();
        }
        for (var from = first; from <= last;)
        {
            // A week runs Monday to Sunday; the first and last are cut to the window.
            var to = step == ChartStep.Day ? from : Min(last, from.AddDays((7 - ((int)from.DayOfWeek + 6) % 7) - 1));
            int count = 0;
            for (var d = from; d <= to; d = d.AddDays(1)) count += perDay.GetValueOrDefault(d);
            ChartSlot slot = step == ChartStep.Day ? new DaySlot(from, count) : new WeekSlot(from, to, count);
            if (count == 0) empty.Add(slot);
            else
            {
                FlushEmpty();
                slots.Add(slot);
            }
            from = to.AddDays(1);
        }
        FlushEmpty();
        return slots;

        static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
        static DateOnly Start(ChartSlot s) => s is DaySlot d ? d.Day : ((WeekSlot)s).First;
        static DateOnly End(ChartSlot s) => s is DaySlot d ? d.Day : ((WeekSlot)s).Last;
    }

    /// <summary>The articles of the window that the data dates to the month only (no place on a day or week bar).</summary>
    public static int MonthOnly(IEnumerable<DatedCount> counts, ChartWindow window) =>
        counts.Where(c => c.Day is null && window.Contains(c.Month)).Sum(c => c.Count);
}
