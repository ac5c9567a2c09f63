using Microsoft.Extensions.Diagnostics.HealthChecks;
using XrayTriage.Persistence;

namespace XrayTriage.Host.Health;

/// <summary>Ready when PostgreSQL answers and every migration of this build is applied.</summary>
internal sealed class DatabaseReadinessCheck(DatabaseMaintenance database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await database.GetStatusAsync(cancellationToken);
        if (!status.Reachable)
        {
            return HealthCheckResult.Unhealthy($"database unreachable: {status.Error}");
        }

        return status.PendingMigrations.Count == 0
            ? HealthCheckResult.Healthy("database reachable, migrations applied")
            : HealthCheckResult.Unhealthy(
                $"{status.PendingMigrations.Count} migration(s) pending ({string.Join(", ", status.PendingMigrations)}); " +
                "run 'xraytriage migrate'");
    }
}
