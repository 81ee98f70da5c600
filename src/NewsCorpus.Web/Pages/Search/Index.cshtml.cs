using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;
using NewsCorpus.Web.Requests;

namespace NewsCorpus.Web.Pages.Search;

public sealed class IndexModel(CorpusDb db, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>The search, as /api/search takes it; values that cannot be read are left out (the page says so).</summary>
    [BindProperty(SupportsGet = true)] public SearchPageQuery Query { get; set; } = new();

    /// <summary>Whether any article names its outlet: without, the page shows no source field or facet.</summary>
    public bool HasSources { get; private set; }

    public SearchResults? Results { get; private set; }
    public MonthBars Histogram { get; private set; } = new("", []);
    public Pager Pager { get; private set; } = new(1, 1, _ => "");

    public bool Submitted => Request.Query.Count > 0;

    public async Task OnGetAsync()
    {
        ViewData["Query"] = Query.Q;
        HasSources = !string.IsNullOrEmpty(Query.Source) || db.Articles.Any(a => a.Source != null);
        if (!Submitted) return;
        ViewData["Feed"] = Feed;
        ViewData["FeedTitle"] = string.IsNullOrWhiteSpace(Query.Q)
            ? text["Recherche : articles les plus récents"].Value
            : text["Recherche « {0} » : articles les plus récents", Query.Q].Value;
        var search = CorpusSearch.For(db.OpenConnection());
        Results = search.Search(Query.ToSearch());
        Histogram = await MonthBars.Create(text["Résultats par mois"], Results.Months.Select(m => (m.Month, m.Count)),
            m => Link(from: m.ToString(), to: m.ToString()))
            .WithDays(Request.Query, (first, last) => Task.FromResult(search.CountByDay(Query.ToSearch(), first, last)));
        Pager = new Pager(Results.Page, Results.PageCount, n => Link(page: n));
    }

    /// <summary>This search's URL with some parameters changed; page resets unless given.</summary>
    public string Link(string? q = null, string? country = null, string? from = null, string? to = null, SortWord? sort = null, int page = 1, string? entity = null,
        string? source = null) =>
        "/search" + new SearchPageQuery
        {
            Q = q ?? Query.Q, Country = country ?? Query.Country, From = from ?? Query.From, To = to ?? Query.To,
            Sort = sort ?? Query.Sort, Entity = entity ?? Query.Entity, Source = source ?? Query.Source, Page = page > 1 ? page : null,
        }.ToQueryString();

    /// <summary>Every result of this search (no page) as CSV / JSON Lines, and its feed (newest first, so no sort).</summary>
    public ExportLinks Exports => ExportLinks.For("search", new SearchQuery
    {
        Q = Query.Q, Country = Query.Country, From = Query.From, To = Query.To, Entity = Query.Entity, Source = Query.Source, Sort = Query.Sort,
    }.ToQueryString(), Feed);

    public string Feed => "/search.atom" + new ArticleFilter
    {
        Q = Query.Q, Country = Query.Country, From = Query.From, To = Query.To, Entity = Query.Entity, Source = Query.Source,
    }.ToQueryString();

    /// <summary>A notice in the reader's language; its detail (the reader's own words, a number) is HTML-encoded.</summary>
    public static LocalizedHtmlString NoticeText(QueryNotice notice, IHtmlLocalizer text) => notice.Kind switch
    {
        NoticeKind.StopWordsIgnored => text["Mots trop courants ignorés : {0}.", notice.Detail],
        NoticeKind.OnlyStopWords => text["La recherche ne contient que des mots trop courants ({0}) : ajoutez un mot plus précis, ou mettez-les entre guillemets pour chercher l’expression exacte.", notice.Detail],
        NoticeKind.OnlyExclusions => text["La recherche ne contient que des exclusions : indiquez aussi ce que vous cherchez (par exemple Russie -Rosatom)."],
        NoticeKind.Trimmed => text["La recherche a été tronquée à {0} caractères.", notice.Detail],
        NoticeKind.ShortPrefix => text["« {0}* » : une troncature demande au moins trois lettres ; le mot est cherché tel quel.", notice.Detail],
        NoticeKind.InvalidFilter => text["Filtre non compris et ignoré : {0} (pays : code à deux lettres comme ml ; dates : AAAA-MM).", notice.Detail],
        NoticeKind.TooManyTerms => text["Seuls les {0} premiers termes ont été pris en compte.", notice.Detail],
        NoticeKind.TimedOut => text["La recherche a dépassé le temps alloué ({0} s) et a été interrompue : précisez-la (un mot plus rare, un pays, une période).", notice.Detail],
        NoticeKind.RankedAmongNewest => text["Trop de résultats pour les classer tous à temps : la page classe par pertinence les {0} plus récents ; le nombre, les mois et les filtres portent sur tous. Précisez la recherche pour un classement complet.",
            long.TryParse(notice.Detail, out var ranked) ? Display.Number(ranked) : notice.Detail],
        _ => new LocalizedHtmlString(notice.Kind.ToString(), notice.Kind.ToString()),
    };
}
