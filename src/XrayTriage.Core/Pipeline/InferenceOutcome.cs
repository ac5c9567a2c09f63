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
    TriagePriority Priority,
    IReadOnlyList<string> FindingsOverThreshold,
    IReadOnlyDictionary<string, double> Thresholds,
    IReadOnlyList<FindingProbability> Probabilities)
{
    /// <summary>The ensemble's class activation map at storage size; null when none was computed.</summary>
    public InferenceHeatmap? Heatmap { get; init; }

    /// <summary>Why the image got no class (priority <see cref="TriagePriority.NotAssessable"/>, no probabilities);
    /// null when the content gate passed it or there is none.</summary>
    public NotAssessableReason? NotAssessableReason { get; init; }

    /// <summary>The content gate's measure: its score (or, for a blank image, the gray plane's percentile range); null
    /// without a content gate.</summary>
    public double? ContentGateScore { get; init; }

    /// <summary>The limit <see cref="ContentGateScore"/> was compared with (the gate threshold, or the minimum range).</summary>
    public double? ContentGateThreshold { get; init; }

    /// <summary>The operating point the decision was made at, as <c>TriageOperatingPoint.Describe()</c> gives it
    /// (shipped or site-calibrated, with its date and thresholds); null when the engine reports none.</summary>
    public string? OperatingPoint { get; init; }
}
