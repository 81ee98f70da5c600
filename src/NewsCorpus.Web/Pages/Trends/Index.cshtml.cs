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
    /// <summary>Whether any article names its outlet: without, the page shows no source field.</summary>
    public bool HasSources { get; private set; }

    public Trend? Trend { get; private set; }

    /// <summary>No month charted holds enough articles for its share to mean much (<see cref="NewsCorpus.Charts.ChartRules.ShareIsDrawn"/>).</summary>
    public bool Thin => Trend is { } t && t.Series.Count > 0 && !t.Series[0].Points.Any(p => p.ShareIsDrawn);
    public LineChart? Chart { get; private set; }
    public bool ShowCounts => Measure == "count";

    public void OnGet()
    {
        HasSources = !string.IsNullOrEmpty(Query.Source) || db.Articles.Any(a => a.Source != null);
        if (Query.Queries.Count == 0) return;
        // With a source, the share is of that outlet's articles of the month: normalised by its own volume.
        Trend = NewsCorpus.Research.Trends.Compute(db.OpenConnection(), Query.Queries, Query.Filters, whole: Query.Whole);
        if (Trend.Months.Count == 0) return;
        Chart = LineChart.Create(Trend.Months,
            Trend.Series.Select(s => (s.Query,
                // A share over fewer than a handful of articles is not drawn (one article of one month is 100 %), unless
                // no month has more: a corpus that small is drawn whole, and the page says every share is uncertain.
                (IReadOnlyList<double>)s.Points.Select(p => ShowCounts ? p.Articles : p.ShareIsDrawn || Thin ? p.Share * 100 : double.NaN).ToList(),
                (Func<int, string>)(i => text["{0} — {1} : {2}", s.Query, Display.Month(s.Points[i].Month), PointText(s.Points[i])]),
                (Func<int, string>)(i => SearchLink(s.Query, s.Points[i].Month.ToString())))).ToList(),
            v => ShowCounts ? v.ToString("N0", CultureInfo.CurrentCulture) : Percent(v));
    }

    public string PointText(TrendPoint p) =>
        text["{0} article(s) sur {1} ({2})", Display.Number(p.Articles), Display.Number(p.MonthTotal), Percent(p.Share * 100)];

    // The table gives every share with what it rests on (2 / 4), even those too thin to draw.
    public string CellText(TrendPoint p) => $"{Display.Number(p.Articles)} / {Display.Number(p.MonthTotal)} · {Percent(p.Share * 100)}";

    /// <summary>"12,5 %" in French, "12.5%" in English.</summary>
    string Percent(double value) => text["{0} %", value.ToString("0.#", CultureInfo.CurrentCulture)];

    public string SearchLink(string query, string month)
    {
        return "/search" + new ArticleFilter { Q = query, Country = Query.Country, Source = Query.Source, From = month, To = month }.ToQueryString();
    }

    public string MeasureLink(string measure) => Link(measure, Query.Whole);

    /// <summary>This chart's address with another measure, or over every month (<paramref name="whole"/>) or the densest period.</summary>
    public string Link(string? measure, bool whole)
    {
        var values = (Query.Q ?? []).Select(q => new KeyValuePair<string, string?>("q", q)).ToList();
        if (!string.IsNullOrEmpty(measure)) values.Add(new("measure", measure));
        if (!string.IsNullOrEmpty(Query.Source)) values.Add(new("source", Query.Source));
        if (whole) values.Add(new("chart", "all"));
        if (!string.IsNullOrEmpty(Query.Country)) values.Add(new("country", Query.Country));
        if (!string.IsNullOrEmpty(Query.From)) values.Add(new("from", Query.From));
        if (!string.IsNullOrEmpty(Query.To)) values.Add(new("to", Query.To));
        return "/trends" + QueryString.Create(values);
    }
}
