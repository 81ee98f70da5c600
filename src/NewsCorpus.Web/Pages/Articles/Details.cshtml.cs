using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis;
using NewsCorpus.Articles;
using NewsCorpus.Storage;

namespace NewsCorpus.Web.Pages.Articles;

public sealed class DetailsModel(CorpusDb db) : PageModel
{
    public Article Article { get; private set; } = null!;
    public YearMonth Month { get; private set; }
    public string BodyHtml { get; private set; } = "";
    /// <summary>The article's boilerplate paragraphs, each rendered, with the number of articles that repeat it.</summary>
    public List<(string Html, int Articles)> Repeated { get; private set; } = [];
    public List<ArticleCountry> Countries { get; private set; } = [];
    public List<(NamedEntity Entity, int Mentions)> Entities { get; private set; } = [];
    public Neighbour? Previous { get; private set; }
    public Neighbour? Next { get; private set; }
    public List<DuplicateFile> Copies { get; private set; } = [];

    public List<NearCopy> NearCopies { get; private set; } = [];
    public List<NewsCorpus.Research.SimilarArticle> Similar { get; private set; } = [];

    public sealed record Neighbour(string Id, string Title);
    public sealed record NearCopy(string Id, string Month, string Title, double Similarity);
    public sealed record RepeatedParagraph(long Hash, int Articles);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            // An exact duplicate's id leads to the article it copies.
            var copy = await db.DuplicateFiles.FirstOrDefaultAsync(d => d.Id == id);
            return copy is null ? NotFound() : RedirectPermanent($"/articles/{copy.OriginalId}");
        }
        Article = article;
        Month = YearMonth.TryParse(article.Month, out var ym) ? ym.Value : default;
        var (content, repeated) = await SplitBoilerplate(WithoutTitle(ArticleMarkdown.ToBlocks(article.Body), article.Title));
        (BodyHtml, Repeated) = (ArticleHtml.Render(content), repeated);
        Countries = await db.ArticleCountries.Where(c => c.ArticleKey == article.Key).OrderByDescending(c => c.Weight).ToListAsync();
        Entities = (await db.ArticleEntities.Where(x => x.ArticleKey == article.Key)
                .OrderByDescending(x => x.Mentions).Select(x => new { x.Entity, x.Mentions }).ToListAsync())
            .Select(x => (x.Entity, x.Mentions)).ToList();
        Copies = await db.DuplicateFiles.Where(d => d.OriginalId == article.Id).ToListAsync();
        NearCopies = await db.Database.SqlQuery<NearCopy>($"""
            SELECT a.id AS Id, a.month AS Month, a.title AS Title, n.similarity AS Similarity
            FROM near_duplicates n JOIN articles a ON a.article_key = n.other_key
            WHERE n.article_key = {article.Key} ORDER BY n.similarity DESC, a.month
            """).ToListAsync();
        var plain = NewsCorpus.Research.SimilarArticles.TextOf(article.Title, article.Headings, content);
        Similar = NewsCorpus.Research.SimilarArticles.Find(db.OpenConnection(), article.Key, plain);

        // Reading order, the timeline's.
        Previous = await db.Articles.Before(article).Select(a => new Neighbour(a.Id, a.Title)).FirstOrDefaultAsync();
        Next = await db.Articles.After(article).Select(a => new Neighbour(a.Id, a.Title)).FirstOrDefaultAsync();
        return Page();
    }

    /// <summary>
    /// The blocks to show under the page's title: the text's own headline is that title, shown once; a headline other
    /// than the title (an index gave another) stays, as a heading.
    /// </summary>
    static List<Block> WithoutTitle(List<Block> blocks, string title) =>
        blocks.Where(b => b.Kind != BlockKind.Headline || Folding.Fold(b.Text).Trim() != Folding.Fold(title).Trim())
            .Select(b => b.Kind == BlockKind.Headline ? b with { Kind = BlockKind.Heading } : b).ToList();

    /// <summary>
    /// The body's Markdown without its boilerplate paragraphs, and those paragraphs rendered, with their number of
    /// articles. Boilerplate is not the article's content: the page folds it out of the text into a closed disclosure
    /// after it, where it stays readable (the article is shown whole, as filed) without being read as the story.
    /// </summary>
    async Task<(string Content, List<(string Html, int Articles)> Repeated)> SplitBoilerplate(List<Block> blocks)
    {
        var body = ArticleMarkdown.FromBlocks(blocks);
        var hashes = Boilerplate.Hashes(blocks);
        var candidates = hashes.OfType<long>().Distinct().Cast<object>().ToArray();
        if (candidates.Length == 0) return (body, []);
        var placeholders = string.Join(", ", candidates.Select((_, i) => $"{{{i}}}"));
        var query = FormattableStringFactory.Create(
            "SELECT paragraph_hash AS Hash, articles AS Articles FROM boilerplate WHERE paragraph_hash IN (" + placeholders + ")", candidates);
        var counts = (await db.Database.SqlQuery<RepeatedParagraph>(query)
            .ToListAsync()).ToDictionary(r => r.Hash, r => r.Articles);
        if (counts.Count == 0) return (body, []);
        var content = new List<Block>();
        var repeated = new List<(string, int)>();
        for (int i = 0; i < blocks.Count; i++)
            if (hashes[i] is { } hash && counts.TryGetValue(hash, out var articles))
                repeated.Add((ArticleHtml.Render(ArticleMarkdown.FromBlocks([blocks[i]])), articles));
            else
                content.Add(blocks[i]);
        return (ArticleMarkdown.FromBlocks(content), repeated);
    }
}
