namespace XrayTriage.Web.Upload;

/// <summary>What the upload page shows: the prediction of each model, the decision, and the film with its heatmap as
/// PNG (data URIs; nothing is written to disk or the database).</summary>
internal sealed record UploadResult(
    string Format,
    int Width,
    int Height,
    string? Eligibility,
    string Priority,
    string? PredictedLabel,
    IReadOnlyList<string> FindingsOverThreshold,
    IReadOnlyList<string> Labels,
    IReadOnlyList<(string Model, double[] Probabilities)> Models,
    string ModelVersion,
    string ImagePng,
    string? HeatmapPng)
{
    /// <summary>Why the content gate gave the image no class (reason, score, threshold); null when it gave one.</summary>
    public string? NotAssessable { get; init; }
}
