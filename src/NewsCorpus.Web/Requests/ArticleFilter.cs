using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using NewsCorpus.Research;
using NewsCorpus.Search;

namespace NewsCorpus.Web.Requests;

/// <summary>
/// A query and its filters (countries, period, entities): the parameters every searched list of articles shares.
/// Bound from the query string by the pages (model binding) and the endpoints ([AsParameters]) alike.
/// </summary>
public record ArticleFilter
{
    [FromQuery(Name = "q"), Description(Parameters.Query)] public string? Q { get; set; }
    [FromQuery(Name = "country"), Description(Parameters.Countries)] public string? Country { get; set; }
    [FromQuery(Name = "from"), Description(Parameters.From)] public string? From { get; set; }
    [FromQuery(Name = "to"), Description(Parameters.To)] public string? To { get; set; }
    [FromQuery(Name = "entity"), Description(Parameters.Entities)] public string? Entity { get; set; }
    [FromQuery(Name = "source"), Description(Parameters.Sources)] public string? Source { get; set; }

    /// <summary>The library's request; unreadable filters are dropped with a notice, as the page shows them.</summary>
    public SearchRequest ToSearch(SearchSort? sort = null, int page = 1, int pageSize = 20) =>
        SearchRequest.FromForm(Q, Country, From, To, null, page, pageSize, Entity, Source) with { Sort = sort };

    /// <summary>The non-empty values, in a fixed order, for links carrying this state.</summary>
    public virtual IEnumerable<(string Name, string? Value)> Values() =>
        [("q", Q), ("country", Country), ("from", From), ("to", To), ("entity", Entity), ("source", Source)];

    public string ToQueryString() => Pages.Shared.ExportLinks.Query([.. Values()]);

    /// <summary>An enum read from a number ("sort=7") that names none of its values.</summary>
    public static IEnumerable<ValidationResult> Known<T>(T? value, string member) where T : struct, Enum =>
        value is { } v && !Enum.IsDefined(v) ? [new ValidationResult($"'{v}' is not one of {string.Join(", ", Enum.GetNames<T>())}", [member])] : [];

    /// <summary>The word of an enum value, as in URLs.</summary>
    public static string? Word<T>(T? value) where T : struct, Enum => value?.ToString();
}

/// <summary>A search in a given order: the exports.</summary>
public record SearchQuery : ArticleFilter, IValidatableObject
{
    [FromQuery(Name = "sort"), Description(Parameters.Sort)] public SortWord? Sort { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context) => Known(Sort, nameof(Sort));

    public override IEnumerable<(string Name, string? Value)> Values() => [.. base.Values(), ("sort", Word(Sort))];
}

/// <summary>One page of a search: the search page and /api/search.</summary>
public record SearchPageQuery : SearchQuery
{
    public const int MaxPageSize = 100;

    // Nullable so that a missing value is the default rather than a binding failure.
    [FromQuery(Name = "page"), Description(Parameters.Page), Range(1, int.MaxValue), DefaultValue(1)] public int? Page { get; set; }
    [FromQuery(Name = "pageSize"), Description(Parameters.PageSize), Range(1, MaxPageSize), DefaultValue(20)] public int? PageSize { get; set; }

    public SearchRequest ToSearch() => ToSearch(Sort?.As<SearchSort>(), Page ?? 1, PageSize ?? 20);

    public override IEnumerable<(string Name, string? Value)> Values() =>
        [.. base.Values(), ("page", Page?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("pageSize", PageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>A concordance: the page and its export.</summary>
public record ConcordanceQuery : ArticleFilter, IValidatableObject
{
    [FromQuery(Name = "sort"), Description("date (par défaut, les plus récents d’abord), left (mot à gauche) ou right (mot à droite)")]
    public ConcordanceSortWord? Sort { get; set; }

    [FromQuery(Name = "span"), Description("Mots de contexte pour les cooccurrents, 5 par défaut, de 1 à 20"), Range(1, 20), DefaultValue(5)]
    public int? Span { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context) => Known(Sort, nameof(Sort));

    public override IEnumerable<(string Name, string? Value)> Values() =>
        [.. base.Values(), ("sort", Word(Sort)), ("span", Span?.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>Up to five queries counted month by month, over the same filters (no entity): the trends page and /api/trends.</summary>
public record TrendsQuery
{
    [FromQuery(Name = "q"), Description("Une requête par valeur (q répété), cinq au plus, dans le langage de /search/help")] public string[]? Q { get; set; }
    [FromQuery(Name = "country"), Description(Parameters.Countries)] public string? Country { get; set; }
    [FromQuery(Name = "from"), Description(Parameters.From)] public string? From { get; set; }
    [FromQuery(Name = "to"), Description(Parameters.To)] public string? To { get; set; }
    [FromQuery(Name = "source"), Description("Une source (identifiant comme le-monde, ou nom) : les parts sont alors celles des articles de cette source")] public string? Source { get; set; }
    [FromQuery(Name = "chart"), Description("all : tous les mois ; par défaut la période la plus dense (99 % des articles)")] public string? Chart { get; set; }

    public IReadOnlyList<string> Queries => (Q ?? []).Where(q => !string.IsNullOrWhiteSpace(q)).ToList();
    public SearchFilters Filters => SearchRequest.FromForm(null, Country, From, To, null, source: Source).Filters;

    /// <summary>Every month rather than the densest period.</summary>
    public bool Whole => Chart == "all";
}

/// <summary>A page of the entity list, by kind and name: /api/entities.</summary>
public record EntityListQuery : IValidatableObject
{
    public const int MaxPageSize = 1000;

    [FromQuery(Name = "kind"), Description("person, organisation ou place (facultatif)")] public KindWord? Kind { get; set; }
    [FromQuery(Name = "name"), Description("Une partie du nom, sans égard aux majuscules ni aux accents (facultatif)")] public string? Name { get; set; }
    [FromQuery(Name = "page"), Description(Parameters.Page), Range(1, int.MaxValue), DefaultValue(1)] public int? Page { get; set; }
    [FromQuery(Name = "pageSize"), Description("Entités par page, 100 par défaut, 1000 au plus"), Range(1, MaxPageSize), DefaultValue(100)] public int? PageSize { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context) => ArticleFilter.Known(Kind, nameof(Kind));
}
