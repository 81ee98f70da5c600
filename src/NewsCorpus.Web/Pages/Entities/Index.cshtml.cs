using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis;
using NewsCorpus.Entities;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Entities;

public sealed class IndexModel(CorpusDb db) : PageModel
{
    public const int PerKind = 200;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Filter { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? KindFilter { get; set; }

    public List<KindGroup> Groups { get; private set; } = [];

    public sealed record Row(string Slug, string Name, int Articles, int Mentions);
    public sealed record KindGroup(EntityKind Kind, int Total, List<Row> Entities);

    public async Task OnGetAsync()
    {
        var kind = EntityKinds.Parse(KindFilter);
        var all = await db.Entities.Where(e => kind == null || e.Kind == kind)
            .OrderByDescending(e => e.Articles).ThenByDescending(e => e.Mentions).ThenBy(e => e.Name)
            .Select(e => new { e.Slug, e.Name, e.Kind, e.Articles, e.Mentions })
            .ToListAsync();
        var filter = string.IsNullOrWhiteSpace(Filter) ? null : Folding.Fold(Filter.Trim());
        Groups = all.Where(e => filter is null || Folding.Fold(e.Name).Contains(filter))
            .GroupBy(e => e.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new KindGroup(g.Key, g.Count(), g.Take(PerKind).Select(e => new Row(e.Slug, e.Name, e.Articles, e.Mentions)).ToList()))
            .ToList();
    }
}
