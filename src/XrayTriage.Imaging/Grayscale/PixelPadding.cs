using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Grayscale;

/// <summary>Pixel Padding Value / Range Limit (PS3.3 C.7.5.1.1.2), in stored-value space: pixels outside the
/// image area (collimator blanks, rotation corners) that must not count for windowing.</summary>
public sealed class PixelPadding
{
    private PixelPadding(int low, int high)
    {
        Low = low;
        High = high;
    }

    public static PixelPadding None { get; } = new(1, 0);

    public int Low { get; }

    public int High { get; }

    public bool IsPadding(int stored) => stored >= Low && stored <= High;

    public static PixelPadding FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.TryGetInt32(DicomTags.PixelPaddingValue, out var value))
        {
            return None;
        }

        return dataset.TryGetInt32(DicomTags.PixelPaddingRangeLimit, out var limit)
            ? new PixelPadding(Math.Min(value, limit), Math.Max(value, limit))
            : new PixelPadding(value, value);
    }
}
