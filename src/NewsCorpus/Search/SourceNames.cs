using System.Security.Cryptography;
using System.Text;
using NewsCorpus.Entities;

namespace NewsCorpus.Search;

/// <summary>
/// How outlets are named in addresses and filters: a slug of the name the articles give ("Le Monde" → le-monde),
/// so that "Le Monde", "LE MONDE" and "le monde" are one outlet.
/// </summary>
public static class SourceNames
{
    /// <summary>The slug of an outlet's name, or of a slug typed in a filter; null for text with nothing to name.</summary>
    public static string? Slug(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) return null;
        var slug = EntityNames.Slug(name.Replace('-', ' ').Replace('_', ' ').Replace('.', ' '));
        if (slug != "entity" || name.Trim().Equals("entity", StringComparison.OrdinalIgnoreCase)) return slug;
        // A name with no Latin letter or digit (Российская газета) gets a stable slug of its own.
        return "source-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim().ToLowerInvariant())))[..8];
    }

    /// <summary>
    /// The spelling to show for an outlet written several ways: the one most articles use, then the one with fewer
    /// capitals ("Le Monde" before "LE MONDE"), then by code point.
    /// </summary>
    public static string Preferred(IEnumerable<(string Name, int Count)> spellings) =>
        spellings.OrderByDescending(s => s.Count).ThenBy(s => s.Name.Count(char.IsUpper)).ThenBy(s => s.Name, StringComparer.Ordinal).First().Name;

    /// <summary>The outlets of a facet: spellings of one outlet merged under its slug, most articles first.</summary>
    public static List<SourceCount> Facet(IEnumerable<(string Name, int Count)> counts) =>
        counts.GroupBy(c => Slug(c.Name)!)
            .Select(g => new SourceCount(g.Key, Preferred(g), g.Sum(x => x.Count)))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();

    /// <summary>Whether an outlet's name answers to a slug from a filter (hyphens aside: lemonde finds Le Monde).</summary>
    public static bool Matches(string name, string slug) =>
        Slug(name) is { } own && (own == slug || own.Replace("-", "") == slug.Replace("-", ""));
}
