namespace XrayTriage.Imaging.Grayscale;

/// <summary>
/// A window from the image itself when the file gives none: the low and high percentiles of the pixels that belong
/// to the image. Padding is excluded, and so are large flat blocks at the extreme values (collimator blanks and
/// burned-in borders), so they cannot pull the window. Works on a histogram of stored values (one pass, no sort);
/// the percentiles are then mapped through the modality transform.
/// </summary>
public static class AutoWindow
{
    private const double FlatBlockShare = 0.05;
    private const int MaxHistogramRange = 1 << 24;

    public static VoiTransform Compute(
        int[] stored, ModalityTransform modality, PixelPadding padding, double lowPercentile, double highPercentile)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(modality);
        ArgumentNullException.ThrowIfNull(padding);
        int min = int.MaxValue, max = int.MinValue;
        foreach (var s in stored)
        {
            if (!padding.IsPadding(s))
            {
                min = Math.Min(min, s);
                max = Math.Max(max, s);
            }
        }

        if (min > max)
        {
            return FromHistogram(0, [], modality, lowPercentile, highPercentile);
        }

        if ((long)max - min >= MaxHistogramRange)
        {
            throw new ImagingException($"Stored values span {min}…{max}; too wide a range for an automatic window.");
        }

        var counts = new int[max - min + 1];
        foreach (var s in stored)
        {
            if (!padding.IsPadding(s))
            {
                counts[s - min]++;
            }
        }

        return FromHistogram(min, counts, modality, lowPercentile, highPercentile);
    }

    /// <summary>The window from a histogram of the image's stored values, padding already left out:
    /// <paramref name="counts"/>[i] pixels hold the value <paramref name="min"/> + i.</summary>
    internal static VoiTransform FromHistogram(
        int min, int[] counts, ModalityTransform modality, double lowPercentile, double highPercentile)
    {
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total == 0)
        {
            return VoiTransform.Window(0.5, 1, VoiFunction.LinearExact, "auto (image is all padding)");
        }

        var first = 0;
        var last = counts.Length - 1;
        if (counts[first] > total * FlatBlockShare && first < last)
        {
            total -= counts[first++];
        }

        if (counts[last] > total * FlatBlockShare && last > first)
        {
            total -= counts[last--];
        }

        var low = modality.Apply(min + Percentile(counts, first, last, total, lowPercentile));
        var high = modality.Apply(min + Percentile(counts, first, last, total, highPercentile));
        if (high < low)
        {
            (low, high) = (high, low);
        }

        if (high <= low)
        {
            high = low + 1;
        }

        var source = FormattableString.Invariant($"auto p{lowPercentile}–p{highPercentile}");
        return VoiTransform.Window((low + high) / 2, high - low, VoiFunction.LinearExact, source);
    }

    /// <summary>Index (in the histogram) of the value at <paramref name="percent"/> of the <paramref name="total"/> counts.</summary>
    private static int Percentile(int[] counts, int first, int last, long total, double percent)
    {
        var target = (long)Math.Ceiling(Math.Clamp(percent, 0, 100) / 100 * total);
        long seen = 0;
        for (var i = first; i <= last; i++)
        {
            seen += counts[i];
            if (seen >= Math.Max(target, 1))
            {
                return i;
            }
        }

        return last;
    }
}
