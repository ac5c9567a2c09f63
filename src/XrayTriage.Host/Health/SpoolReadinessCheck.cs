using Microsoft.Extensions.Diagnostics.HealthChecks;
using XrayTriage.Ingest;

namespace XrayTriage.Host.Health;

/// <summary>Ready when the spool folder is writable and its disk has more free space than <c>Dicom:MinFreeDiskBytes</c>
/// (below it, every C-STORE is refused with A700 so the modality keeps the images and retries).</summary>
internal sealed class SpoolReadinessCheck(SpoolReadiness spool) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = spool.Check();
        return Task.FromResult(status.IsReady
            ? HealthCheckResult.Healthy(status.Description)
            : HealthCheckResult.Unhealthy(status.Description));
    }
}
