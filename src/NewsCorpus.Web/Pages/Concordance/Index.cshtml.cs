using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Research;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Web.Pages.Shared;
using NewsCorpus.Web.Requests;

namespace NewsCorpus.Web.Pages.Concordance;

public sealed class IndexModel(CorpusDb db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The concordance, as its export takes it.</summary>
    [BindProperty(SupportsGet = true)] public ConcordanceQuery Query { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public int Span => Math.Clamp(Query.Span ?? 5, 1, 20);

    public ConcordanceResult? Result { get; private set; }
    public IReadOnlyList<ConcordanceLine> Lines { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 1, _ => "");
    public ExportLinks Exports => ExportLinks.For("concordance", State());

    public void OnGet()
    {
        ViewData["Query"] = Query.Q;
        if (string.IsNullOrWhiteSpace(Query.Q)) return;
        Result = NewsCorpus.Research.Concordance.Build(db.OpenConnection(), Query.ToSearch(), Order, Span);
        int pageCount = Pager.PageCountFor(Result.Lines.Count, PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, pageCount);
        Pager = new Pager(PageNumber, pageCount, n => Link(page: n));
        Lines = Result.Lines.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    public ConcordanceSort Order => Query.Sort?.As<ConcordanceSort>() ?? ConcordanceSort.Date;

    string State(string? q = null, ConcordanceSortWord? sort = null) =>
        (Query with { Q = q ?? Query.Q, Sort = sort ?? Query.Sort, Span = Span == 5 ? null : Span }).ToQueryString();

    public string Link(string? q = null, ConcordanceSortWord? sort = null, int page = 1) =>
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
