using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Articles;
using NewsCorpus.Storage;

namespace NewsCorpus.Web.Pages.Articles;

public sealed class DetailsModel(CorpusDb db) : PageModel
{
    public Article Article { get; private set; } = null!;
    public YearMonth Month { get; private set; }
    public string BodyHtml { get; private set; } = "";
    public List<ArticleCountry> Countries { get; private set; } = [];
    public List<(NamedEntity Entity, int Mentions)> Entities { get; private set; } = [];
    public Neighbour? Previous { get; private set; }
    public Neighbour? Next { get; private set; }
    public List<DuplicateFile> Copies { get; private set; } = [];

    public List<NearCopy> NearCopies { get; private set; } = [];
    public List<NewsCorpus.Research.SimilarArticle> Similar { get; private set; } = [];

    public sealed record Neighbour(string Id, string Title);
    public sealed record NearCopy(string Id, string Month, string Title, double Similarity);

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
        BodyHtml = ArticleHtml.Render(article.Body);
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
        var plain = string.Join("\n\n", article.Lead, article.Headings, article.Body.Replace("## ", ""));
        Similar = NewsCorpus.Research.SimilarArticles.Find(db.OpenConnection(), article.Key, plain);

        // Reading order, the timeline's.
        Previous = await db.Articles.Before(article).Select(a => new Neighbour(a.Id, a.Title)).FirstOrDefaultAsync();
        Next = await db.Articles.After(article).Select(a => new Neighbour(a.Id, a.Title)).FirstOrDefaultAsync();
        return Page();
    }
}
