using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsCorpus.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; }
    public string RequestId { get; private set; } = "";

    public void OnGet(int? status) => Handle(status);
    public void OnPost(int? status) => Handle(status);

    void Handle(int? status)
    {
        RequestId = HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Status = error is not null ? 500 : status ?? 500;
        if (error is not null)
            logger.LogError(error.Error, "Unhandled error on {Path} ({RequestId})", error.Path, RequestId);
        Response.StatusCode = Status;
    }
}
