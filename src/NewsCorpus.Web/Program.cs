using Microsoft.EntityFrameworkCore;
using NewsCorpus.Storage;
using NewsCorpus.Web;
using NewsCorpus.Web.Api;
using NewsCorpus.Web.Exports;
using NewsCorpus.Web.Feeds;
using NewsCorpus.Web.Infrastructure;
using Serilog;

const string LogFormat = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
Log.Logger = new LoggerConfiguration().WriteTo.Console(outputTemplate: LogFormat).CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);

    // The host's own logger; the static bootstrap one only reports a failed start (tests run several hosts at once).
    builder.Services.AddSerilog((services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .WriteTo.Console(outputTemplate: LogFormat), preserveStaticLogger: true);

    var corpus = CorpusOptions.From(builder.Configuration);
    builder.Services.AddSingleton(corpus);
    builder.Services.AddDbContextPool<CorpusDb>(o => corpus.UseStore(o).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
    builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
    builder.Services.AddSitePages();
    builder.Services.AddCorpusApi();
    builder.Services.AddTextCompression();
    builder.Services.AddSearchRateLimit(builder.Configuration);
    builder.Services.AddCorpusCache();
    builder.Services.AddCorpusHealthChecks();
    builder.Services.AddCorpusOpenApi();

    var app = builder.Build();

    StartupImport.Run(corpus, app.Logger);

    app.UseRequestLog();
    app.UseMiddleware<SecurityHeaders>();
    app.UseResponseCompression();
    // Before the error handlers, so error pages speak the reader's language too.
    app.UseLanguages();
    app.UseExceptionHandler("/Error");
    app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
    app.UseRouting();
    app.UseRateLimiter();
    app.UseCorpusETags();
    app.UseOutputCache();

    app.MapStaticAssets().CacheOutput(p => p.NoCache());
    app.MapRazorPages().WithStaticAssets();
    app.MapCorpusApi();
    app.MapExports();
    app.MapAtomFeeds();
    app.MapOpenApi().AlsoHead();
    app.MapCorpusHealthChecks();
    app.MapLanguageSwitch();

    app.Run();
}
catch (Exception e) when (e is not HostAbortedException)
{
    Log.Fatal(e, "The site stopped on an error");
    throw;
}
finally
{
    Log.CloseAndFlush();
}

public partial class Program;
