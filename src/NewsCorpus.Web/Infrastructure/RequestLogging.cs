using System.Diagnostics;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>One structured line per request; the request id is the correlation id shown on error pages.</summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        // Set at the last moment: the error handler clears headers before it renders the error page.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            return Task.CompletedTask;
        });
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
