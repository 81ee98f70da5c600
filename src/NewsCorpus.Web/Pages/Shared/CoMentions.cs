using Microsoft.EntityFrameworkCore;
using NewsCorpus.Entities;
using NewsCorpus.Storage;

namespace NewsCorpus.Web.Pages.Shared;

/// <summary>What else a set of articles names: the countries and entities most often mentioned alongside.</summary>
public static class CoMentions
{
    public sealed record CountryCount(string Iso2, string Name, int Articles);
    public sealed record EntityCount(string Slug, string Name, EntityKind Kind, int Articles);

    /// <summary>What the _CoMentions partial shows; <see cref="PairLink"/> leads to the articles naming both.</summary>
    public sealed record View(List<CountryCount> Countries, List<EntityCount> Entities, Func<string, string> PairLink);

    /// <summary>The countries most often named with a country, from the counts made at import.</summary>
    public static async Task<List<CountryCount>> CountriesWith(CorpusDb db, string iso2, int top = 12)
    {
        var rows = await db.CountryPairs.Where(p => p.Iso2 == iso2)
            .OrderByDescending(p => p.Articles).ThenBy(p => p.Other).Take(top).ToListAsync();
        return rows.Select(r => new CountryCount(r.Other, CountryNames.Name(r.Other), r.Articles)).ToList();
    }

    /// <summary>The entities most often named in a country's articles, from the counts made at import.</summary>
    public static async Task<List<EntityCount>> EntitiesWith(CorpusDb db, string iso2, int top = 15)
    {
        var rows = await db.CountryEntities.Where(c => c.Iso2 == iso2)
            .OrderByDescending(c => c.Articles).ThenBy(c => c.EntityKey).Take(top)
            .Join(db.Entities, c => c.EntityKey, e => e.Key, (c, e) => new { c.Articles, e.Slug, e.Name, e.Kind })
            .ToListAsync();
        return rows.OrderByDescending(r => r.Articles).Select(r => new EntityCount(r.Slug, r.Name, r.Kind, r.Articles)).ToList();
    }

    public static async Task<List<CountryCount>> Countries(CorpusDb db, IQueryable<long> articles, string? except = null, int top = 12)
    {
        var rows = await db.ArticleCountries
            .Where(c => c.Iso2 != except && articles.Contains(c.ArticleKey))
            .GroupBy(c => c.Iso2)
            .Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key)
            .Take(top)
            .ToListAsync();
        return rows.Select(r => new CountryCount(r.Key, CountryNames.Name(r.Key), r.Count)).ToList();
    }

    public static async Task<List<EntityCount>> Entities(CorpusDb db, IQueryable<long> articles, long? except = null, int top = 15)
    {
        var rows = await db.ArticleEntities
            .Where(x => x.EntityKey != except && articles.Contains(x.ArticleKey))
            .GroupBy(x => x.EntityKey)
            .Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key)
            .Take(top)
            .ToListAsync();
        var keys = rows.Select(r => r.Key).ToList();
        var names = await db.Entities.Where(e => keys.Contains(e.Key)).ToDictionaryAsync(e => e.Key);
        return rows.Where(r => names.ContainsKey(r.Key))
            .Select(r => new EntityCount(names[r.Key].Slug, names[r.Key].Name, names[r.Key].Kind, r.Count)).ToList();
    }
}
