using System.Diagnostics;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>One structured line per request; the request id is the correlation id shown on error pages.</summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            logger.LogInformation("HTTP {Method} {Path}{Query} responded {StatusCode} in {Elapsed:0.0} ms ({RequestId})",
                context.Request.Method, context.Request.Path.Value, context.Request.QueryString.Value,
                context.Response.StatusCode, clock.Elapsed.TotalMilliseconds, context.TraceIdentifier);
        }
    }
}
