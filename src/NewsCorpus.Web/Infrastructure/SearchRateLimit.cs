using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// Search and export are the expensive requests: each client address gets a token bucket for them
/// (`RateLimit:SearchPerSecond`, `RateLimit:SearchBurst`); beyond it, 429 with Retry-After.
/// </summary>
public static class SearchRateLimit
{
    public const string Policy = "search";

    public static IServiceCollection AddSearchRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        int perSecond = configuration.GetValue("RateLimit:SearchPerSecond", 10);
        int burst = configuration.GetValue("RateLimit:SearchBurst", 40);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (context, cancel) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var http = context.HttpContext;
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
                string message = text["Trop de recherches en peu de temps : réessayez dans un instant."];
                if (Readers.ArePrograms(http.Request.Path.Value)
                    && await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = message },
                    }))
                    return;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(message, cancel);
            };
        });
    }
}
