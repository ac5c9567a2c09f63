namespace XrayTriage.Imaging;

/// <summary>Bounds checked before any pixel buffer is allocated.</summary>
public sealed record ImagingLimits
{
    public static ImagingLimits Default { get; } = new();

    /// <summary>Largest Rows × Columns accepted for one frame (default 64 megapixels).</summary>
    public long MaxPixelCount { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest number of frames decoded from one instance.</summary>
    public int MaxFrames { get; init; } = 1024;
}
