using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public abstract class ConcordanceTests(SiteFixture site)
{
    [StoreFact]
    public async Task Every_occurrence_of_every_form_is_a_line_with_its_context()
    {
        var doc = await site.Page("/concordance?q=formation");
        Assert.Contains("4 occurrence(s) dans 2 article(s)", doc.QuerySelector(".total")!.TextContent);
        var matches = doc.QuerySelectorAll(".kwic tbody .match").Select(m => m.TextContent).ToList();
        Assert.Equal(new[] { "formation", "formation", "formations", "formations" }, matches.Order());
        var first = doc.QuerySelectorAll(".kwic tbody tr")[0];
        // Newest first: the November article's "fourniture d’armements, de formations et un appui logistique".
        Assert.Equal($"/articles/{Seed004}", first.QuerySelector(".where a")!.GetAttribute("href"));
        Assert.EndsWith("d’armements, de", first.QuerySelector(".left")!.TextContent.TrimEnd());
        Assert.StartsWith("et un appui logistique", first.QuerySelector(".right")!.TextContent.TrimStart());
        Assert.Equal("…", first.QuerySelector(".right")!.TextContent.Trim()[^1..]);
    }

    [StoreFact]
    public async Task Lines_sort_by_the_word_on_either_side()
    {
        var right = await site.Page("/concordance?q=formation&sort=right");
        var rightWords = right.QuerySelectorAll(".kwic tbody .right").Select(r => FirstWord(r.TextContent)).ToList();
        Assert.Equal(rightWords.Order(StringComparer.Ordinal), rightWords);
        var left = await site.Page("/concordance?q=formation&sort=left");
        var leftWords = left.QuerySelectorAll(".kwic tbody .left").Select(l => LastWord(l.TextContent)).ToList();
        Assert.Equal(leftWords.Order(StringComparer.Ordinal), leftWords);
    }

    [StoreFact]
    public async Task A_phrase_is_one_occurrence_and_links_to_its_place_in_the_article()
    {
        var doc = await site.Page("/concordance?q=%22centrale+nucl%C3%A9aire%22");
        var line = Assert.Single(doc.QuerySelectorAll(".kwic tbody tr"));
        var link = line.QuerySelector(".match a")!;
        Assert.Equal("centrale nucléaire", link.TextContent);
        Assert.StartsWith($"/articles/{Seed004}#:~:text=", link.GetAttribute("href"));
        Assert.Contains("centrale%20nucl%C3%A9aire", link.GetAttribute("href"));
    }

    [StoreFact]
    public async Task Collocates_are_ranked_and_refine_the_query()
    {
        var doc = await site.Page("/concordance?q=Russie&span=3");
        var rows = doc.QuerySelectorAll(".collocates tbody tr").ToList();
        Assert.NotEmpty(rows);
        var scores = rows.Select(r => double.Parse(r.QuerySelectorAll("td")[2].TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        var firstWord = rows[0].QuerySelector("a")!;
        Assert.Equal($"/concordance?q=Russie%20{Uri.EscapeDataString(firstWord.TextContent)}&span=3", firstWord.GetAttribute("href"));
        Assert.DoesNotContain(rows, r => r.QuerySelector("a")!.TextContent is "la" or "de" or "et");
    }

    [StoreFact]
    public async Task The_concordance_exports_with_its_columns()
    {
        var csv = await site.Client().GetStringAsync("/export/concordance.csv?q=formation");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,date,left,match,right,url", lines[0]);
        Assert.Equal(5, lines.Length);
    }

    [StoreFact]
    public async Task Nothing_to_look_for_says_so()
    {
        var empty = await site.Page("/concordance");
        Assert.Null(empty.QuerySelector(".kwic"));
        var excl = await site.Page("/concordance?q=-Rosatom");
        Assert.Contains("exclusions", excl.QuerySelector(".notice")!.TextContent);
    }

    static string FirstWord(string text) => NewsCorpus.Analysis.Folding.Fold(text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).FirstOrDefault(w => w.Length > 0) ?? "");
    static string LastWord(string text) => NewsCorpus.Analysis.Folding.Fold(text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).LastOrDefault(w => w.Length > 0) ?? "");
}

public sealed class ConcordanceTestsOnSqlite(SiteFixture site) : ConcordanceTests(site), IClassFixture<SiteFixture>;

[OnPostgres]
public sealed class ConcordanceTestsOnPostgres(PostgresSite site) : ConcordanceTests(site), IClassFixture<PostgresSite>;
