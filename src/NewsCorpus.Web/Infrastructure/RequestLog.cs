using Serilog;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// Serilog.AspNetCore's request log: one event per request (method, path, status, time, request id). The query
/// string holds the readers' search terms, so it is left out unless `RequestLog:QueryString` is true (for a
/// private deployment that wants them).
/// </summary>
public static class RequestLog
{
    public static IApplicationBuilder UseRequestLog(this WebApplication app)
    {
        bool withQuery = app.Configuration.GetValue("RequestLog:QueryString", false);
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        return app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;   // this host's logger, not the static one (tests run several hosts)
            options.MessageTemplate = withQuery
                ? "HTTP {RequestMethod} {RequestPath}{QueryString} responded {StatusCode} in {Elapsed:0.0} ms ({RequestId})"
                : "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms ({RequestId})";
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("RequestId", http.TraceIdentifier);
                if (withQuery) diagnostics.Set("QueryString", http.Request.QueryString.Value);
            };
        });
    }
}
