using System.Globalization;
using NewsCorpus.Articles;

namespace NewsCorpus.Web.Pages.Shared;

/// <summary>Months and numbers written the reader's way: the request's culture, which the localization middleware sets.</summary>
public static class Display
{
    public static string Month(YearMonth month) => month.ToDisplay(CultureInfo.CurrentCulture);

    /// <summary>A stored month (yyyy-MM) in words; anything else as it is.</summary>
    public static string Month(string? month) => YearMonth.TryParse(month, out var m) ? Month(m.Value) : month ?? "—";

    /// <summary>With the culture's thousands separator: 12 345 in French, 12,345 in English.</summary>
    public static string Number(long n) => n.ToString("N0", CultureInfo.CurrentCulture);
}
