using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using System.Data.Common;
using Microsoft.Net.Http.Headers;
using NewsCorpus.Search;
using NewsCorpus.Storage;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// The site never writes, so a page stays right until the next import: pages and API answers are cached
/// (per URL and language) and the whole cache is dropped when the store says an import finished.
/// Downloads are streamed and never cached. The same import stamp makes the ETag of pages, API answers and
/// feeds, so a client that has the current answer gets 304.
/// </summary>
public static class CorpusCache
{
    public const string Tag = "corpus";

    public static IServiceCollection AddCorpusCache(this IServiceCollection services) => services
        .AddOutputCache(o => o.AddBasePolicy(p => p
            .Expire(TimeSpan.FromHours(1))
            .Tag(Tag)
            // By the query string as sent, not by its values sorted: the cache's own variation by query sorts a
            // repeated parameter's values in the request itself (dotnet/aspnetcore#69109), and the order of
            // /trends?q=…&q=… is the order of its series.
            .SetVaryByQuery(Array.Empty<string>())
            .VaryByValue(context => new KeyValuePair<string, string>("query", context.Request.QueryString.Value ?? ""))
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))))
        .AddSingleton<ImportStamp>()
        .AddHostedService<ImportWatcher>();

    /// <summary>Endpoint metadata: the answer depends only on the corpus and, when <paramref name="ByLanguage"/>, the reader's language.</summary>
    public sealed record Versioned(bool ByLanguage);

    public static TBuilder VersionedByCorpus<TBuilder>(this TBuilder endpoints, bool byLanguage = false) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata(new Versioned(byLanguage));

    /// <summary>
    /// ETag (weak: the bytes differ with the compression) from the import stamp, and the language for pages, which
    /// then vary by Accept-Language and by the culture cookie. A matching If-None-Match is answered 304 at once.
    /// </summary>
    public static IApplicationBuilder UseCorpusETags(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var versioned = context.GetEndpoint()?.Metadata.GetMetadata<Versioned>();
        var stamp = context.RequestServices.GetRequiredService<ImportStamp>().Current;
        if (versioned is null || stamp is null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await next(context);
            return;
        }
        var version = versioned.ByLanguage ? stamp + "-" + CultureInfo.CurrentUICulture.Name : stamp;
        var etag = new EntityTagHeaderValue('"' + version + '"', isWeak: true);
        if (versioned.ByLanguage) context.Response.Headers.Vary = "Accept-Language, Cookie";
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.GetTypedHeaders().ETag = etag;
            return;
        }
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK) context.Response.GetTypedHeaders().ETag = etag;
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>The store's last import time as the site last saw it, letters and digits only; null before it has looked.</summary>
    public sealed class ImportStamp
    {
        volatile string? current;
        public string? Current => current;
        internal void Set(string? stamp) => current = stamp is null ? null : new string(stamp.Where(char.IsAsciiLetterOrDigit).ToArray());
    }

    /// <summary>Looks at the store's import stamp every few seconds (`Corpus:ChangeCheckSeconds`, 5 by default).</summary>
    sealed class ImportWatcher(IServiceScopeFactory scopes, IOutputCacheStore cache, ImportStamp current, IConfiguration configuration, ILogger<ImportWatcher> logger)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stop)
        {
            await Task.Yield();   // the site starts serving meanwhile: what follows reads the store
            var every = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Corpus:ChangeCheckSeconds", 5)));
            string? seen = ImportStamp();
            current.Set(seen);
            Warm();
            using var timer = new PeriodicTimer(every);
            while (await timer.WaitForNextTickAsync(stop))
            {
                var stamp = ImportStamp();
                if (stamp == seen) continue;
                seen = stamp;
                await cache.EvictByTagAsync(Tag, stop);
                current.Set(stamp);   // after the eviction: no old page goes out under the new ETag
                logger.LogInformation("The corpus was imported at {ImportedAt}: page cache cleared", stamp);
                Warm();
            }
        }

        void Warm()
        {
            try
            {
                using var scope = scopes.CreateScope();
                CorpusSearch.Warm(scope.ServiceProvider.GetRequiredService<CorpusDb>().OpenConnection());
            }
            catch (Exception e) when (e is DbException or IOException or FullTextIndexMissingException)
            {
                logger.LogWarning(e, "Could not read the search columns and index ahead; the first search will");
            }
        }

        string? ImportStamp()
        {
            try
            {
                using var scope = scopes.CreateScope();
                var connection = scope.ServiceProvider.GetRequiredService<CorpusDb>().OpenConnection();
                using var cmd = connection.CreateCommand();
                cmd.CommandText = "SELECT value FROM meta WHERE key = 'imported_at'";
                return cmd.ExecuteScalar() as string;
            }
            catch (DbException)
            {
                return null;   // no store yet, or one being rebuilt: look again at the next tick
            }
        }
    }
}
