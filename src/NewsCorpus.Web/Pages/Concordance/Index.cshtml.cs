using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Research;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Concordance;

public sealed class IndexModel(CorpusDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int Span { get; set; } = 5;
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ConcordanceResult? Result { get; private set; }
    public IReadOnlyList<ConcordanceLine> Lines { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 1, _ => "");
    public ExportLinks Exports => ExportLinks.For("concordance", State());

    public void OnGet()
    {
        ViewData["Query"] = Q;
        Span = Math.Clamp(Span, 1, 20);
        if (string.IsNullOrWhiteSpace(Q)) return;
        var request = SearchRequest.FromForm(Q, Country, From, To, null, entity: Entity);
        Result = NewsCorpus.Research.Concordance.Build(db.OpenConnection(), request, ParseSort(Sort), Span);
        int pageCount = Pager.PageCountFor(Result.Lines.Count, PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, pageCount);
        Pager = new Pager(PageNumber, pageCount, n => Link(page: n));
        Lines = Result.Lines.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    public static ConcordanceSort ParseSort(string? sort) => sort switch
    {
        "left" => ConcordanceSort.Left,
        "right" => ConcordanceSort.Right,
        _ => ConcordanceSort.Date,
    };

    string State(string? q = null, string? sort = null) => ExportLinks.Query(
        ("q", q ?? Q), ("country", Country), ("from", From), ("to", To), ("entity", Entity),
        ("sort", sort ?? Sort), ("span", Span == 5 ? null : Span.ToString()));

    public string Link(string? q = null, string? sort = null, int page = 1) =>
        "/concordance" + State(q, sort) + (page > 1 ? (State(q, sort).Length > 0 ? "&" : "?") + $"page={page}" : "");

    /// <summary>The article, scrolled to this occurrence by a text fragment (the browser finds and marks it).</summary>
    public static string OccurrenceLink(ConcordanceLine line)
    {
        static string Words(string text, bool last)
        {
            var words = text.Replace("…", "").Replace("¶", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(' ', last ? words.TakeLast(3) : words.Take(3));
        }
        static string Encode(string s) => Uri.EscapeDataString(s).Replace("-", "%2D").Replace(",", "%2C");
        var prefix = Words(line.Left, last: true);
        var suffix = Words(line.Right, last: false);
        var fragment = (prefix.Length > 0 ? Encode(prefix) + "-," : "") + Encode(line.Match) + (suffix.Length > 0 ? ",-" + Encode(suffix) : "");
        return $"/articles/{line.ArticleId}#:~:text={fragment}";
    }
}
