using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsCorpus.Generation;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Pages;

/// <summary>
/// The seeds, 150 generated articles of 2023 with day dates from two outlets (and a third spelling of one), and
/// one archive piece of 1995 with an outlet of its own: a corpus whose charts must not stretch over 29 years.
/// The home page describes it from the configuration.
/// </summary>
public class SourcesSite : SiteFixture
{
    public const int Generated = 150;

    protected override void AddArticles(TestCorpus corpus)
    {
        var generator = new CorpusGenerator(seed: 16) { FirstMonth = new(2023, 1), LastMonth = new(2023, 10) };
        int i = 0;
        foreach (var article in generator.Generate(Generated))
        {
            var source = (i % 3) switch { 0 => "Le Monde", 1 => "RFI", _ => "LE MONDE" };
            var content = Regex.Replace(article.Content, @"^\s*date (\d{4}-\d{2})[ \t]*", m => $"date {m.Groups[1].Value}-{1 + i % 28:D2}\nsource: {source}\n\n");
            corpus.Write($"{500 + i}_{i + 0x1000:x16}.txt", content);
            i++;
        }
        corpus.Write("900_0000000000000995.txt", "date 1995-03-14\nsource: Archives\n\nUn vieux texte : Moscou et Bamako signent un accord culturel en 1995.");
    }

    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        .. base.Settings,
        ("Corpus:Title", "Corpus d’essai"), ("Corpus:Description", "Des articles générés, de deux sources."), ("Corpus:FollowedCountries", "ml, FR, xx1"),
    ];
}

public sealed class PostgresSourcesSite : SourcesSite
{
    protected override bool OnPostgres => true;
}

public abstract class SourcesAndChartsTests(SourcesSite site)
{
    [StoreFact]
    public async Task The_home_histogram_shows_the_dense_period_and_counts_the_stray_article()
    {
        var doc = await site.Page("/");
        var figure = doc.QuerySelector(".histogram")!;
        Assert.Equal(11, figure.QuerySelectorAll("svg a").Length);   // 2023-01 … 2023-11
        Assert.Contains("1 article(s) hors de la période montrée (1 avant, 0 après).", figure.QuerySelector(".chart-range")!.TextContent);
        Assert.Equal("/?chart=all", figure.QuerySelector(".chart-range a")!.GetAttribute("href"));
        Assert.DoesNotContain("1995", figure.QuerySelector("svg")!.InnerHtml);
    }

    [StoreFact]
    public async Task Everything_is_drawn_by_year_with_the_empty_decades_as_one_gap_and_a_year_opens_its_months()
    {
        var all = await site.Page("/?chart=all");
        var figure = all.QuerySelector(".histogram")!;
        // 29 years: a bar a year (1995 and 2023), the 27 empty years between as one gap.
        Assert.Equal(["1995", "2023"], figure.QuerySelectorAll("svg text.bar-label").Select(t => t.TextContent).Where(t => t != "…"));
        var gap = Assert.Single(figure.QuerySelectorAll("svg g.gap"));
        Assert.Contains("324 mois sans article", gap.GetAttribute("aria-label"));
        Assert.Contains("aucun (324 mois)", figure.QuerySelector("table")!.TextContent);
        Assert.Contains("Période la plus dense", figure.QuerySelector(".chart-range")!.TextContent);
        var year2023 = figure.QuerySelectorAll("svg a")[1].GetAttribute("href")!;
        Assert.Equal("/?chart-from=2023-01&chart-to=2023-12", year2023);
        Assert.Equal(12, (await site.Page(year2023)).QuerySelectorAll(".histogram svg a").Length);   // 2023-01 … 2023-12, December empty

        var range = await site.Page("/?chart-from=2023-03&chart-to=2023-04");
        Assert.Equal("2023-03", range.QuerySelector(".chart-range input[name=chart-from]")!.GetAttribute("value"));
    }

    /// <summary>Each bar's count, from the name its link gives it ("… : 12 article(s)").</summary>
    static List<(string Name, string Href, int Count)> Bars(AngleSharp.Dom.IElement figure) =>
        figure.QuerySelectorAll("svg a").Select(a => (a.GetAttribute("aria-label")!, a.GetAttribute("href")!,
            int.Parse(Regex.Match(a.GetAttribute("aria-label")!, @" : (\d+) article").Groups[1].Value))).ToList();

    [StoreFact]
    public async Task A_few_months_are_drawn_a_bar_a_week_holding_the_same_articles_as_their_months()
    {
        var months = Bars((await site.Page("/")).QuerySelector(".histogram")!);
        int marchAndApril = months.Where(b => b.Name.StartsWith("mars 2023") || b.Name.StartsWith("avril 2023")).Sum(b => b.Count);
        Assert.True(marchAndApril > 0);

        var figure = (await site.Page("/?chart-from=2023-03&chart-to=2023-04")).QuerySelector(".histogram")!;
        var weeks = Bars(figure);
        Assert.Contains("Une semaine par barre", figure.QuerySelector(".chart-range")!.TextContent);
        // 1 March 2023 is a Wednesday: the first week is cut to the window, the others run Monday to Sunday.
        Assert.StartsWith("Du 1er mars 2023 au 5 mars 2023", weeks[0].Name);
        Assert.StartsWith("Du 6 mars 2023 au 12 mars 2023", weeks[1].Name);
        Assert.InRange(weeks.Count, 8, 10);
        Assert.Equal(marchAndApril, weeks.Sum(w => w.Count));
        Assert.Equal("/?chart-from=2023-03&chart-to=2023-03", weeks[0].Href);   // a week opens its month, a bar a day
        Assert.Equal("Semaine", figure.QuerySelector("table th")!.TextContent);
    }

    [StoreFact]
    public async Task One_month_is_drawn_a_bar_a_day_and_a_day_opens_the_articles_of_that_day()
    {
        var figure = (await site.Page("/?chart-from=2023-03&chart-to=2023-03")).QuerySelector(".histogram")!;
        Assert.Contains("Un jour par barre", figure.QuerySelector(".chart-range")!.TextContent);
        var days = Bars(figure);
        Assert.All(days, d => Assert.Matches(@"^/timeline/2023-03-\d\d$", d.Href));
        var busiest = days.MaxBy(d => d.Count);
        var day = await site.Page(busiest.Href);
        var date = day.QuerySelector("h1")!.ChildNodes[0].TextContent.Trim();
        Assert.Equal(busiest.Name.Split(" : ")[0], date);
        var listed = day.QuerySelectorAll(".result .date").Select(d => d.TextContent).ToList();
        Assert.Equal(busiest.Count, listed.Count);
        Assert.All(listed, d => Assert.Equal(date, d));
        // The month page draws its days too, the day shown marked.
        Assert.Single(day.QuerySelectorAll(".histogram rect.bar.selected"));
        Assert.Equal("/timeline/2023-03", day.QuerySelector(".breadcrumb a[href='/timeline/2023-03']")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/timeline/2023-02-30")).StatusCode);
    }

    [StoreFact]
    public async Task An_article_is_cited_with_its_day_when_it_has_one()
    {
        var cited = (await site.Page("/articles/0000000000000995")).QuerySelector("aside.cite p")!.TextContent;
        Assert.Contains("», 14 mars 1995, NewsCorpus", cited);
    }

    [StoreFact]
    public async Task Articles_dated_to_the_month_only_are_counted_beside_the_day_bars()
    {
        // The two seeds are dated to October and November 2023 only.
        var figure = (await site.Page("/?chart-from=2023-10&chart-to=2023-11")).QuerySelector(".histogram")!;
        Assert.Contains("2 article(s) datés du mois seulement n’y figurent pas.", figure.QuerySelector(".chart-range")!.TextContent);
        var november = (await site.Page("/?chart-from=2023-11&chart-to=2023-11")).QuerySelector(".histogram")!;
        Assert.DoesNotContain("Un jour par barre", november.TextContent);   // no article of November gives its day: a month bar
        Assert.Single(november.QuerySelectorAll("svg a"));
    }

    [StoreFact]
    public async Task The_search_chart_of_a_few_months_counts_its_matches_by_week()
    {
        var all = Bars((await site.Page("/search?q=Mali")).QuerySelector(".histogram")!);
        var figure = (await site.Page("/search?q=Mali&chart-from=2023-05&chart-to=2023-07")).QuerySelector(".histogram")!;
        Assert.Contains("Une semaine par barre", figure.QuerySelector(".chart-range")!.TextContent);
        int inWindow = all.Where(b => b.Name.Contains("mai 2023") || b.Name.Contains("juin 2023") || b.Name.Contains("juillet 2023")).Sum(b => b.Count);
        Assert.True(inWindow > 0);
        Assert.Equal(inWindow, Bars(figure).Sum(w => w.Count));
    }

    [StoreFact]
    public async Task The_timeline_folds_the_empty_years_and_a_month_lists_its_days_in_order()
    {
        var timeline = await site.Page("/timeline");
        Assert.Equal(["2023", "1996 – 2022", "1995"], timeline.QuerySelectorAll("section.year h2").Select(h => h.ChildNodes[0].TextContent.Trim()));

        var october = await site.Page("/timeline/2023-10");
        var dates = october.QuerySelectorAll(".result .date").Select(d => d.TextContent).ToList();
        Assert.Equal("octobre 2023", dates[0]);   // the seed, dated to the month only, first
        Assert.Contains("(jour inconnu)", october.QuerySelectorAll(".result .meta")[0].TextContent);
        var days = dates.Skip(1).Select(d => int.Parse(d.Split(' ')[0].Replace("er", ""))).ToList();
        Assert.NotEmpty(days);
        Assert.Equal(days.Order(), days);
    }

    [StoreFact]
    public async Task The_home_page_describes_the_corpus_from_the_configuration()
    {
        var doc = await site.Page("/");
        Assert.Equal("Corpus d’essai", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal("Des articles générés, de deux sources.", doc.QuerySelector(".lede")!.TextContent.Trim());
        Assert.Equal(["/countries/ml", "/countries/fr"], doc.QuerySelectorAll(".cards a.card").Select(a => a.GetAttribute("href")));
    }

    [StoreFact]
    public async Task Search_filters_and_facets_by_outlet_with_its_field_and_its_words()
    {
        var doc = await site.Page("/search?q=&source=rfi&sort=newest");
        Assert.Equal("rfi", doc.QuerySelector("input#source")!.GetAttribute("value"));
        Assert.Contains($"{SourcesSite.Generated / 3} article(s)", doc.QuerySelector(".total")!.TextContent);
        Assert.All(doc.QuerySelectorAll(".result .source"), a => Assert.Equal("RFI", a.TextContent));
        var typed = await site.Page("/search?q=source:%22Le+Monde%22");
        Assert.Contains($"{2 * SourcesSite.Generated / 3} article(s)", typed.QuerySelector(".total")!.TextContent);
        var facet = (await site.Page("/search?q=&from=1990-01")).QuerySelectorAll(".facets section").First(s => s.QuerySelector("h2")!.TextContent == "Sources");
        Assert.Equal(["Le Monde", "RFI", "Archives"], facet.QuerySelectorAll("li a").Select(a => a.TextContent));
        Assert.Equal("/search?from=1990-01&source=le-monde", facet.QuerySelector("li a")!.GetAttribute("href"));
    }

    [StoreFact]
    public async Task A_source_has_its_page_with_its_volume_countries_and_entities()
    {
        var doc = await site.Page("/sources/le-monde");
        Assert.Equal("Le Monde", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains($"{2 * SourcesSite.Generated / 3} article(s)", doc.QuerySelector(".stats")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".histogram svg"));
        Assert.Equal(20, doc.QuerySelectorAll(".results .result").Length);
        Assert.NotEmpty(doc.QuerySelectorAll("aside a"));
        var list = await site.Page("/sources");
        Assert.Equal(["Le Monde", "RFI", "Archives"], list.QuerySelectorAll("table.data td a").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/sources/liberation")).StatusCode);
    }

    [StoreFact]
    public async Task The_api_exports_and_feeds_carry_the_day_and_the_outlet()
    {
        using var json = JsonDocument.Parse(await site.Client().GetStringAsync("/api/search?source=rfi&sort=newest&pageSize=100"));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(SourcesSite.Generated / 3, results.Count);
        Assert.All(results, r => Assert.Equal("RFI", r.GetProperty("source").GetString()));
        Assert.All(results, r => Assert.Matches(@"^2023-\d{2}-\d{2}$", r.GetProperty("date").GetString()));
        Assert.Equal("rfi", json.RootElement.GetProperty("facets").GetProperty("sources")[0].GetProperty("slug").GetString());

        var csv = await site.Client().GetStringAsync("/export/search.csv?source=archives");
        Assert.Contains("1995-03-14", csv);
        Assert.Contains(",Archives,", csv);

        var atom = System.Xml.Linq.XDocument.Parse(await site.Client().GetStringAsync("/search.atom?source=le-monde"));
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2005/Atom";
        var updated = atom.Root!.Elements(ns + "entry").Select(e => e.Element(ns + "updated")!.Value).ToList();
        Assert.Equal(50, updated.Count);
        Assert.True(updated.Distinct().Count() > 10, string.Join(", ", updated.Distinct()));
        Assert.DoesNotContain(updated, u => !Regex.IsMatch(u, @"^2023-\d{2}-\d{2}T00:00:00Z$"));
    }

    [StoreFact]
    public async Task Trends_follow_the_request_order_within_a_source_and_count_the_months_left_out()
    {
        using var json = JsonDocument.Parse(await site.Client().GetStringAsync("/api/trends?q=Russie&q=Mali&q=Bamako"));
        Assert.Equal(["Russie", "Mali", "Bamako"], json.RootElement.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("query").GetString()));
        Assert.Equal(1, json.RootElement.GetProperty("window").GetProperty("before").GetInt32());
        Assert.Equal("2023-01", json.RootElement.GetProperty("months")[0].GetString());

        using var rfi = JsonDocument.Parse(await site.Client().GetStringAsync("/api/trends?q=Mali&source=rfi&chart=all"));
        var points = rfi.RootElement.GetProperty("series")[0].GetProperty("points").EnumerateArray().ToList();
        // Normalised by the outlet's own volume: each month's total is RFI's articles of that month.
        Assert.Equal(SourcesSite.Generated / 3, points.Sum(p => p.GetProperty("monthTotal").GetInt32()));
        Assert.All(points, p => Assert.Equal(p.GetProperty("monthTotal").GetInt32() >= 5, p.GetProperty("shareDrawn").GetBoolean()));

        // Two outlets in one chart, each series over its own outlet's volume.
        using var both = JsonDocument.Parse(await site.Client().GetStringAsync("/api/trends?q=Mali%20source:rfi&q=Mali%20source:le-monde&chart=all"));
        var totals = both.RootElement.GetProperty("series").EnumerateArray()
            .Select(s => s.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("monthTotal").GetInt32())).ToList();
        Assert.Equal([SourcesSite.Generated / 3, 2 * SourcesSite.Generated / 3], totals);

        var page = await site.Page("/trends?q=Mali&q=Russie&source=le-monde");
        Assert.Equal("le-monde", page.QuerySelector("input#source")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector(".trend-chart polyline"));
        // Asked the other way round, the same two queries are charted in that order, not served from the first.
        var reversed = await site.Page("/trends?q=Russie&q=Mali&source=le-monde");
        Assert.Equal(["Russie", "Mali"], reversed.QuerySelectorAll(".trend-table thead th").Skip(1).Select(th => th.TextContent));

        // With everything shown, the 1995 month's share (one article of one) has no point; October 2023's has.
        var whole = await site.Page("/trends?q=Bamako&chart=all");
        Assert.Contains("Les mois de moins de 5 articles n’ont pas de point", whole.QuerySelector(".trend-chart figcaption")!.TextContent);
        Assert.DoesNotContain(whole.QuerySelectorAll(".trend-chart circle title"), t => t.TextContent.Contains("1995"));
        Assert.Contains(whole.QuerySelectorAll(".trend-chart circle title"), t => t.TextContent.Contains("2023"));
    }
}

public sealed class SourcesAndChartsTestsOnSqlite(SourcesSite site) : SourcesAndChartsTests(site), IClassFixture<SourcesSite>;

[OnPostgres]
public sealed class SourcesAndChartsTestsOnPostgres(PostgresSourcesSite site) : SourcesAndChartsTests(site), IClassFixture<PostgresSourcesSite>;

/// <summary>A corpus whose articles name no outlet shows nothing of sources.</summary>
public sealed class NoSourcesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Search_and_trends_have_no_source_field_or_facet_and_the_home_page_keeps_its_default_text()
    {
        var search = await site.Page("/search?q=Russie");
        Assert.Null(search.QuerySelector("input#source"));
        Assert.DoesNotContain(search.QuerySelectorAll(".facets h2"), h => h.TextContent == "Sources");
        Assert.Null((await site.Page("/trends?q=Russie")).QuerySelector("input#source"));
        var home = await site.Page("/");
        Assert.Equal("NewsCorpus", home.QuerySelector("h1")!.TextContent);
        Assert.Contains("Mali et le Burkina Faso", home.QuerySelector(".lede")!.TextContent);
        Assert.Equal(3, home.QuerySelectorAll(".cards a.card").Length);
        Assert.Null(home.QuerySelector(".chart-range span"));   // nothing left out
    }
}
