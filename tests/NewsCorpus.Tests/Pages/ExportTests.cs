using System.Net;
using System.Text;
using System.Text.Json;
using NewsCorpus.Export;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public abstract class ExportTests(SiteFixture site)
{
    public const string FormulaId = "0123456789abcdef";

    public sealed class SiteOnPostgres : Site { protected override bool OnPostgres => true; }

    /// <summary>The seeds and an article whose title (its lead's first sentence) a spreadsheet would run as a formula.</summary>
    public class Site : SiteFixture
    {
        protected override void AddArticles(TestCorpus corpus) =>
            corpus.Write($"010_{FormulaId}.txt", "date 2023-10\n\n=1+2, dit le \"ministre\" au Mali, pour voir.\n\nUn second paragraphe sur la coopération.\n");
    }

    async Task<(HttpResponseMessage Response, byte[] Body)> Get(string url)
    {
        var response = await site.Client().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    async Task<List<List<string>>> CsvRows(string url)
    {
        var (response, body) = await Get(url);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], body[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(body[3..]));
        Assert.Equal(ArticleRows.Columns, rows[0]);
        Assert.All(rows, r => Assert.Equal(ArticleRows.Columns.Count, r.Count));
        return rows.Skip(1).ToList();
    }

    async Task<List<JsonElement>> JsonLines(string url)
    {
        var (response, body) = await Get(url);
        Assert.Equal("application/x-ndjson; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var text = Encoding.UTF8.GetString(body);
        Assert.True(text.Length == 0 || text.EndsWith('\n'));
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
    }

    async Task<List<string>> ApiIds(string query)
    {
        using var json = JsonDocument.Parse(await site.Client().GetStringAsync("/api/search" + query));
        return json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
    }

    [StoreFact]
    public async Task A_search_exports_as_an_attachment_with_the_pages_rows_in_the_pages_order()
    {
        var (response, _) = await Get("/export/search.csv?q=Russie");
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("newscorpus-recherche-russie.csv", disposition.FileName);
        var rows = await CsvRows("/export/search.csv?q=Russie");
        Assert.Equal(2, rows.Count);
        Assert.Equal(await ApiIds("?q=Russie"), rows.Select(r => r[0]));
    }

    [StoreFact]
    public async Task Rosatom_exports_one_row_with_every_column()
    {
        var row = Assert.Single(await CsvRows("/export/search.csv?q=Rosatom"));
        Assert.Equal(Seed004, row[0]);
        Assert.Equal("2023-11", row[1]);
        Assert.StartsWith("Le rapprochement entre la Russie et le Mali", row[2]);
        Assert.Equal("ru|bf|ml", row[3]);
        Assert.Contains("rosatom", row[4].Split('|'));
        Assert.Equal($"http://localhost/articles/{Seed004}", row[5]);
        Assert.Equal("004_85765fc0af500544.txt", row[6]);
        Assert.True(int.Parse(row[7]) > 100);
        Assert.StartsWith("Le rapprochement entre la Russie et le Mali", row[8]);
    }

    [StoreFact]
    public async Task A_formula_title_is_neutralised_and_quoted_in_CSV_but_left_as_it_is_in_JSON_Lines()
    {
        using var article = JsonDocument.Parse(await site.Client().GetStringAsync($"/api/articles/{FormulaId}"));
        var title = article.RootElement.GetProperty("title").GetString()!;
        Assert.StartsWith("=1+2, dit le \"ministre\"", title);

        var row = (await CsvRows("/export/timeline/2023-10.csv")).Single(r => r[0] == FormulaId);
        Assert.Equal("'" + title, row[2]);
        var (_, body) = await Get("/export/timeline/2023-10.csv");
        Assert.Contains("\"'" + title.Replace("\"", "\"\"") + "\"", Encoding.UTF8.GetString(body));

        var line = (await JsonLines("/export/timeline/2023-10.jsonl")).Single(l => l.GetProperty("id").GetString() == FormulaId);
        Assert.Equal(title, line.GetProperty("title").GetString());
    }

    [StoreFact]
    public async Task JSON_Lines_have_one_object_per_article_with_the_CSV_columns_as_keys()
    {
        var lines = await JsonLines("/export/search.jsonl?q=Russie");
        Assert.Equal(await ApiIds("?q=Russie"), lines.Select(l => l.GetProperty("id").GetString()));
        Assert.All(lines, l => Assert.Equal(ArticleRows.Columns, l.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["ru", "bf", "ml"], lines[0].GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
    }

    [StoreFact]
    public async Task A_month_a_country_and_an_entity_export_in_their_pages_order()
    {
        // A month lists by file number; a country and an entity newest first, then by file number, highest first.
        Assert.Equal([Seed000, FormulaId], (await CsvRows("/export/timeline/2023-10.csv")).Select(r => r[0]));
        Assert.Equal([Seed004, FormulaId, Seed000], (await CsvRows("/export/countries/ml.csv")).Select(r => r[0]));
        Assert.Equal([Seed004], (await JsonLines("/export/countries/ml.jsonl?month=2023-11")).Select(l => l.GetProperty("id").GetString()));
        Assert.Equal([Seed004], (await JsonLines("/export/entities/rosatom.jsonl")).Select(l => l.GetProperty("id").GetString()));
    }

    [StoreFact]
    public async Task Export_links_carry_the_whole_state_of_the_search()
    {
        const string state = "q=Russie&country=ml&from=2023-10&to=2023-11&sort=oldest";
        var doc = await site.Page("/search?" + state + "&page=1");
        var csv = doc.QuerySelector(".exports a[href^='/export/search.csv']")!.GetAttribute("href")!;
        var jsonl = doc.QuerySelector(".exports a[href^='/export/search.jsonl']")!.GetAttribute("href")!;
        Assert.Equal("/export/search.csv?" + state, csv);
        Assert.Equal("/export/search.jsonl?" + state, jsonl);
        Assert.Equal(await ApiIds("?" + state), (await CsvRows(csv)).Select(r => r[0]));
        Assert.Equal("/search.atom?q=Russie&country=ml&from=2023-10&to=2023-11",
            doc.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [StoreFact]
    public async Task Every_list_page_links_to_its_exports()
    {
        Assert.Equal("/export/timeline/2023-10.csv", (await site.Page("/timeline/2023-10")).QuerySelector(".exports a")!.GetAttribute("href"));
        Assert.Equal("/export/countries/ml.csv?month=2023-11", (await site.Page("/countries/ml?month=2023-11")).QuerySelector(".exports a")!.GetAttribute("href"));
        Assert.Equal("/export/entities/rosatom.csv", (await site.Page("/entities/rosatom")).QuerySelector(".exports a")!.GetAttribute("href"));
    }

    [StoreTheory]
    [InlineData("/export/search.xml?q=Russie")]
    [InlineData("/export/timeline/2023-13.csv")]
    [InlineData("/export/countries/zz.csv")]
    [InlineData("/export/entities/personne-inconnue.jsonl")]
    public async Task Unknown_formats_and_lists_are_not_found(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(url)).StatusCode);
    }

    [StoreFact]
    public async Task An_unusable_search_exports_a_header_and_no_row()
    {
        Assert.Empty(await CsvRows("/export/search.csv?q=-Rosatom"));
        Assert.Empty(await JsonLines("/export/search.jsonl?q=-Rosatom"));
    }
}

public sealed class ExportTestsOnSqlite(ExportTests.Site site) : ExportTests(site), IClassFixture<ExportTests.Site>;

[OnPostgres]
public sealed class ExportTestsOnPostgres(ExportTests.SiteOnPostgres site) : ExportTests(site), IClassFixture<ExportTests.SiteOnPostgres>;
