using XrayTriage.Imaging.Preprocessing;
using XrayTriage.Imaging.Resampling;

namespace XrayTriage.Imaging;

/// <summary>What one ensemble member expects as input (from the model manifest): size, channel count (the
/// grayscale image is replicated), per-channel mean/std on the [0, 1] scale, and how the film is fitted.</summary>
/// <remarks>The optional steps <see cref="TrimBorders"/> and <see cref="ContrastPercentiles"/> are off by default, so
/// <see cref="ImageNet224"/> is the plain resize-and-normalize input.</remarks>
public sealed record ModelInputSpec(int Width, int Height, int Channels, float[] Mean, float[] Std, ResizeMode Resize)
{
    /// <summary>ImageNet statistics, as used by torchvision ResNets.</summary>
    public static ModelInputSpec ImageNet224 { get; } =
        new(224, 224, 3, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f], ResizeMode.Stretch);

    /// <summary>Remove flat outer rows and columns (at most a quarter per side) before resizing; see <see cref="BorderTrim"/>.</summary>
    public bool TrimBorders { get; init; }

    /// <summary>Map these quantiles (0 ≤ Low &lt; High ≤ 1) of the resized plane to 0 and 255; see
    /// <see cref="ContrastStretch"/>. Null: no contrast standardization.</summary>
    /// <remarks>Double, not float: the index ⌊q·(n − 1)⌋ must be computed from the same value Python parses from the
    /// manifest (0.01f·(n − 1) can floor one lower than 0.01·(n − 1)).</remarks>
    public (double Low, double High)? ContrastPercentiles { get; init; }

    public void Validate()
    {
        if (Width is < 8 or > 4096 || Height is < 8 or > 4096)
        {
            throw new ImagingException($"Model input size {Width}×{Height} is outside 8–4096.");
        }

        if (Channels is not (1 or 3) || Mean.Length != Channels || Std.Length != Channels || Std.Any(s => s <= 0))
        {
            throw new ImagingException(
                "Model input needs 1 or 3 channels with one mean and one positive std each "
                + $"(got {Channels}, {Mean.Length}, {Std.Length}).");
        }

        if (ContrastPercentiles is var (low, high) && !(low >= 0 && low < high && high <= 1))
        {
            throw new ImagingException($"Contrast percentiles ({low}, {high}) need 0 ≤ low < high ≤ 1.");
        }
    }
}
