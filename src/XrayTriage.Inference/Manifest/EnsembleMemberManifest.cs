using System.Text.Json;

namespace XrayTriage.Inference;

/// <summary>One CNN of the ensemble: its ONNX file (relative to the manifest), the file's SHA-256, its weight in
/// the ensemble mean (normalized over members by the engine), its input contract and output names.</summary>
public sealed record EnsembleMemberManifest(
    string Name,
    string File,
    string Sha256,
    string Architecture,
    double Weight,
    MemberInputManifest Input,
    MemberOutputsManifest Outputs,
    JsonElement? Metrics = null);

/// <summary>What the member's input tensor (float32 NCHW, dynamic N) holds and how the film is prepared for it.
/// <see cref="TrimBorders"/> and <see cref="ContrastPercentiles"/> are optional: null means off.</summary>
public sealed record MemberInputManifest(
    string Name,
    int Width,
    int Height,
    int Channels,
    string ChannelHandling,
    IReadOnlyList<float> Mean,
    IReadOnlyList<float> Std,
    string Resize,
    bool? TrimBorders = null,
    IReadOnlyList<float>? ContrastPercentiles = null)
{
    public const string ReplicateGrayscale = "replicate-grayscale";

    /// <summary>Floats in one image's tensor: channels × height × width.</summary>
    public int TensorLength => Channels * Height * Width;
}

/// <summary>Output names: logits [N, 4], the last convolutional feature map [N, K, h, w] and the class maps
/// [N, 4, h, w] (classifier weights applied at every position: the CAM of a global-average-pool head, without bias).</summary>
public sealed record MemberOutputsManifest(string Logits, string FeatureMap, string ClassMaps);

/// <summary>The triage operating point: one threshold per finding class, chosen on <see cref="ChosenOn"/> to meet <see cref="Target"/>.</summary>
public sealed record TriageManifest(
    IReadOnlyDictionary<string, FindingThresholdManifest> Findings,
    string ChosenOn,
    string Target);

/// <summary>Threshold on the ensemble probability of one finding, with the sensitivity/specificity measured there.</summary>
public sealed record FindingThresholdManifest(double Threshold, double? Sensitivity = null, double? Specificity = null);
