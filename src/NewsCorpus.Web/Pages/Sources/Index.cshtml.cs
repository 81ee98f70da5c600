using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Search;
using NewsCorpus.Storage;

namespace NewsCorpus.Web.Pages.Sources;

/// <summary>Every outlet the articles name, most articles first; empty when the corpus names none.</summary>
public sealed class IndexModel(CorpusDb db) : PageModel
{
    public sealed record Outlet(string Slug, string Name, int Articles, string First, string Last);

    public List<Outlet> Outlets { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = await db.Articles.Where(a => a.Source != null)
            .GroupBy(a => a.Source!)
            .Select(g => new { Name = g.Key, Count = g.Count(), First = g.Min(a => a.Month), Last = g.Max(a => a.Month) })
            .ToListAsync();
        Outlets = rows.GroupBy(r => SourceNames.Slug(r.Name)!)
            .Select(g => new Outlet(g.Key, SourceNames.Preferred(g.Select(r => (r.Name, r.Count))),
                g.Sum(r => r.Count), g.Min(r => r.First)!, g.Max(r => r.Last)!))
            .OrderByDescending(o => o.Articles).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
    }
}
