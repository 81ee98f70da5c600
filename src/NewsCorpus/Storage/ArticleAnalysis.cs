using System.Text;
using NewsCorpus.Analysis;
using NewsCorpus.Articles;
using NewsCorpus.Countries;
using NewsCorpus.Duplicates;
using NewsCorpus.Entities;

namespace NewsCorpus.Storage;

/// <summary>The two texts the full-text index stores for a field (see <see cref="FrenchAnalyzer.IndexText"/>).</summary>
internal readonly record struct FtsText(string Stems, string Exact);

/// <summary>A distinct word of an article and how often the article uses it.</summary>
internal readonly record struct WordTally(AnalyzedWord Word, int Occurrences);

/// <summary>
/// Everything the store keeps about a parsed article that needs no store to compute: the rows' text, the index
/// text, the vocabulary, the MinHash signature, the countries and the entity mentions. Pure CPU work, so the
/// import runs it ahead of the SQLite writer on another thread. Each block is tokenized and analysed once, and
/// that word stream feeds the index text, the vocabulary and the signature.
/// </summary>
internal sealed class ArticleAnalysis
{
    public required string Markdown { get; init; }
    public required string BodyHash { get; init; }
    public required FtsText Title { get; init; }
    public required FtsText Headings { get; init; }
    /// <summary>The paragraphs only: headings have their own column.</summary>
    public required FtsText Body { get; init; }
    /// <summary>Words of the whole text (paragraphs and headings).</summary>
    public required int WordCount { get; init; }
    /// <summary>Each distinct word form of the whole text once, in order of first use.</summary>
    public required IReadOnlyList<WordTally> Words { get; init; }
    public required uint[] Signature { get; init; }
    public required IReadOnlyList<(string Iso2, int Mentions, bool InLead)> Countries { get; init; }
    public required string? MentionLines { get; init; }
    /// <summary>The distinct hashes of the paragraphs that may be boilerplate (see <see cref="Boilerplate.Hashes"/>).</summary>
    public required long[] ParagraphHashes { get; init; }

    public static ArticleAnalysis Of(ParsedArticle article, EntityExtractor extractor)
    {
        int length = article.Blocks.Sum(b => b.Text.Length);
        var body = new FtsBuilder(length);
        var headings = new FtsBuilder(0);
        // Sized for French prose (a word every six or seven characters, about half of them distinct) so they rarely grow.
        var exactWords = new List<string>(length / 6);
        var tallies = new Dictionary<string, int>(length / 12, StringComparer.Ordinal);
        var words = new List<AnalyzedWord>(length / 12);
        foreach (var block in article.Blocks)
        {
            var field = block.Kind == BlockKind.Heading ? headings : body;
            foreach (var (_, word) in FrenchAnalyzer.AnalyzeText(block.Text))
            {
                field.Add(word);
                exactWords.Add(word.Exact);
                if (tallies.TryGetValue(word.Form, out int seen)) tallies[word.Form] = seen + 1;
                else
                {
                    tallies[word.Form] = 1;
                    words.Add(word);
                }
            }
        }
        return new ArticleAnalysis
        {
            Markdown = ArticleMarkdown.FromBlocks(article.Blocks),
            BodyHash = article.BodyHash,
            Title = ToFtsText(FrenchAnalyzer.IndexText(article.Title)),
            Headings = headings.ToFtsText(),
            Body = body.ToFtsText(),
            WordCount = exactWords.Count,
            Words = words.ConvertAll(w => new WordTally(w, tallies[w.Form])),
            Signature = MinHash.SignatureOfWords(exactWords),
            Countries = CountryMentions.Count(article).ToList(),
            MentionLines = EntityIndex.MentionLines(extractor.ExtractArticle(article.Blocks.Select(b => b.Text))),
            ParagraphHashes = Boilerplate.Hashes(article.Blocks).OfType<long>().Distinct().ToArray(),
        };
    }

    /// <summary>
    /// The headings' and the paragraphs' index text of some blocks, field by field as <see cref="Of"/> gives them for a
    /// whole article: the index text of an article whose boilerplate paragraphs are left out.
    /// </summary>
    public static (FtsText Headings, FtsText Body) IndexTexts(IEnumerable<Block> blocks)
    {
        var body = new FtsBuilder(0);
        var headings = new FtsBuilder(0);
        foreach (var block in blocks)
        {
            var field = block.Kind == BlockKind.Heading ? headings : body;
            foreach (var (_, word) in FrenchAnalyzer.AnalyzeText(block.Text)) field.Add(word);
        }
        return (headings.ToFtsText(), body.ToFtsText());
    }

    static FtsText ToFtsText((string Stems, string Exact) text) => new(text.Stems, text.Exact);

    /// <summary>Builds a field's index text word by word, as <see cref="FrenchAnalyzer.IndexText"/> does over the field's joined text.</summary>
    sealed class FtsBuilder(int capacity)
    {
        readonly StringBuilder stems = new(capacity), exact = new(capacity);

        public void Add(AnalyzedWord word)
        {
            exact.Append(word.Exact).Append(' ');
            if (word.IsStopWord) return;
            stems.Append(word.Stem).Append(' ');
            if (word.CommonStem is not null) stems.Append(word.CommonStem).Append(' ');
        }

        public FtsText ToFtsText() => new(stems.ToString(), exact.ToString());
    }
}
