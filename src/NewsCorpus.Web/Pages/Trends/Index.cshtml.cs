using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Research;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Trends;

public sealed class IndexModel(CorpusDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public List<string> Queries { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public Trend? Trend { get; private set; }
    public LineChart? Chart { get; private set; }
    public bool ShowCounts => Measure == "count";
    static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public void OnGet()
    {
        var queries = Queries.Where(q => !string.IsNullOrWhiteSpace(q)).ToList();
        if (queries.Count == 0) return;
        var request = SearchRequest.FromForm(null, Country, From, To, null);
        Trend = NewsCorpus.Research.Trends.Compute((SqliteConnection)db.Database.GetDbConnection(), queries, request.Filters);
        if (Trend.Months.Count == 0) return;
        Chart = LineChart.Create(Trend.Months,
            Trend.Series.Select(s => (s.Query,
                (IReadOnlyList<double>)s.Points.Select(p => ShowCounts ? p.Articles : p.Share * 100).ToList(),
                (Func<int, string>)(i => $"{s.Query} — {s.Points[i].Month.ToFrench()} : {PointText(s.Points[i])}"),
                (Func<int, string>)(i => SearchLink(s.Query, s.Points[i].Month.ToString())))).ToList(),
            v => ShowCounts ? v.ToString("0", French) : v.ToString("0.#", French) + " %");
    }

    public string PointText(TrendPoint p) =>
        $"{p.Articles} article(s) sur {p.MonthTotal} ({(p.Share * 100).ToString("0.#", French)} %)";

    public string CellText(TrendPoint p) => $"{p.Articles} / {p.MonthTotal} · {(p.Share * 100).ToString("0.#", French)} %";

    public string SearchLink(string query, string month)
    {
        var values = new Dictionary<string, string?> { ["q"] = query, ["country"] = Country, ["from"] = month, ["to"] = month };
        return "/search" + QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    public string MeasureLink(string measure)
    {
        var values = Queries.Select(q => new KeyValuePair<string, string?>("q", q)).ToList();
        values.Add(new("measure", measure));
        if (!string.IsNullOrEmpty(Country)) values.Add(new("country", Country));
        if (!string.IsNullOrEmpty(From)) values.Add(new("from", From));
        if (!string.IsNullOrEmpty(To)) values.Add(new("to", To));
        return "/trends" + QueryString.Create(values);
    }
}
