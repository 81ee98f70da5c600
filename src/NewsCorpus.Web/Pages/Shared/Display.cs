using System.Globalization;
using NewsCorpus.Articles;

namespace NewsCorpus.Web.Pages.Shared;

/// <summary>Months and numbers written the reader's way: the request's culture, which the localization middleware sets.</summary>
public static class Display
{
    public static string Month(YearMonth month) => month.ToDisplay(CultureInfo.CurrentCulture);

    /// <summary>A stored month (yyyy-MM) in words; anything else as it is.</summary>
    public static string Month(string? month) => YearMonth.TryParse(month, out var m) ? Month(m.Value) : month ?? "—";

    /// <summary>
    /// A stored date as precise as the article gives it: "5 octobre 2023" / "5 October 2023" with a day, the month in
    /// words without one (an article dated to the month stays so).
    /// </summary>
    public static string Date(string? month, int? day) =>
        day is { } d && YearMonth.TryParse(month, out var m) && d >= 1 && d <= DateTime.DaysInMonth(m.Value.Year, m.Value.Month)
            ? Date(new DateOnly(m.Value.Year, m.Value.Month, d))
            : Month(month);

    /// <summary>A day in words: "1er octobre 2023" (French writes the first of the month as an ordinal), "5 October 2023".</summary>
    public static string Date(DateOnly day) =>
        day.Day == 1 && CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr"
            ? "1er " + day.ToString("MMMM yyyy", CultureInfo.CurrentCulture)
            : day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>With the culture's thousands separator: 12 345 in French, 12,345 in English.</summary>
    public static string Number(long n) => n.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>An estimate to two significant digits (781,184 → 780,000): the digits after them would be noise.</summary>
    public static string Estimate(long n)
    {
        if (n < 100) return Number(n);
        long unit = (long)Math.Pow(10, Math.Floor(Math.Log10(n)) - 1);
        return Number((long)Math.Round((double)n / unit, MidpointRounding.AwayFromZero) * unit);
    }
}
