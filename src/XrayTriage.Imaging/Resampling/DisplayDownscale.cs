using XrayTriage.Imaging.Grayscale;

namespace XrayTriage.Imaging.Resampling;

/// <summary>Shrinks a display image so its long side is at most a given number of pixels, by area averaging (the
/// model's own resampler), the aspect ratio kept. Images already small enough are returned as they are.</summary>
public static class DisplayDownscale
{
    /// <summary>Long side of the image the upload page and the <c>classify</c> verb feed to the model: 9× the largest
    /// member input (224), so trimming and the model's own area resize see the same content as at full resolution
    /// (an 8192² film and its 2048² reduction classify alike within 0.01, Web.Tests), while a decoded upload stays
    /// a few megabytes.</summary>
    public const int ModelImageSide = 2048;

    /// <summary>Width and height with the long side at most <paramref name="maxSide"/>, each at least 1.</summary>
    public static (int Width, int Height) FitSize(int width, int height, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        var longSide = Math.Max(width, height);
        if (longSide <= maxSide)
        {
            return (width, height);
        }

        var scale = (double)maxSide / longSide;
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    public static DisplayImage Fit(DisplayImage image, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (width, height) = FitSize(image.Width, image.Height, maxSide);
        if (width == image.Width && height == image.Height)
        {
            return image;
        }

        var plane = AreaResampler.Resize(image.Pixels, image.Width, image.Height, width, height);
        var pixels = new byte[plane.Length];
        for (var i = 0; i < plane.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp(MathF.Round(plane[i]), 0f, 255f);
        }

        return image with { Width = width, Height = height, Pixels = pixels };
    }
}
