namespace XrayTriage.Persistence.Entities;

/// <summary>A row of <c>triage.inference_runs</c>: the one ensemble run of an instance (unique per instance).</summary>
public sealed class InferenceRun
{
    public long Id { get; set; }

    public long InstanceId { get; set; }

    public Instance? Instance { get; set; }

    public required string ManifestName { get; set; }

    public required string ManifestVersion { get; set; }

    public required string DeviceUid { get; set; }

    public required string Provider { get; set; }

    public double LatencyMs { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Finding> Findings { get; } = [];
}
