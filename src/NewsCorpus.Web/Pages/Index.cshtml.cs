using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages;

public sealed class IndexModel(CorpusDb db, IStringLocalizer<UiText> text, CorpusOptions options) : PageModel
{
    /// <summary>The countries this corpus is about, shown as cards on the home page (<see cref="CorpusOptions.FollowedCountries"/>).</summary>
    public IReadOnlyList<string> FocusCountries => options.FollowedCountryCodes;

    /// <summary>The corpus's title, from the configuration.</summary>
    public string Title => string.IsNullOrWhiteSpace(options.Title) ? "NewsCorpus" : options.Title.Trim();

    /// <summary>The corpus's description from the configuration, as written; null for the default (translated) one.</summary>
    public string? Description => string.IsNullOrWhiteSpace(options.Description) ? null : options.Description.Trim();

    public int Articles { get; private set; }
    public int Duplicates { get; private set; }
    public int Rejected { get; private set; }
    public string? FirstMonth { get; private set; }
    public string? LastMonth { get; private set; }
    public int CountryCount { get; private set; }
    public MonthBars Histogram { get; private set; } = new("", []);
    public List<CountryCard> Cards { get; private set; } = [];
    public List<Recent> Latest { get; private set; } = [];

    public sealed record CountryCard(string Iso2, string Name, int Articles, int Mentions);
    public sealed record Recent(string Id, string Month, string Title);

    public async Task OnGetAsync()
    {
        var months = await db.Articles.GroupBy(a => a.Month).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Articles = months.Sum(m => m.Count);
        FirstMonth = months.MinBy(m => m.Key)?.Key;
        LastMonth = months.MaxBy(m => m.Key)?.Key;
        Histogram = await MonthBars.Create(text["Articles par mois"], months.Select(m => (m.Key, m.Count)), m => $"/timeline/{m}")
            .WithDays(Request.Query, MonthBars.DaysOf(db.Articles), day => $"/timeline/{day:yyyy-MM-dd}");
        Duplicates = await db.DuplicateFiles.CountAsync();
        Rejected = await db.RejectedFiles.CountAsync();
        CountryCount = await db.CountryMonths.Select(c => c.Iso2).Distinct().CountAsync();

        var focus = await db.CountryMonths.Where(c => FocusCountries.Contains(c.Iso2))
            .GroupBy(c => c.Iso2)
            .Select(g => new { g.Key, Articles = g.Sum(c => c.Articles), Mentions = g.Sum(c => c.Mentions) })
            .ToListAsync();
        Cards = FocusCountries.Select(iso2 =>
        {
            var row = focus.FirstOrDefault(f => f.Key == iso2);
            return new CountryCard(iso2, CountryNames.Name(iso2), row?.Articles ?? 0, row?.Mentions ?? 0);
        }).ToList();

        Latest = await db.Articles.NewestFirst()
            .Take(5).Select(a => new Recent(a.Id, a.Month, a.Title)).ToListAsync();
    }
}
