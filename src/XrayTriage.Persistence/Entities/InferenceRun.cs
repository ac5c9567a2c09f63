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

    /// <summary>Class activation map, 8-bit row-major, <see cref="HeatmapWidth"/> × <see cref="HeatmapHeight"/>; null when
    /// not stored.</summary>
    public byte[]? Heatmap { get; set; }

    public int? HeatmapWidth { get; set; }

    public int? HeatmapHeight { get; set; }

    public List<Finding> Findings { get; } = [];
}
