using System.Text;
using NewsCorpus.Articles;

namespace NewsCorpus.Tests.Articles;

/// <summary>Day dates and the metadata header of an article file: what a file gives, and what it gets wrong.</summary>
public class ArticleMetadataTests
{
    static ParseResult Parse(string content, string name = "001_0123456789abcdef.txt") =>
        ArticleParser.Parse(name, Encoding.UTF8.GetBytes(content), new YearMonth(2026, 11));

    static ParsedArticle Article(string content)
    {
        var result = Parse(content);
        Assert.Null(result.Error);
        return result.Article!;
    }

    [Fact]
    public void A_day_date_keeps_its_day_and_a_month_date_has_none()
    {
        var day = Article("date 2023-10-05\n\nLe Mali signe un accord avec la Russie.");
        Assert.Equal((new YearMonth(2023, 10), (int?)5, "2023-10-05"), (day.Month, day.Day, day.DateText));
        var month = Article("date 2023-10\n\nLe Mali signe un accord avec la Russie.");
        Assert.Equal((new YearMonth(2023, 10), (int?)null, "2023-10"), (month.Month, month.Day, month.DateText));
    }

    [Fact]
    public void A_day_date_may_carry_the_start_of_the_lead_as_a_month_date_does()
    {
        var a = Article("date 2023-10-05 Publicité Le Mali signe un accord avec la Russie.\n\nSuite.");
        Assert.Equal(5, a.Day);
        Assert.StartsWith("Le Mali signe", a.Lead);
    }

    [Theory]
    [InlineData("date 2023-02-30\n\nTexte.", "invalid day 30 in '2023-02-30'")]
    [InlineData("date 2023-10-00\n\nTexte.", "invalid day 00")]
    [InlineData("date 2023-10-5\n\nTexte.", "invalid date '2023-10-5': expected YYYY-MM or YYYY-MM-DD")]
    [InlineData("date 2023-13-01\n\nTexte.", "invalid month 13")]
    [InlineData("date 2031-01-01\n\nTexte.", "in the future")]
    public void Bad_day_dates_are_rejected_on_their_line(string content, string reason)
    {
        var result = Parse("\n" + content, "bad.txt");
        Assert.Null(result.Article);
        Assert.Contains(reason, result.Error!.Reason);
        Assert.StartsWith("bad.txt:2: ", result.Error.ToString());
    }

    [Fact]
    public void Header_lines_after_the_date_line_give_source_title_url_and_author()
    {
        var a = Article("""
            date 2023-10-05
            source: Le Monde
            title: Le Mali et la Russie signent un accord
            url: https://www.lemonde.fr/afrique/article/2023/10/05/accord.html
            author: Jeanne Martin

            Bamako a signé jeudi un accord militaire avec Moscou. Il prévoit des livraisons.

            Deuxième paragraphe.
            """);
        Assert.Equal("Le Monde", a.Source);
        Assert.Equal("Le Mali et la Russie signent un accord", a.Title);
        Assert.Equal("https://www.lemonde.fr/afrique/article/2023/10/05/accord.html", a.Url);
        Assert.Equal("Jeanne Martin", a.Author);
        Assert.StartsWith("Bamako a signé jeudi", a.Lead);
        Assert.DoesNotContain("source", a.PlainBody);
        Assert.Empty(a.Warnings);
    }

    [Fact]
    public void French_keys_and_any_case_are_accepted_and_the_text_may_follow_without_a_blank_line()
    {
        var a = Article("date 2023-10\nSource: RFI\ntitre: Un titre donné\nAuteur: Paul Durand\nlien: http://rfi.fr/a\nBamako a signé un accord.");
        Assert.Equal(("RFI", "Un titre donné", "Paul Durand", "http://rfi.fr/a"), (a.Source, a.Title, a.Author, a.Url));
        Assert.Equal("Bamako a signé un accord.", a.Lead);
    }

    [Fact]
    public void Without_metadata_the_title_is_derived_as_before()
    {
        var a = Article("date 2023-10\n\nBamako accueille un sommet. La suite est plus longue.");
        Assert.Equal("Bamako accueille un sommet", a.Title);
        Assert.Null(a.Source);
        Assert.Null(a.Url);
        Assert.Null(a.Author);
    }

    [Fact]
    public void A_first_line_that_merely_contains_a_colon_is_text()
    {
        var a = Article("date 2023-10\nMoscou : la Russie promet des armes au Mali.\n\nSuite.");
        Assert.Null(a.Source);
        Assert.Equal("Moscou : la Russie promet des armes au Mali.", a.Lead);
        Assert.Empty(a.Warnings);
    }

    [Theory]
    [InlineData("url: www.lemonde.fr/article", 3, "url 'www.lemonde.fr/article' is not an absolute http(s) address (ignored)")]
    [InlineData("url: javascript:alert(1)", 3, "is not an absolute http(s) address")]
    [InlineData("source:", 3, "'source' has no value (ignored)")]
    [InlineData("editeur: Le Seuil", 3, "unknown metadata 'editeur' (ignored; known: source, title, url, author)")]
    [InlineData("source Le Monde", 3, "expected 'source: value' in the metadata (line ignored)")]
    [InlineData("title: Un titre\ntitle: Un autre", 4, "'title' given twice: the value of line 3 is kept")]
    public void Malformed_metadata_is_a_warning_with_its_line_and_the_article_still_imports(string header, int line, string warning)
    {
        var a = Article($"date 2023-10-05\nauthor: Paul Durand\n{header}\n\nBamako a signé un accord avec Moscou.");
        var w = Assert.Single(a.Warnings);
        Assert.Equal(line, w.Line);
        Assert.Contains(warning, w.Message);
        Assert.Equal("Paul Durand", a.Author);
        Assert.Equal("Bamako a signé un accord avec Moscou.", a.Lead);
    }

    [Fact]
    public void A_first_header_line_without_its_colon_is_text_not_metadata()
    {
        // Only a line inside a header that has begun can be a slip; a first line like this is the text, as before.
        var a = Article("date 2023-10\nsource Le Monde a écrit que Bamako signe.\n\nSuite.");
        Assert.StartsWith("source Le Monde", a.Lead);
    }

    [Fact]
    public void A_title_too_long_is_cut_with_a_warning()
    {
        var a = Article($"date 2023-10\ntitle: {new string('a', 400)}\n\nTexte.");
        Assert.Equal(301, a.Title.Length);
        Assert.Contains(a.Warnings, w => w.Line == 2 && w.Message.Contains("cut to 300"));
    }

    [Fact]
    public void Metadata_makes_no_body_when_there_is_no_text()
    {
        var result = Parse("date 2023-10\nsource: Le Monde\ntitle: Rien\n", "bad.txt");
        Assert.Equal("bad.txt:1: no body text after the date line", result.Error!.ToString());
    }

    [Fact]
    public void The_shared_wikinews_set_parses_and_with_its_index_s_days_and_titles_as_headers()
    {
        var folder = WikinewsFolder;
        var index = File.ReadAllLines(Path.Combine(folder, "index.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.NotEmpty(index);
        foreach (var row in index)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, "articles", row[0]));
            var plain = ArticleParser.Parse(row[0], bytes);
            Assert.Null(plain.Error);
            var text = Encoding.UTF8.GetString(bytes);
            var withHeader = System.Text.RegularExpressions.Regex.Replace(text, @"^\s*date \d{4}-\d{2}", $"date {row[1]}\ntitle: {row[2]}\nsource: Wikinews");
            var a = ArticleParser.Parse(row[0], Encoding.UTF8.GetBytes(withHeader)).Article!;
            Assert.Equal(row[1], a.DateText);
            Assert.Equal(row[2], a.Title);
            Assert.Equal(plain.Article!.PlainBody, a.PlainBody);
        }
    }

    static string WikinewsFolder => Path.Combine(AppContext.BaseDirectory, "Data", "wikinews-fr-2012");
}
