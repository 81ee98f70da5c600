using NewsCorpus.Articles;

namespace NewsCorpus.Search;

public enum SearchSort { Relevance, Newest, Oldest }

public sealed record SearchRequest(string? Query, SearchFilters Filters, SearchSort? Sort = null, int Page = 1, int PageSize = 20)
{
    /// <summary>Problems with the form fields themselves (an unreadable month, an unknown sort), reported with the results.</summary>
    public IReadOnlyList<QueryNotice> Notices { get; init; } = [];

    /// <summary>A request from the raw form or URL values; values that cannot be read are dropped with a notice.</summary>
    public static SearchRequest FromForm(string? q, string? country, string? from, string? to, string? sort, int page = 1, int pageSize = 20, string? entity = null,
        string? source = null)
    {
        var notices = new List<QueryNotice>();
        YearMonth? Month(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (YearMonth.TryParse(value.Trim(), out var ym)) return ym;
            notices.Add(new QueryNotice(NoticeKind.InvalidFilter, $"{name}={value}"));
            return null;
        }
        var countries = new List<string>();
        foreach (var part in (country ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var code = part.ToLowerInvariant();
            if (code.Length == 2 && code.All(char.IsAsciiLetterLower)) countries.Add(code);
            else notices.Add(new QueryNotice(NoticeKind.InvalidFilter, $"country={part}"));
        }
        var entities = new List<string>();
        foreach (var part in (entity ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (QueryParser.IsSlug(part)) entities.Add(part.ToLowerInvariant());
            else notices.Add(new QueryNotice(NoticeKind.InvalidFilter, $"entity={part}"));
        }
        // Outlets by slug (le-monde) or by name (Le Monde), comma-separated: any of them.
        var sources = new List<string>();
        foreach (var part in (source ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (SourceNames.Slug(part) is { } slug) sources.Add(slug);
            else notices.Add(new QueryNotice(NoticeKind.InvalidFilter, $"source={part}"));
        }
        SearchSort? parsedSort = sort?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "relevance" or "pertinence" => SearchSort.Relevance,
            "newest" or "recent" => SearchSort.Newest,
            "oldest" or "ancien" => SearchSort.Oldest,
            _ => null,
        };
        var filters = new SearchFilters(countries, Month("from", from), Month("to", to), entities, sources.Count == 0 ? null : sources);
        return new SearchRequest(q, filters, parsedSort, page, pageSize) { Notices = notices };
    }
}

public sealed record SearchHit(string Id, string Month, string Title, string TitleHtml, string SnippetHtml, IReadOnlyList<string> Countries, double? Score)
{
    /// <summary>The day of the month when the article gives it; null when it is dated to the month only.</summary>
    public int? Day { get; init; }

    /// <summary>The outlet, when the article names one.</summary>
    public string? Source { get; init; }

    /// <summary>The date as precise as the article gives it: <c>yyyy-MM-dd</c>, or <c>yyyy-MM</c> for an article dated to the month.</summary>
    public string Date => Day is { } d ? $"{Month}-{d:D2}" : Month;
}

/// <summary>An outlet in a facet: its slug (for <c>source:</c>), its name as the articles give it, and how many match.</summary>
public sealed record SourceCount(string Slug, string Name, int Count);

public sealed record MonthCount(string Month, int Count);

public sealed record CountryCount(string Iso2, int Count);

public sealed record EntityCount(string Slug, string Name, NewsCorpus.Entities.EntityKind Kind, int Count);

/// <summary>A word form found in the corpus for a query term; <see cref="QueryWithout"/> is the query that no longer matches it.</summary>
public sealed record WordVariant(string Form, long Occurrences, string? QueryWithout);

public sealed record TermVariants(string Term, IReadOnlyList<WordVariant> Forms);

public sealed record Suggestion(string Word, string Replacement, string Query);

public sealed record SearchResults(
    ParsedQuery Query,
    SearchSort Sort,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<MonthCount> Months,
    IReadOnlyList<CountryCount> Countries,
    IReadOnlyList<EntityCount> Entities,
    IReadOnlyList<TermVariants> Variants,
    IReadOnlyList<Suggestion> Suggestions)
{
    /// <summary>
    /// Null when the country and entity facets counted every match; otherwise how many matches they were counted
    /// on (a fixed sample of a large result set), their counts being estimates scaled to <see cref="Total"/>.
    /// </summary>
    public int? FacetSample { get; init; }

    /// <summary>
    /// Null when the total, the month histogram and the outlets count every match (always on the embedded store);
    /// otherwise how many matches of PostgreSQL's search sample they were estimated from, scaled to the corpus:
    /// for a query matching very many articles there (<see cref="PostgresCorpusSearch.EstimateAbove"/>).
    /// </summary>
    public int? TotalSample { get; init; }

    /// <summary>The outlets of the matches, most first (exact unless <see cref="TotalSample"/> is set); empty when no article names its outlet.</summary>
    public IReadOnlyList<SourceCount> Sources { get; init; } = [];

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    /// <summary>True when the query had nothing to search for and no filter either.</summary>
    public bool Unusable => !Query.HasText && Query.Filters.IsEmpty;
}
