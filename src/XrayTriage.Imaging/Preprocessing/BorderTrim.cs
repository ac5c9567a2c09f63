using XrayTriage.Imaging.Grayscale;

namespace XrayTriage.Imaging.Preprocessing;

/// <summary>
/// Removes uniform outer lines (black or white frames, scanner borders, burnt-in bars) so that they carry no signal
/// into the model. Identical to <c>trim_borders</c> in <c>models/training/preprocess.py</c>.
/// </summary>
/// <remarks>
/// A line (row or column) is <em>flat</em> when max − min over its pixels is at most <see cref="FlatRange"/>.
/// Rows are trimmed from the top while the top remaining row is flat and fewer than ⌊H/4⌋ have been trimmed there,
/// then from the bottom likewise (fewer than ⌊H/4⌋ from the bottom). Columns are then trimmed from the left, judged
/// over the remaining rows only, while flat and fewer than ⌊W/4⌋ have been trimmed, then from the right likewise.
/// When what remains is narrower or shorter than <see cref="MinimumSize"/> pixels, the image is left untrimmed.
/// </remarks>
public static class BorderTrim
{
    /// <summary>Largest max − min of a line still counted as flat.</summary>
    public const int FlatRange = 24;

    /// <summary>Smallest width and height a trimmed image may have; below it the untrimmed image is used.</summary>
    public const int MinimumSize = 16;

    /// <summary>The image without its flat outer lines, or <paramref name="image"/> itself when nothing is trimmed.</summary>
    public static DisplayImage Apply(DisplayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (left, top, width, height) = FindContent(image.Pixels, image.Width, image.Height);
        if (width == image.Width && height == image.Height)
        {
            return image;
        }

        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            image.Pixels.AsSpan(((top + y) * image.Width) + left, width).CopyTo(pixels.AsSpan(y * width, width));
        }

        return image with { Width = width, Height = height, Pixels = pixels };
    }

    /// <summary>The rectangle kept by the trim rule (the whole image when the remainder would be under 16 px).</summary>
    public static (int Left, int Top, int Width, int Height) FindContent(ReadOnlySpan<byte> pixels, int width, int height)
    {
        if (width <= 0 || height <= 0 || pixels.Length < (long)width * height)
        {
            throw new ArgumentException($"{pixels.Length} bytes for a {width}×{height} image.", nameof(pixels));
        }

        var top = 0;
        var bottom = height;
        while (top < height / 4 && IsFlat(pixels.Slice(top * width, width), 1))
        {
            top++;
        }

        while (height - bottom < height / 4 && bottom > top && IsFlat(pixels.Slice((bottom - 1) * width, width), 1))
        {
            bottom--;
        }

        var left = 0;
        var right = width;
        var rows = pixels.Slice(top * width, (bottom - top) * width);
        while (left < width / 4 && IsFlat(rows[left..], width))
        {
            left++;
        }

        while (width - right < width / 4 && right > left && IsFlat(rows[(right - 1)..], width))
        {
            right--;
        }

        return bottom - top < MinimumSize || right - left < MinimumSize
            ? (0, 0, width, height)
            : (left, top, right - left, bottom - top);
    }

    /// <summary>Whether the pixels at 0, stride, 2·stride, … (to the end of <paramref name="line"/>) span at most
    /// <see cref="FlatRange"/> gray levels.</summary>
    private static bool IsFlat(ReadOnlySpan<byte> line, int stride)
    {
        int min = line[0];
        var max = min;
        for (var i = stride; i < line.Length; i += stride)
        {
            int value = line[i];
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            if (max - min > FlatRange)
            {
                return false;
            }
        }

        return true;
    }
}
