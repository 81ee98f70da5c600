using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsCorpus.Analysis;
using NewsCorpus.Articles;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Entities;

public sealed class DetailsModel(CorpusDb db, IStringLocalizer<UiText> text) : PageModel
{
    public const int PageSize = 20;
    const int SentenceArticles = 10;

    public NamedEntity Entity { get; private set; } = null!;
    public MonthBars Histogram { get; private set; } = new("", []);
    public List<CoMentions.CountryCount> Countries { get; private set; } = [];
    public List<CoMentions.EntityCount> Related { get; private set; } = [];
    public List<Quote> Quotes { get; private set; } = [];
    public List<Row> Articles { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 1, _ => "");
    public CoMentions.View CoMentionsView => new(Countries, Related, iso2 => $"/search?entity={Entity.Slug}&country={iso2}");

    public ExportLinks Exports => ExportLinks.For($"entities/{Entity.Slug}");

    public sealed record Quote(string ArticleId, string Month, string Sentence);
    public sealed record Row(string Id, string Month, string Title, int Mentions);

    public async Task<IActionResult> OnGetAsync(string slug, int p = 1)
    {
        var entity = await db.Entities.FirstOrDefaultAsync(e => e.Slug == slug);
        if (entity is null) return NotFound();
        Entity = entity;
        var mentions = db.ArticleEntities.Where(x => x.EntityKey == entity.Key);
        var articleKeys = mentions.Select(x => x.ArticleKey);

        var months = await mentions.GroupBy(x => x.Article.Month).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Histogram = await MonthBars.Create(text["Articles citant {0}, par mois", entity.Name], months.Select(m => (m.Key, m.Count)),
            m => $"/search?entity={entity.Slug}&from={m}&to={m}")
            .WithDays(Request.Query, MonthBars.DaysOf(mentions.Select(x => x.Article)));
        Countries = await CoMentions.Countries(db, articleKeys);
        Related = await CoMentions.Entities(db, articleKeys, except: entity.Key);

        var newest = await mentions.NewestFirst(x => x.Article)
            .Take(SentenceArticles)
            .Select(x => new { x.Article.Id, x.Article.Month, x.Article.Lead, x.Article.Body, x.Surfaces })
            .ToListAsync();
        Quotes = newest.SelectMany(a => SentencesNaming(ArticleMarkdown.PlainText(a.Body), a.Surfaces.Split('\n'))
            .Take(3).Select(s => new Quote(a.Id, a.Month, s))).Take(12).ToList();

        int total = entity.Articles;
        int pageCount = Pager.PageCountFor(total, PageSize);
        p = Math.Clamp(p, 1, pageCount);
        Pager = new Pager(p, pageCount, n => $"/entities/{entity.Slug}?p={n}");
        Articles = await mentions.NewestFirst(x => x.Article)
            .Skip((p - 1) * PageSize).Take(PageSize)
            .Select(x => new Row(x.Article.Id, x.Article.Month, x.Article.Title, x.Mentions))
            .ToListAsync();
        return Page();
    }

    /// <summary>The sentences of a text that contain one of the spellings, compared without case or accents.</summary>
    public static IEnumerable<string> SentencesNaming(string text, IReadOnlyList<string> surfaces)
    {
        var folded = surfaces.Select(Folding.Fold).Where(s => s.Length > 0).ToList();
        foreach (var paragraph in text.Split("\n\n"))
            foreach (var sentence in NewsCorpus.Articles.Sentences.Split(paragraph))
            {
                var f = Folding.Fold(sentence);
                if (folded.Any(s => f.Contains(s))) yield return sentence;
            }
    }
}
