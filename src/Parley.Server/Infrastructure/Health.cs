using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Parley.Data;
using Parley.Server.Access;

namespace Parley.Server.Infrastructure;

/// <summary>
/// <c>GET /healthz</c>: the process answers (liveness; touches nothing). <c>GET /readyz</c>: the database is reachable and
/// every migration is applied (readiness: a proxy sends requests to this node). Both open to anyone, plain text
/// <c>Healthy</c>/<c>Unhealthy</c> (503), nothing about any negotiation.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    /// <summary>Registers the readiness check.</summary>
    public static IServiceCollection AddParleyHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReady>("database", tags: [Ready]);
        return services;
    }

    /// <summary>Maps <c>/healthz</c> and <c>/readyz</c>.</summary>
    public static void MapParleyHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymousBecause("liveness for a load balancer: says the process answers, nothing else");
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) })
            .AllowAnonymousBecause("readiness for a load balancer: says whether the database is reachable and migrated, nothing else");
    }

    /// <summary>The database answers and has no pending migration.</summary>
    private sealed class DatabaseReady(ParleyDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("The database does not answer.");
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
                return pending == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied yet.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database cannot be read.", e);
            }
        }
    }
}
