using System.Text.Json;

namespace XrayTriage.Inference;

/// <summary>The manifest's optional <c>contentGate</c>, written by <c>models/training/gate.py</c>: an ONNX graph
/// (<see cref="File"/>, verified by <see cref="Sha256"/>) from the members' pooled features (<see cref="Input"/>,
/// float32 [N, D], D = the members' feature channels in member order) to a Mahalanobis score (<see cref="Output"/>,
/// float32 [N]); an image whose score exceeds <see cref="Threshold"/> is not a chest radiograph the model can read.</summary>
public sealed record ContentGateManifest(
    string Method,
    string File,
    string Sha256,
    string Input,
    string Output,
    double Threshold,
    BlankCheckManifest Blank,
    string? FeatureSource = null,
    double? PassRateTarget = null,
    IReadOnlyDictionary<string, double>? PerSourcePassRate = null,
    JsonElement? FittedOn = null)
{
    public const string MahalanobisTiedCovariance = "mahalanobis-tied-covariance";
}
