using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// /health: the process answers (liveness, no check run). /health/ready: the store answers and has the schema this
/// release reads (readiness, for a load balancer). Both answer 200 or 503 with Healthy / Unhealthy as text.
/// </summary>
public static class Health
{
    const string Ready = "ready";

    public static IServiceCollection AddCorpusHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreCheck>("store", tags: [Ready]);
        return services;
    }

    public static void MapCorpusHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting().CacheOutput(p => p.NoCache());
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).DisableRateLimiting().CacheOutput(p => p.NoCache());
    }

    sealed class StoreCheck(CorpusOptions options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var (found, expected) = options.SchemaVersion();
                return Task.FromResult(found == expected
                    ? HealthCheckResult.Healthy($"schema version {found}")
                    : HealthCheckResult.Unhealthy($"the store has schema version {found}, this site reads {expected}"));
            }
            catch (DbException e)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("the store cannot be reached", e));
            }
        }
    }
}
