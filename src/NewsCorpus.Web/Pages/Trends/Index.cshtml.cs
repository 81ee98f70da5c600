using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsCorpus.Research;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;
using NewsCorpus.Web.Requests;

namespace NewsCorpus.Web.Pages.Trends;

public sealed class IndexModel(CorpusDb db, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>The queries and filters, as /api/trends takes them.</summary>
    [BindProperty(SupportsGet = true)] public TrendsQuery Query { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }

    public Trend? Trend { get; private set; }
    public LineChart? Chart { get; private set; }
    public bool ShowCounts => Measure == "count";

    public void OnGet()
    {
        if (Query.Queries.Count == 0) return;
        Trend = NewsCorpus.Research.Trends.Compute(db.OpenConnection(), Query.Queries, Query.Filters);
        if (Trend.Months.Count == 0) return;
        Chart = LineChart.Create(Trend.Months,
            Trend.Series.Select(s => (s.Query,
                (IReadOnlyList<double>)s.Points.Select(p => ShowCounts ? p.Articles : p.Share * 100).ToList(),
                (Func<int, string>)(i => text["{0} — {1} : {2}", s.Query, Display.Month(s.Points[i].Month), PointText(s.Points[i])]),
                (Func<int, string>)(i => SearchLink(s.Query, s.Points[i].Month.ToString())))).ToList(),
            v => ShowCounts ? v.ToString("N0", CultureInfo.CurrentCulture) : Percent(v));
    }

    public string PointText(TrendPoint p) =>
        text["{0} article(s) sur {1} ({2})", Display.Number(p.Articles), Display.Number(p.MonthTotal), Percent(p.Share * 100)];

    public string CellText(TrendPoint p) => $"{Display.Number(p.Articles)} / {Display.Number(p.MonthTotal)} · {Percent(p.Share * 100)}";

    /// <summary>"12,5 %" in French, "12.5%" in English.</summary>
    string Percent(double value) => text["{0} %", value.ToString("0.#", CultureInfo.CurrentCulture)];

    public string SearchLink(string query, string month)
    {
        return "/search" + new ArticleFilter { Q = query, Country = Query.Country, From = month, To = month }.ToQueryString();
    }

    public string MeasureLink(string measure)
    {
        var values = (Query.Q ?? []).Select(q => new KeyValuePair<string, string?>("q", q)).ToList();
        values.Add(new("measure", measure));
        if (!string.IsNullOrEmpty(Query.Country)) values.Add(new("country", Query.Country));
        if (!string.IsNullOrEmpty(Query.From)) values.Add(new("from", Query.From));
        if (!string.IsNullOrEmpty(Query.To)) values.Add(new("to", Query.To));
        return "/trends" + QueryString.Create(values);
    }
}
