namespace XrayTriage.Inference;

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
    IReadOnlyList<double>? ContrastPercentiles = null)
{
    public const string ReplicateGrayscale = "replicate-grayscale";

    /// <summary>Floats in one image's tensor: channels × height × width.</summary>
    public int TensorLength => Channels * Height * Width;
}
