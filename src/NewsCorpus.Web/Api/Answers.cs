using NewsCorpus.Entities;
using NewsCorpus.Search;

namespace NewsCorpus.Web.Api;

// The JSON answers of /api/*, one record each, so that the OpenAPI description carries their schemas.
// Dates are days, yyyy-MM-dd, when the article gives its day, else months, yyyy-MM; kinds and sorts are lower-case words.

/// <param name="Total">How many articles match; an estimate when <paramref name="TotalSample"/> is not null.</param>
/// <param name="TotalSample">
/// Null when the total, the months and the outlets count every match; else how many matches of the search sample
/// (one article in 64, PostgreSQL only, for a query matching very many) they were estimated from.
/// </param>
public sealed record SearchAnswer(int Total, int? TotalSample, int Page, int PageSize, SearchSort Sort, IReadOnlyList<SearchResult> Results,
    SearchFacets Facets, IReadOnlyList<TermForms> Variants, IReadOnlyList<SearchSuggestion> Suggestions, IReadOnlyList<Notice> Notices);

/// <param name="Snippet">HTML: the text around the matches, the matched words in &lt;mark&gt;.</param>
/// <param name="Score">The relevance (bm25 on SQLite, ts_rank on PostgreSQL); null unless sorted by relevance.</param>
/// <param name="Source">The outlet, null when the article does not name it.</param>
public sealed record SearchResult(string Id, string Date, string Title, string Snippet, IReadOnlyList<string> Countries, double? Score, string? Source);

/// <param name="Sample">Null when the country and entity counts are exact; else how many matches they were counted on.</param>
/// <param name="Sources">The outlets of the matches (exact unless the total is estimated), empty when the articles name none.</param>
public sealed record SearchFacets(int? Sample, IReadOnlyList<CountryCount> Countries, IReadOnlyList<MonthCount> Months, IReadOnlyList<EntityCount> Entities,
    IReadOnlyList<SourceFacet> Sources);

/// <param name="Slug">What source: and the source parameter take.</param>
public sealed record SourceFacet(string Slug, string Name, int Count);

public sealed record CountryCount(string Iso2, string? Name, int Count);

public sealed record MonthCount(string Month, int Count);

public sealed record EntityCount(string Slug, string Name, EntityKind Kind, int Count);

public sealed record TermForms(string Term, IReadOnlyList<FormCount> Forms);

public sealed record FormCount(string Form, long Count);

public sealed record SearchSuggestion(string Word, string Suggestion, string Query);

/// <param name="Kind">What the remark is about (StopWordsIgnored, OnlyStopWords, OnlyExclusions, Trimmed, ShortPrefix, InvalidFilter, TooManyTerms, TimedOut, RankedAmongNewest).</param>
public sealed record Notice(string Kind, string Detail);

/// <param name="Window">The months charted and the articles left out before and after them; null when there is nothing to chart.</param>
public sealed record TrendsAnswer(IReadOnlyList<string> Months, IReadOnlyList<TrendLine> Series, TrendWindow? Window);

public sealed record TrendWindow(string First, string Last, int Before, int After);

public sealed record TrendLine(string Query, int Total, IReadOnlyList<TrendPoint> Points, IReadOnlyList<Notice> Notices);

/// <param name="Share">Articles / MonthTotal, 0 for an empty month.</param>
/// <param name="ShareDrawn">False when the month holds fewer than five articles: its share is not worth a point.</param>
public sealed record TrendPoint(string Month, int Articles, int MonthTotal, double Share, bool ShareDrawn);

/// <param name="Html">The body rendered as HTML (raw HTML in the text is not kept).</param>
/// <param name="OriginalUrl">The article's address at its outlet; null when unknown, as are Source and Author.</param>
public sealed record ArticleAnswer(string Id, string Date, string Title, string File, IReadOnlyList<ArticleCountry> Countries,
    string Lead, IReadOnlyList<string> Headings, string Body, string Html, int WordCount, string Url, string? Source, string? Author, string? OriginalUrl);

public sealed record ArticleCountry(string Iso2, string? Name, int Mentions, bool InLead);

public sealed record TimelineAnswer(int Total, string? First, string? Last, IReadOnlyList<TimelineMonth> Months);

public sealed record TimelineMonth(string Month, int Count, string Url);

public sealed record CountryItem(string Iso2, string Name, string Region, int Articles, int Mentions, string Url);

public sealed record CountryAnswer(string Iso2, string Name, string OfficialName, string Region, int Articles, int Mentions,
    IReadOnlyList<MonthCount> Months, IReadOnlyList<CountryArticles> CoMentionedCountries, IReadOnlyList<EntityArticles> Entities,
    IReadOnlyList<CountryArticle> Latest);

public sealed record CountryArticles(string Iso2, string Name, int Articles);

public sealed record EntityArticles(string Slug, string Name, EntityKind Kind, int Articles);

public sealed record CountryArticle(string Id, string Date, string Title, int Mentions, bool InLead);

public sealed record EntityPage(int Total, int Page, int PageSize, IReadOnlyList<EntityItem> Entities);

public sealed record EntityItem(string Slug, string Name, EntityKind Kind, int Articles, int Mentions, string Url);

public sealed record EntityAnswer(string Slug, string Name, EntityKind Kind, int Articles, int Mentions, IReadOnlyList<MonthCount> Months,
    IReadOnlyList<CountryArticles> CoMentionedCountries, IReadOnlyList<EntityArticles> CoMentionedEntities, IReadOnlyList<EntityArticle> Latest);

/// <param name="Spellings">How the article wrote the entity's name.</param>
public sealed record EntityArticle(string Id, string Date, string Title, int Mentions, IReadOnlyList<string> Spellings);
