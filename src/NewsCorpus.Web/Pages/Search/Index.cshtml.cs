using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Search;

public sealed class IndexModel(CorpusDb db, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }

    /// <summary>Whether any article names its outlet: without, the page shows no source field or facet.</summary>
    public bool HasSources { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }
    public MonthBars Histogram { get; private set; } = new("", []);
    public Pager Pager { get; private set; } = new(1, 1, _ => "");

    public bool Submitted => Request.Query.Count > 0;

    public void OnGet()
    {
        ViewData["Query"] = Q;
        HasSources = !string.IsNullOrEmpty(Source) || db.Articles.Any(a => a.Source != null);
        if (!Submitted) return;
        ViewData["Feed"] = Feed;
        ViewData["FeedTitle"] = string.IsNullOrWhiteSpace(Q)
            ? text["Recherche : articles les plus récents"].Value
            : text["Recherche « {0} » : articles les plus récents", Q].Value;
        var request = SearchRequest.FromForm(Q, Country, From, To, Sort, PageNumber, entity: Entity, source: Source);
        Results = CorpusSearch.For(db.OpenConnection()).Search(request);
        Histogram = MonthBars.Create(text["Résultats par mois"], Results.Months.Select(m => (m.Month, m.Count)),
            m => Link(from: m.ToString(), to: m.ToString()));
        Pager = new Pager(Results.Page, Results.PageCount, n => Link(page: n));
    }

    /// <summary>This search's URL with some parameters changed; page resets unless given.</summary>
    public string Link(string? q = null, string? country = null, string? from = null, string? to = null, string? sort = null, int page = 1, string? entity = null,
        string? source = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = q ?? Q,
            ["country"] = country ?? Country,
            ["from"] = from ?? From,
            ["to"] = to ?? To,
            ["sort"] = sort ?? Sort,
            ["entity"] = entity ?? Entity,
            ["source"] = source ?? Source,
            ["page"] = page > 1 ? page.ToString() : null,
        };
        return "/search" + Microsoft.AspNetCore.Http.QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    /// <summary>Every result of this search (no page) as CSV / JSON Lines, and its feed (newest first, so no sort).</summary>
    public ExportLinks Exports => ExportLinks.For("search",
        ExportLinks.Query(("q", Q), ("country", Country), ("from", From), ("to", To), ("sort", Sort), ("entity", Entity), ("source", Source)), Feed);

    public string Feed => "/search.atom" + ExportLinks.Query(("q", Q), ("country", Country), ("from", From), ("to", To), ("entity", Entity), ("source", Source));

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
        _ => new LocalizedHtmlString(notice.Kind.ToString(), notice.Kind.ToString()),
    };
}
