namespace XrayTriage.Web.Data;

/// <summary>A study with its images, each image's ensemble run and decision. Carries patient data: show it, never log it.</summary>
internal sealed record StudyDetail(WorklistItem Study, IReadOnlyList<InstanceDetail> Instances, IReadOnlyList<ReportDeliveryRow> Reports);

/// <summary>One image: its work state and, when triaged, the run.</summary>
internal sealed record InstanceDetail(
    long Id,
    string SopInstanceUid,
    string SeriesInstanceUid,
    string State,
    string? SkipReason,
    string? LastError,
    DateTimeOffset ReceivedAt,
    bool InSpool,
    RunDetail? Run)
{
    /// <summary>Why the content gate gave the image no class, with its score and threshold; null when it did not.</summary>
    public string? NotAssessable { get; init; }

    /// <summary>The operating point this image's decision was made at (as stored with it); null for older results.</summary>
    public string? OperatingPoint { get; init; }
}

/// <summary>The ensemble run of an image: model version, per-model probabilities (ensemble first), decision.</summary>
internal sealed record RunDetail(
    string ModelName,
    string ModelVersion,
    string DeviceUid,
    string Provider,
    double LatencyMs,
    DateTimeOffset CreatedAt,
    string? Priority,
    IReadOnlyList<string> FindingsOverThreshold,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ModelProbabilities> Models,
    bool HasHeatmap);

internal sealed record ModelProbabilities(string Model, IReadOnlyDictionary<string, double> Probabilities);

/// <summary>Delivery state of one report of the study to one destination.</summary>
internal sealed record ReportDeliveryRow(
    long ReportId,
    int Version,
    string Destination,
    string State,
    int Attempts,
    string? LastError,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeliveredAt);
