using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using System.Data.Common;
using NewsCorpus.Search;
using NewsCorpus.Storage;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// The site never writes, so a page stays right until the next import: pages and API answers are cached
/// (per URL and language) and the whole cache is dropped when the store says an import finished.
/// Downloads are streamed and never cached.
/// </summary>
public static class CorpusCache
{
    public const string Tag = "corpus";

    public static IServiceCollection AddCorpusCache(this IServiceCollection services) => services
        .AddOutputCache(o => o.AddBasePolicy(p => p
            .Expire(TimeSpan.FromHours(1))
            .Tag(Tag)
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            // The cache's own key sorts a repeated parameter's values: ?q=Wagner&q=Rosatom and ?q=Rosatom&q=Wagner
            // are different charts (their series in the order asked), so the raw query string is part of the key.
            .VaryByValue(context => new KeyValuePair<string, string>("query", context.Request.QueryString.Value ?? ""))))
        .AddHostedService<ImportWatcher>();

    /// <summary>Looks at the store's import stamp every few seconds (`Corpus:ChangeCheckSeconds`, 5 by default).</summary>
    sealed class ImportWatcher(IServiceScopeFactory scopes, IOutputCacheStore cache, IConfiguration configuration, ILogger<ImportWatcher> logger)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stop)
        {
            await Task.Yield();   // the site starts serving meanwhile: what follows reads the store
            var every = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Corpus:ChangeCheckSeconds", 5)));
            string? seen = ImportStamp();
            Warm();
            using var timer = new PeriodicTimer(every);
            while (await timer.WaitForNextTickAsync(stop))
            {
                var stamp = ImportStamp();
                if (stamp == seen) continue;
                seen = stamp;
                await cache.EvictByTagAsync(Tag, stop);
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
            catch (DbException e)
            {
                logger.LogWarning(e, "Could not read the search columns ahead; the first search will");
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
