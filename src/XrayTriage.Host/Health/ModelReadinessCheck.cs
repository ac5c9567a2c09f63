using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using XrayTriage.Inference;

namespace XrayTriage.Host.Health;

/// <summary>Ready when the ensemble is loaded (its files verified by SHA-256 and warmed up); says which execution
/// provider runs it, so an operator sees at once whether the GPU is in use.</summary>
internal sealed class ModelReadinessCheck(EnsembleEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var manifest = engine.Manifest;
        var description = string.Create(CultureInfo.InvariantCulture,
            $"ensemble {manifest.Name} {manifest.Version} ({manifest.Members.Count} members) on {engine.ActiveProvider} ({engine.Device})");
        var data = new Dictionary<string, object>
        {
            ["provider"] = engine.ActiveProvider,
            ["device"] = engine.Device,
            ["version"] = manifest.Version,
            ["deviceUid"] = manifest.DeviceUid,
        };
        if (engine.TriagePolicy.OperatingPoint is { } operatingPoint)
        {
            data["operatingPoint"] = operatingPoint.Kind;
            data["operatingPointTarget"] = operatingPoint.Target;
            data["operatingPointDescription"] = operatingPoint.Describe();
            if (operatingPoint.CalibratedAt is { } calibratedAt)
            {
                data["operatingPointCalibratedAt"] = calibratedAt.ToString("O", CultureInfo.InvariantCulture);
            }
        }

        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }
}
