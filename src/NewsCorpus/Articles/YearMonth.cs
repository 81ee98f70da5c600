using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NewsCorpus.Articles;

/// <summary>Articles are dated to the month: that is all the files say, so that is all we claim.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public static YearMonth FromDate(DateTime date) => new(date.Year, date.Month);

    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);
    public static bool operator <(YearMonth a, YearMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(YearMonth a, YearMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(YearMonth a, YearMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(YearMonth a, YearMonth b) => a.CompareTo(b) >= 0;

    public YearMonth Next() => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);
    public YearMonth Previous() => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    /// <summary>Every month from <paramref name="first"/> to <paramref name="last"/>, empty ones included: an honest timeline shows gaps.</summary>
    public static IEnumerable<YearMonth> Range(YearMonth first, YearMonth last)
    {
        for (var m = first; m <= last; m = m.Next()) yield return m;
    }

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out YearMonth? value)
    {
        value = null;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (m is < 1 or > 12 || y < 1) return false;
        value = new YearMonth(y, m);
        return true;
    }

    /// <summary>The month in words as the culture writes it: "novembre 2023", "November 2023".</summary>
    public string ToDisplay(CultureInfo culture) => new DateTime(Year, Month, 1).ToString("MMMM yyyy", culture);
}
