using DigitalPartnership.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Unhealthy while the store lacks migrations this code needs: during a rolling upgrade, an instance of the new version
/// is not ready until someone has run <c>migrate</c>.
/// </summary>
public sealed class MigrationsHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("The store is at the code's migration.")
            : HealthCheckResult.Unhealthy($"{Pages.Shared.Display.Count(pending.Count, "migration")} pending, up to {pending[^1]}: run 'migrate'.");
    }
}
