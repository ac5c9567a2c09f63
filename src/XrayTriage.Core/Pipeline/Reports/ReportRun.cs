namespace XrayTriage.Core.Pipeline.Reports;

/// <summary>The inference run of a triaged image, as the report states it.</summary>
/// <param name="ManifestName">Model manifest (algorithm name).</param>
/// <param name="ManifestVersion">Its version (algorithm version).</param>
/// <param name="DeviceUid">Device UID of the algorithm.</param>
/// <param name="Provider">Execution provider that ran it.</param>
/// <param name="Priority">Priority of the image.</param>
/// <param name="FindingsOverThreshold">Labels whose ensemble probability reached their threshold.</param>
/// <param name="Thresholds">Threshold per label in force for the decision.</param>
/// <param name="Probabilities">Ensemble and per member, per label.</param>
/// <param name="Heatmap">The stored class activation map; null for runs stored without one.</param>
public sealed record ReportRun(
    string ManifestName,
    string ManifestVersion,
    string DeviceUid,
    string Provider,
    TriagePriority Priority,
    IReadOnlyList<string> FindingsOverThreshold,
    IReadOnlyDictionary<string, double> Thresholds,
    IReadOnlyList<FindingProbability> Probabilities,
    InferenceHeatmap? Heatmap)
{
    /// <summary>Why the content gate gave the image no class; null when it passed or there was no gate.</summary>
    public NotAssessableReason? NotAssessableReason { get; init; }

    /// <summary>The content gate's measure (score, or a blank image's grey-level range); null without a gate.</summary>
    public double? ContentGateScore { get; init; }

    /// <summary>The limit the measure was compared with.</summary>
    public double? ContentGateThreshold { get; init; }

    /// <summary>The operating point the decision was made at (see <see cref="InferenceOutcome.OperatingPoint"/>); null
    /// for results stored before it was recorded.</summary>
    public string? OperatingPoint { get; init; }
}
