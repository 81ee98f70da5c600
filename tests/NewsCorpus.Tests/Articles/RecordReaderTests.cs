using NewsCorpus.Articles;

namespace NewsCorpus.Tests.Articles;

public class RecordReaderTests
{
    static List<RawRecord> Read(string text, ArticleFormat format) => [.. RecordReader.Read(new StringReader(text), format)];

    static ParsedArticle Article(RawRecord raw, string file = "export.jsonl")
    {
        Assert.Null(raw.Error);
        var result = ArticleParser.FromRecord(file, raw.Line, raw.Record!, new YearMonth(2026, 11));
        Assert.Null(result.Error);
        return result.Article!;
    }

    [Fact]
    public void Json_lines_give_one_record_a_line_with_named_fields_and_blank_lines_skipped()
    {
        var records = Read("""
            {"id": "a1", "date": "2023-10-05T14:30:00Z", "title": "Accord", "source": "Le Monde", "url": "https://lemonde.fr/x", "author": ["Jeanne Martin", "Paul Durand"], "text": "Bamako signe.\n\nSuite du texte.", "extra": {"ignored": true}}

            {"TEXT": "Ouagadougou reçoit Rosatom.", "Date": "2023-11"}
            """, ArticleFormat.JsonLines);
        Assert.Equal([1, 3], records.Select(r => r.Line));
        var a = Article(records[0]);
        Assert.Equal((new YearMonth(2023, 10), (int?)5, "Accord", "Le Monde", "https://lemonde.fr/x", "Jeanne Martin, Paul Durand"),
            (a.Month, a.Day, a.Title, a.Source, a.Url, a.Author));
        Assert.Equal(["Bamako signe.", "Suite du texte."], a.Blocks.Select(b => b.Text));
        var b = Article(records[1]);
        Assert.Equal((new YearMonth(2023, 11), (int?)null, "Ouagadougou reçoit Rosatom", (string?)null), (b.Month, b.Day, b.Title, b.Source));
    }

    [Fact]
    public void A_text_without_blank_lines_has_a_paragraph_a_line()
    {
        var a = Article(Read("""{"date": "2023-10", "text": "Premier paragraphe.\nDeuxième paragraphe.\nTroisième."}""", ArticleFormat.JsonLines)[0]);
        Assert.Equal(3, a.Blocks.Count);
    }

    [Theory]
    [InlineData("{\"date\": \"2023-10\", \"text\": ", "invalid JSON")]
    [InlineData("[1, 2]", "expected a JSON object, found an array")]
    [InlineData("{\"date\": \"2023-10\", \"text\": {\"p\": 1}}", "'text' must be text, found an object")]
    public void Unreadable_json_lines_are_errors_on_their_line(string line, string reason)
    {
        var records = Read($"{{\"date\": \"2023-10\", \"text\": \"Bon.\"}}\n{line}\n{{\"date\": \"2023-10\", \"text\": \"Bon aussi.\"}}", ArticleFormat.JsonLines);
        Assert.Equal(3, records.Count);
        Assert.Equal(2, records[1].Line);
        Assert.Contains(reason, records[1].Error);
        Assert.Null(records[2].Error);
    }

    [Theory]
    [InlineData("{\"text\": \"Texte.\"}", "export.jsonl:1: no date: every record needs a 'date'")]
    [InlineData("{\"date\": \"2023-10-32\", \"text\": \"Texte.\"}", "export.jsonl:1: invalid day 32")]
    [InlineData("{\"date\": \"octobre 2023\", \"text\": \"Texte.\"}", "export.jsonl:1: invalid date 'octobre 2023'")]
    [InlineData("{\"date\": \"2031-01-02\", \"text\": \"Texte.\"}", "export.jsonl:1: date 2031-01 is in the future")]
    [InlineData("{\"date\": \"2023-10\", \"text\": \"  \"}", "export.jsonl:1: no text")]
    [InlineData("{\"date\": \"2023-10\"}", "export.jsonl:1: no text")]
    public void Records_that_read_but_do_not_make_an_article_are_rejected_with_their_line(string line, string error)
    {
        var raw = Read(line, ArticleFormat.JsonLines)[0];
        var result = ArticleParser.FromRecord("export.jsonl", raw.Line, raw.Record!, new YearMonth(2026, 11));
        Assert.StartsWith(error, result.Error!.ToString());
    }

    [Fact]
    public void A_bad_url_in_a_record_is_a_warning_on_the_record_s_line()
    {
        var raw = Read("\n\n{\"date\": \"2023-10\", \"url\": \"pas une adresse\", \"text\": \"Texte.\"}", ArticleFormat.JsonLines)[0];
        var a = Article(raw);
        Assert.Null(a.Url);
        var w = Assert.Single(a.Warnings);
        Assert.Equal(3, w.Line);
    }

    [Fact]
    public void Record_ids_are_kept_when_hex_derived_when_not_and_stable()
    {
        var hex = new ArticleParser.Record("0123456789ABCDEF", "t", "2023-10", null, null, null, null);
        Assert.Equal("0123456789abcdef", ArticleParser.RecordId(hex, "x.jsonl"));
        var named = new ArticleParser.Record("stories-42", "t", "2023-10", null, null, null, null);
        Assert.Matches("^[0-9a-f]{16}$", ArticleParser.RecordId(named, "x.jsonl"));
        Assert.Equal(ArticleParser.RecordId(named, "x.jsonl"), ArticleParser.RecordId(named with { Text = "autre" }, "y.csv"));
        var anonymous = new ArticleParser.Record(null, "t", "2023-10", null, null, null, null);
        Assert.NotEqual(ArticleParser.RecordId(anonymous, "x.jsonl"), ArticleParser.RecordId(anonymous with { Text = "u" }, "x.jsonl"));
    }

    [Fact]
    public void Csv_follows_rfc_4180_with_quotes_delimiters_and_line_breaks_inside_fields()
    {
        var records = Read("\uFEFFid,date,title,text,source\r\n"
            + "1,2023-10-05,\"Accord, enfin\",\"Bamako signe \"\"l'accord\"\".\r\n\r\nSuite.\",RFI\r\n"
            + "2,2023-11,,Ouagadougou reçoit Rosatom.,\r\n", ArticleFormat.Csv);
        Assert.Equal([2, 5], records.Select(r => r.Line));
        var a = Article(records[0], "export.csv");
        Assert.Equal(("Accord, enfin", "RFI", (int?)5), (a.Title, a.Source, a.Day));
        Assert.Equal(["Bamako signe \"l'accord\".", "Suite."], a.Blocks.Select(b => b.Text));
        var b = Article(records[1], "export.csv");
        Assert.Equal(("Ouagadougou reçoit Rosatom", (string?)null), (b.Title, b.Source));
    }

    [Fact]
    public void Csv_with_semicolons_as_french_excel_writes_it()
    {
        var records = Read("Date;Texte;Titre\n2023-10;Un texte, avec une virgule.;Un titre\n", ArticleFormat.Csv);
        var a = Article(Assert.Single(records), "export.csv");
        Assert.Equal(("Un titre", "Un texte, avec une virgule."), (a.Title, a.Lead));
    }

    [Fact]
    public void Csv_rows_with_the_wrong_number_of_fields_or_an_open_quote_are_errors_on_their_line()
    {
        var records = Read("date,text\n2023-10,Bon.\n2023-10,Trop,de champs\n2023-10,Bon aussi.\n2023-10,\"Jamais fermé\n", ArticleFormat.Csv);
        Assert.Equal([2, 3, 4, 5], records.Select(r => r.Line));
        Assert.Equal("3 fields where the header has 2", records[1].Error);
        Assert.Null(records[2].Error);
        Assert.Equal("unterminated quoted field (opened on line 5)", records[3].Error);
    }

    [Fact]
    public void A_csv_without_a_text_or_date_column_is_one_error_on_the_header()
    {
        var raw = Assert.Single(Read("titre,corps\nA,B\n", ArticleFormat.Csv));
        Assert.Equal(1, raw.Line);
        Assert.Equal("no 'text' or 'date' column: the header names 'titre', 'corps'", raw.Error);
    }

    [Theory]
    [InlineData("a.txt", ArticleFormat.Text)]
    [InlineData("a.JSONL", ArticleFormat.JsonLines)]
    [InlineData("a.ndjson", ArticleFormat.JsonLines)]
    [InlineData("export.csv", ArticleFormat.Csv)]
    public void The_format_follows_the_extension(string name, ArticleFormat format) => Assert.Equal(format, ArticleFormats.FromFileName(name));
}
