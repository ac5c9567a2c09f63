using XrayTriage.Imaging.Resampling;

namespace XrayTriage.Imaging;

/// <summary>What one ensemble member expects as input (from the model manifest): size, channel count (the
/// grayscale image is replicated), per-channel mean/std on the [0, 1] scale, and how the film is fitted.</summary>
public sealed record ModelInputSpec(int Width, int Height, int Channels, float[] Mean, float[] Std, ResizeMode Resize)
{
    /// <summary>ImageNet statistics, as used by torchvision ResNets.</summary>
    public static ModelInputSpec ImageNet224 { get; } =
        new(224, 224, 3, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f], ResizeMode.Stretch);

    public void Validate()
    {
        if (Width is < 8 or > 4096 || Height is < 8 or > 4096)
        {
            throw new ImagingException($"Model input size {Width}×{Height} is outside 8–4096.");
        }

        if (Channels is not (1 or 3) || Mean.Length != Channels || Std.Length != Channels || Std.Any(s => s <= 0))
        {
            throw new ImagingException($"Model input needs 1 or 3 channels with one mean and one positive std each (got {Channels}, {Mean.Length}, {Std.Length}).");
        }
    }
}
