using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsCorpus.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ILogger<ErrorModel> logger, IProblemDetailsService problems) : PageModel
{
    public int Status { get; private set; }

    /// <summary>True when the store has no tables yet (nothing imported): a state to explain, not a crash.</summary>
    public bool NotImported { get; private set; }
    public string RequestId { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(int? status) => Handle(status);
    public Task<IActionResult> OnPostAsync(int? status) => Handle(status);

    /// <summary>Any method re-executed here (HEAD, PUT, DELETE…) is answered like GET.</summary>
    public override void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) =>
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods.First(h => h.HttpMethod == "Get");

    async Task<IActionResult> Handle(int? status)
    {
        RequestId = HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        NotImported = error is not null && IsStoreMissing(error.Error);
        Status = NotImported ? 503 : error is not null ? 500 : status ?? 500;
        if (NotImported)
            logger.LogError("The store has no corpus yet: {Path} ({RequestId}) cannot be served until an import ({Message})", error!.Path, RequestId, error.Error.Message);
        else if (error is not null)
            logger.LogError(error.Error, "Unhandled error on {Path} ({RequestId})", error.Path, RequestId);
        Response.StatusCode = Status;
        // The API, the exports and the feeds answer in problem details (RFC 9457), never in HTML.
        var path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? error?.Path;
        if (NewsCorpus.Web.Infrastructure.Readers.ArePrograms(path)
            && await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = HttpContext,
                ProblemDetails = { Status = Status, Extensions = { ["requestId"] = RequestId } },
            }))
            return new EmptyResult();
        Response.Headers.Vary = "Accept-Language, Cookie";   // the page speaks the reader's language
        return Page();
    }

    // A full-text index that an import is writing and no search can read yet is a corpus not served yet, like a store
    // not imported yet: 503, to be tried again, not a 500.
    static bool IsStoreMissing(Exception e) => e switch
    {
        NewsCorpus.Search.FullTextIndexMissingException => true,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == SQLitePCL.raw.SQLITE_CANTOPEN || sqlite.Message.Contains("no such table", StringComparison.Ordinal),
        _ => e.InnerException is { } inner && IsStoreMissing(inner),
    };
}
