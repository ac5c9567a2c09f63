using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using XrayTriage.Inference;

namespace XrayTriage.Host.Health;

/// <summary>Whether the ensemble works: loaded (its files verified by SHA-256 and warmed up, or the service would not
/// have started) and its runs succeeding. Unhealthy when the last <see cref="EnsembleRunHealth.FailedRunsUntilUnhealthy"/>
/// runs or more all failed — films are still received and kept, but none gets a triage result, so an orchestrator
/// should stop sending work here and an operator look; degraded when the last run failed. Says which execution provider
/// runs it, so an operator sees at once whether the GPU is in use.</summary>
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
        var health = engine.RunHealth.Snapshot();
        var (runs, failedRuns, consecutiveFailures, lastFailure) = health;
        var state = health.State;
        data["runs"] = runs;
        data["failedRuns"] = failedRuns;
        data["consecutiveFailedRuns"] = consecutiveFailures;
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

        if (state == EnsembleRunState.Working)
        {
            return Task.FromResult(HealthCheckResult.Healthy(description, data));
        }

        data["lastFailure"] = lastFailure ?? "unknown";
        var failing = string.Create(
            CultureInfo.InvariantCulture,
            $"{description}: the last {consecutiveFailures} run(s) failed ({lastFailure}); films wait for triage");
        return Task.FromResult(state == EnsembleRunState.Failing
            ? HealthCheckResult.Unhealthy(failing, data: data)
            : HealthCheckResult.Degraded(failing, data: data));
    }
}
