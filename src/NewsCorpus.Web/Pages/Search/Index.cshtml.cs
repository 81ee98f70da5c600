using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Search;

public sealed class IndexModel(CorpusDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }
    public MonthBars Histogram { get; private set; } = new("", []);
    public Pager Pager { get; private set; } = new(1, 1, _ => "");

    public bool Submitted => Request.Query.Count > 0;

    public void OnGet()
    {
        ViewData["Query"] = Q;
        if (!Submitted) return;
        ViewData["Feed"] = Feed;
        ViewData["FeedTitle"] = string.IsNullOrWhiteSpace(Q) ? "Recherche : articles les plus récents" : $"Recherche « {Q} » : articles les plus récents";
        var request = SearchRequest.FromForm(Q, Country, From, To, Sort, PageNumber, entity: Entity);
        Results = new CorpusSearch((SqliteConnection)db.Database.GetDbConnection()).Search(request);
        Histogram = MonthBars.Create("Résultats par mois", Results.Months.Select(m => (m.Month, m.Count)),
            m => Link(from: m.ToString(), to: m.ToString()));
        Pager = new Pager(Results.Page, Results.PageCount, n => Link(page: n));
    }

    /// <summary>This search's URL with some parameters changed; page resets unless given.</summary>
    public string Link(string? q = null, string? country = null, string? from = null, string? to = null, string? sort = null, int page = 1, string? entity = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = q ?? Q,
            ["country"] = country ?? Country,
            ["from"] = from ?? From,
            ["to"] = to ?? To,
            ["sort"] = sort ?? Sort,
            ["entity"] = entity ?? Entity,
            ["page"] = page > 1 ? page.ToString() : null,
        };
        return "/search" + Microsoft.AspNetCore.Http.QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    /// <summary>Every result of this search (no page) as CSV / JSON Lines, and its feed (newest first, so no sort).</summary>
    public ExportLinks Exports => ExportLinks.For("search",
        ExportLinks.Query(("q", Q), ("country", Country), ("from", From), ("to", To), ("sort", Sort), ("entity", Entity)), Feed);

    public string Feed => "/search.atom" + ExportLinks.Query(("q", Q), ("country", Country), ("from", From), ("to", To), ("entity", Entity));

    public static string NoticeText(QueryNotice notice) => notice.Kind switch
    {
        NoticeKind.StopWordsIgnored => $"Mots trop courants ignorés : {notice.Detail}.",
        NoticeKind.OnlyStopWords => $"La recherche ne contient que des mots trop courants ({notice.Detail}) : ajoutez un mot plus précis, ou mettez-les entre guillemets pour chercher l’expression exacte.",
        NoticeKind.OnlyExclusions => "La recherche ne contient que des exclusions : indiquez aussi ce que vous cherchez (par exemple Russie -Rosatom).",
        NoticeKind.Trimmed => $"La recherche a été tronquée à {notice.Detail} caractères.",
        NoticeKind.ShortPrefix => $"« {notice.Detail}* » : une troncature demande au moins trois lettres ; le mot est cherché tel quel.",
        NoticeKind.InvalidFilter => $"Filtre non compris et ignoré : {notice.Detail} (pays : code à deux lettres comme ml ; dates : AAAA-MM).",
        NoticeKind.TooManyTerms => $"Seuls les {notice.Detail} premiers termes ont été pris en compte.",
        NoticeKind.TimedOut => $"La recherche a dépassé le temps alloué ({notice.Detail} s) et a été interrompue : précisez-la (un mot plus rare, un pays, une période).",
        _ => notice.Kind.ToString(),
    };
}
