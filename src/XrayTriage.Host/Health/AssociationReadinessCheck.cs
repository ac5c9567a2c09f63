using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using XrayTriage.Ingest;

namespace XrayTriage.Host.Health;

/// <summary>Not ready while every association slot of the DICOM listener is in use: new associations are rejected
/// (local limit exceeded) until one ends, so a load balancer or an operator should see it.</summary>
internal sealed class AssociationReadinessCheck(AssociationLoad load) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (active, capacity) = (load.Active, load.Capacity);
        return Task.FromResult(load.IsSaturated
            ? HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture,
                $"all {capacity} DICOM association slots in use; new associations are rejected (local limit exceeded)"))
            : HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture,
                $"{active} of {capacity} DICOM association slots in use")));
    }
}
