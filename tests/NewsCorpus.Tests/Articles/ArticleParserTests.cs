using System.Text;
using NewsCorpus.Articles;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Articles;

public class ArticleParserTests
{
    static ParseResult Parse(string content, string name = "001_0123456789abcdef.txt") =>
        ArticleParser.Parse(name, Encoding.UTF8.GetBytes(content), new YearMonth(2026, 11));

    static ParsedArticle Seed(string fileName)
    {
        var path = Path.Combine(TestCorpus.SeedsFolder, fileName);
        var result = ArticleParser.Parse(fileName, File.ReadAllBytes(path));
        Assert.Null(result.Error);
        return result.Article!;
    }

    [Fact]
    public void Seed_000_strips_the_advertising_noise_on_the_date_line()
    {
        var a = Seed("000_cd73a028ba1b9d44.txt");
        Assert.Equal("cd73a028ba1b9d44", a.Id);
        Assert.Equal(0, a.Number);
        Assert.Equal(new YearMonth(2023, 10), a.Month);
        Assert.StartsWith("Le Burkina Faso, suivant les traces du Mali", a.Lead);
        Assert.DoesNotContain("Publicité", a.PlainBody);
        Assert.Equal(["Une coopération militaire renforcée"], a.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text));
        Assert.Empty(a.Warnings);
    }

    [Fact]
    public void Seed_004_starts_its_lead_on_the_date_line_and_has_two_headings()
    {
        var a = Seed("004_85765fc0af500544.txt");
        Assert.Equal(new YearMonth(2023, 11), a.Month);
        Assert.StartsWith("Le rapprochement entre la Russie et le Mali", a.Lead);
        Assert.Equal(["Coopération militaire", "La santé également dans le viseur"],
            a.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text));
        Assert.StartsWith("Le rapprochement entre la Russie et le Mali est un exemple éloquent", a.Title);
        Assert.True(a.Title.Length <= 111, a.Title);
        Assert.EndsWith("…", a.Title);
    }

    [Fact]
    public void A_short_first_sentence_is_the_whole_title()
    {
        var a = Parse("date 2023-05 Bamako accueille un sommet. La suite du texte est plus longue que le titre.\n\nDeuxième paragraphe.").Article!;
        Assert.Equal("Bamako accueille un sommet", a.Title);
    }

    [Theory]
    [InlineData("Le texte sans date.\n\nSuite.", 1, "no date line")]
    [InlineData("\n\n  date 2024-13 Texte.", 3, "invalid month 13")]
    [InlineData("date 2023-1 Texte.", 1, "invalid date '2023-1'")]
    [InlineData("date 23-10 Texte.", 1, "invalid date '23-10'")]
    [InlineData("date 2023-10", 1, "no body text")]
    [InlineData("date 2023-10 Publicité\n\n\n", 1, "no body text")]
    [InlineData("   \n\t\n", 1, "empty file")]
    [InlineData("date 2031-01 Texte venu du futur.", 1, "in the future")]
    public void Bad_files_are_rejected_with_line_and_reason(string content, int line, string reason)
    {
        var result = Parse(content, "bad.txt");
        Assert.Null(result.Article);
        Assert.NotNull(result.Error);
        Assert.Equal(line, result.Error.Line);
        Assert.Contains(reason, result.Error.Reason);
        Assert.StartsWith($"bad.txt:{line}: ", result.Error.ToString());
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        var result = ArticleParser.Parse("empty.txt", [], null);
        Assert.Equal("empty.txt: empty file", result.Error!.ToString());
    }

    [Fact]
    public void Bom_and_crlf_are_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("date 2023-10 Premier paragraphe.\r\n\r\nDeuxième paragraphe.\r\n")).ToArray();
        var a = ArticleParser.Parse("x.txt", bytes).Article!;
        Assert.Equal(["Premier paragraphe.", "Deuxième paragraphe."], a.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Windows_1252_is_decoded_with_a_warning()
    {
        var bytes = Encoding.Latin1.GetBytes("date 2023-10 La coopération militaire s'est renforcée à Bamako.");
        var a = ArticleParser.Parse("old.txt", bytes).Article!;
        Assert.Equal("La coopération militaire s'est renforcée à Bamako.", a.Lead);
        Assert.Contains(a.Warnings, w => w.Message.Contains("Windows-1252"));
    }

    [Fact]
    public void An_accent_or_a_backtick_typed_for_an_apostrophe_inside_a_word_is_one()
    {
        var a = Parse("date 2012-11\n\nArmel Le Cléac´h double l`armada. Le prix est de 5 ´ et un ` seul.").Article!;
        Assert.Equal("Armel Le Cléac’h double l’armada. Le prix est de 5 ´ et un ` seul.", a.Lead);
    }

    [Fact]
    public void Invisible_characters_are_cleaned_and_text_is_nfc()
    {
        var a = Parse("date 2023-10 Coope\u0301ration\u00A0militaire, ren\u00ADforce\u0301e\u200B et\u202Fsuivie.").Article!;
        Assert.Equal("Coopération militaire, renforcée et suivie.", a.Lead);
    }

    [Fact]
    public void Lines_of_one_paragraph_are_joined_and_headings_need_no_final_punctuation()
    {
        var a = Parse("date 2023-10 Premier paragraphe\nqui continue ici.\n\nUn intertitre\n\nLe corps, enfin.\n\nCeci n’est pas un intertitre.\n\nFin").Article!;
        Assert.Equal(
            [(BlockKind.Paragraph, "Premier paragraphe qui continue ici."), (BlockKind.Heading, "Un intertitre"),
             (BlockKind.Paragraph, "Le corps, enfin."), (BlockKind.Paragraph, "Ceci n’est pas un intertitre."), (BlockKind.Paragraph, "Fin")],
            a.Blocks.Select(b => (b.Kind, b.Text)));
    }

    [Theory]
    [InlineData("France : encore un suicide de postier en Bretagne")]
    [InlineData("France : faut-il croire en la suite d'Envoyé spécial ?")]
    [InlineData("Jean-Marie Le Pen traite sa fille de « petite-bourgeoise »")]
    [InlineData("2012 : l'année du Boson de Higgs")]
    public void A_headline_on_the_text_s_first_line_is_the_title_not_the_lead(string headline)
    {
        var a = Parse($"date 2012-05-29\n\n{headline}\n\nUn postier a été retrouvé mort. Le syndicat l'a révélé.\n\nLa Poste a réagi.").Article!;
        Assert.Equal(headline, a.Title);
        Assert.Equal(headline, a.Headline);
        Assert.Equal("Un postier a été retrouvé mort. Le syndicat l'a révélé.", a.Lead);
        Assert.Equal([BlockKind.Headline, BlockKind.Paragraph, BlockKind.Paragraph], a.Blocks.Select(b => b.Kind));
        // Stored and read back as it was, and still part of the text (the same body hash as before it had a kind of its own).
        Assert.Equal(a.Blocks, ArticleMarkdown.ToBlocks(ArticleMarkdown.FromBlocks(a.Blocks)));
        Assert.StartsWith(headline + "\n\n", a.PlainBody);
    }

    [Theory]
    [InlineData("Un postier a été retrouvé mort.\n\nLa Poste a réagi.")]                        // a sentence
    [InlineData("Par Jeanne Martin\n\nLa Poste a réagi.")]                                       // a byline
    [InlineData("France : encore un suicide de postier en Bretagne")]                          // the whole text
    [InlineData("Bamako, le 5 octobre :\n\nLa Poste a réagi.")]                                   // a dateline that announces what follows
    public void A_first_line_that_is_no_headline_stays_the_lead(string text)
    {
        var a = Parse($"date 2012-05-29\n\n{text}").Article!;
        Assert.Null(a.Headline);
        Assert.NotEqual(BlockKind.Headline, a.Blocks[0].Kind);
        Assert.Equal(a.Blocks.First(b => b.Kind == BlockKind.Paragraph).Text, a.Lead);
    }

    [Fact]
    public void A_name_without_the_standard_shape_gets_an_id_from_the_content()
    {
        var content = "date 2023-10 Un article sans nom standard.";
        var a = Parse(content, "notes.txt").Article!;
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
        Assert.Equal(expected, a.Id);
        Assert.Null(a.Number);
    }

    [Theory]
    [InlineData("1000_0123456789ABCDEF.txt", 1000L, "0123456789abcdef")]
    [InlineData("004_85765fc0af500544.txt", 4L, "85765fc0af500544")]
    [InlineData("4_85765fc0af50054.txt", null, null)]
    public void File_names_give_the_running_number_and_the_id(string name, long? number, string? id) =>
        Assert.Equal((number, id), ArticleParser.ReadFileName(name));

    [Fact]
    public void Exact_duplicates_have_the_same_body_hash_whatever_the_line_ends()
    {
        var a = Parse("date 2023-10 Même texte.\n\nDeux paragraphes.").Article!;
        var b = Parse("date 2023-10   Même texte.\r\n\r\nDeux  paragraphes.\r\n", "other.txt").Article!;
        var c = Parse("date 2023-10 Autre texte.\n\nDeux paragraphes.").Article!;
        Assert.Equal(a.BodyHash, b.BodyHash);
        Assert.NotEqual(a.BodyHash, c.BodyHash);
    }

    [Theory]
    [InlineData("Manifestation à Bamako, le 5 février 2023. / AFP")]
    [InlineData("Des soldats maliens à Gao | Reuters")]
    [InlineData("Le président de la transition, à Ouagadougou. © Olympia de Maismont / AFP")]
    [InlineData("© Reuters")]
    [InlineData("Photo : Jean Dupont")]
    [InlineData("Crédit photo : Wikimedia Commons")]
    [InlineData("Par Jeanne Martin")]
    [InlineData("Par Jeanne Martin (Bamako, envoyée spéciale)")]
    public void Captions_credits_and_bylines_are_neither_headings_nor_paragraphs(string line)
    {
        var a = Parse($"date 2023-10\n\nLe Mali et la Russie signent un accord.\n\n{line}\n\nLa suite du texte, enfin.\n").Article!;
        Assert.Equal(BlockKind.Caption, a.Blocks[1].Kind);
        Assert.DoesNotContain(line, a.Headings);
    }

    [Theory]
    [InlineData("Une coopération militaire renforcée", BlockKind.Heading)]
    [InlineData("Par ailleurs, Moscou a livré des hélicoptères.", BlockKind.Paragraph)]
    [InlineData("Par conséquent, le contrat est suspendu.", BlockKind.Paragraph)]
    [InlineData("Le ministre l'a annoncé lundi (AFP).", BlockKind.Paragraph)]
    [InlineData("Le prix a doublé / selon le ministère", BlockKind.Heading)]
    public void Prose_that_looks_a_little_like_a_credit_stays_prose(string line, BlockKind expected)
    {
        var a = Parse($"date 2023-10\n\nLe Mali et la Russie signent un accord.\n\n{line}\n\nLa suite du texte, enfin.\n").Article!;
        Assert.Equal(expected, a.Blocks[1].Kind);
    }
}
