namespace XrayTriage.Core.Pipeline;

/// <summary>What the triage stage found for one claimed instance; persisted in one transaction.</summary>
/// <param name="ManifestName">Name of the model manifest (ensemble) used.</param>
/// <param name="ManifestVersion">Its version.</param>
/// <param name="DeviceUid">Device UID of the algorithm (goes into the SR as the observer).</param>
/// <param name="Provider">Execution provider that ran it (cpu, cuda).</param>
/// <param name="LatencyMs">Preprocessing + inference time of this image.</param>
/// <param name="Priority">Priority the triage policy gave the image.</param>
/// <param name="FindingsOverThreshold">Labels whose ensemble probability reached the threshold.</param>
/// <param name="Thresholds">Threshold per label in force for this decision.</param>
/// <param name="Probabilities">Per model (ensemble and members) and label.</param>
public sealed record InferenceOutcome(
    string ManifestName,
    string ManifestVersion,
    string DeviceUid,
    string Provider,
    double LatencyMs,
    WorklistPriority Priority,
    IReadOnlyList<string> FindingsOverThreshold,
    IReadOnlyDictionary<string, double> Thresholds,
    IReadOnlyList<FindingProbability> Probabilities)
{
    /// <summary>The ensemble's class activation map at storage size; null when none was computed.</summary>
    public InferenceHeatmap? Heatmap { get; init; }
}
