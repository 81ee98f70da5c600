using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NewsCorpus.Analysis;
using NewsCorpus.Articles;
using NewsCorpus.Countries;
using NewsCorpus.Duplicates;
using NewsCorpus.Entities;
using NewsCorpus.Generation;
using NewsCorpus.Storage;

namespace NewsCorpus.Tests.Storage;

/// <summary>The one-pass analysis of an article gives what each separate pass over its text gives.</summary>
public class ArticleAnalysisTests
{
    public static TheoryData<int> Articles => new(Enumerable.Range(0, 40));

    static readonly List<ParsedArticle> Parsed = new CorpusGenerator(seed: 3).Generate(40)
        .Select(a => ArticleParser.Parse(a.FileName, Encoding.UTF8.GetBytes(a.Content)).Article!)
        .ToList();

    [Theory]
    [MemberData(nameof(Articles))]
    public void Matches_the_separate_passes(int index)
    {
        var article = Parsed[index];
        var analysis = ArticleAnalysis.Of(article, EntityExtractor.Default);
        var paragraphs = string.Join("\n\n", article.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text));

        Assert.Equal(FrenchAnalyzer.IndexText(article.Title), (analysis.Title.Stems, analysis.Title.Exact));
        Assert.Equal(FrenchAnalyzer.IndexText(article.Headings), (analysis.Headings.Stems, analysis.Headings.Exact));
        Assert.Equal(FrenchAnalyzer.IndexText(paragraphs), (analysis.Body.Stems, analysis.Body.Exact));

        var words = FrenchAnalyzer.AnalyzeText(article.PlainBody).Select(w => w.Word).ToList();
        Assert.Equal(words.Count, analysis.WordCount);
        var expectedTallies = words.GroupBy(w => w.Form).Select(g => (g.Key, g.Count()));
        Assert.Equal(expectedTallies, analysis.Words.Select(t => (t.Word.Form, t.Occurrences)));

        Assert.Equal(MinHash.Signature(article.PlainBody), analysis.Signature);
        Assert.Equal(CountryMentions.Count(article).ToList(), analysis.Countries);
        Assert.Equal(EntityIndex.MentionLines(EntityExtractor.Default.ExtractArticle(article.Blocks.Select(b => b.Text))), analysis.MentionLines);
        Assert.Equal(ArticleMarkdown.FromBlocks(article.Blocks), analysis.Markdown);
        Assert.Equal(RegexBodyHash(article), analysis.BodyHash);
    }

    [Fact]
    public void The_body_hash_folds_every_kind_of_white_space_as_the_regex_did()
    {
        var article = new ParsedArticle("0123456789abcdef", "x.txt", 1, new YearMonth(2024, 1), "Titre",
            [new Block(BlockKind.Paragraph, " Le\u00A0Mali\t\tet  le\u2028Niger \u3000"), new Block(BlockKind.Heading, "\u0085Suite\u000B")], []);
        Assert.Equal(RegexBodyHash(article), article.BodyHash);
    }

    static string RegexBodyHash(ParsedArticle article) => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Regex.Replace(article.PlainBody, @"\s+", " ").Trim())));
}
