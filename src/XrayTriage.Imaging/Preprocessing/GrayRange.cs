using XrayTriage.Imaging.Grayscale;

namespace XrayTriage.Imaging.Preprocessing;

/// <summary>
/// The blank-image measure of the content gate: how many grey levels lie between the low and high quantile of the
/// 8-bit gray plane (the display image the model input is built from, before border trim and contrast stretch).
/// Identical to <c>gray_range</c> in <c>models/training/gate.py</c>.
/// </summary>
/// <remarks>With the n values sorted ascending, the quantile q is sorted[⌊q·(n − 1)⌋] (as <see cref="ContrastStretch"/>),
/// found here from the 256-bin histogram.</remarks>
public static class GrayRange
{
    public static int Of(DisplayImage image, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Of(image.Pixels, low, high);
    }

    public static int Of(ReadOnlySpan<byte> pixels, double low, double high)
    {
        if (!(low >= 0 && low < high && high <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(low), $"Percentiles ({low}, {high}) need 0 ≤ low < high ≤ 1.");
        }

        if (pixels.IsEmpty)
        {
            return 0;
        }

        Span<long> histogram = stackalloc long[256];
        foreach (var p in pixels)
        {
            histogram[p]++;
        }

        var last = pixels.Length - 1;
        return Quantile(histogram, (long)Math.Floor(high * last)) - Quantile(histogram, (long)Math.Floor(low * last));
    }

    /// <summary>The value at index <paramref name="index"/> of the sorted plane.</summary>
    private static int Quantile(ReadOnlySpan<long> histogram, long index)
    {
        var seen = 0L;
        for (var v = 0; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen > index)
            {
                return v;
            }
        }

        return histogram.Length - 1;
    }
}
