using Microsoft.EntityFrameworkCore;
using NewsCorpus.Storage;
using NewsCorpus.Web;
using NewsCorpus.Web.Api;
using NewsCorpus.Web.Exports;
using NewsCorpus.Web.Feeds;
using NewsCorpus.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

var serilog = new LoggerConfiguration()
    .ReadFrom.Configuration(builder.Configuration)
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}")
    .CreateLogger();
builder.Logging.ClearProviders().AddSerilog(serilog, dispose: true);

var corpus = CorpusOptions.From(builder.Configuration);
builder.Services.AddSingleton(corpus);
builder.Services.AddDbContextPool<CorpusDb>(o => corpus.UseStore(o).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddRazorPages(o =>
{
    // The pages that run a search are the expensive ones: they share the API's per-address limit.
    foreach (var page in new[] { "/Search/Index", "/Concordance/Index", "/Trends/Index" })
        o.Conventions.AddPageApplicationModelConvention(page,
            m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(SearchRateLimit.Policy)));
})
    // Long prose (the search help, the API docs) is translated as a whole partial: _HelpText.en.cshtml beside _HelpText.cshtml.
    .AddViewLocalization(Microsoft.AspNetCore.Mvc.Razor.LanguageViewLocationExpanderFormat.Suffix);
builder.Services.AddSearchRateLimit(builder.Configuration);
builder.Services.AddCorpusCache();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "NewsCorpus";
    document.Info.Description = "L’API JSON de NewsCorpus (recherche, articles, chronologie, pays, entités), les exports CSV / JSON Lines et les flux Atom. Les dates sont des jours, AAAA-MM-JJ, quand l’article donne son jour, sinon des mois, AAAA-MM.";
    return Task.CompletedTask;
}));

var app = builder.Build();

StartupImport.Run(corpus, app.Logger);

app.UseMiddleware<RequestLogging>();
app.UseMiddleware<SecurityHeaders>();
// Before the error handlers, so error pages speak the reader's language too.
app.UseLanguages();
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseOutputCache();
app.MapRazorPages();
app.MapCorpusApi();
app.MapExports();
app.MapAtomFeeds();
app.MapOpenApi();
app.MapLanguageSwitch();

app.Run();

public partial class Program;
