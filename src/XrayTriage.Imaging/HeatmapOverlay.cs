using SkiaSharp;
using XrayTriage.Imaging.Grayscale;

namespace XrayTriage.Imaging;

/// <summary>A class activation map drawn over the display image: heat below <see cref="Floor"/> leaves the film as it
/// is; above it a blue→green→yellow→red colour is blended in with opacity growing with the heat. For reading, not
/// for diagnosis: the map shows where the network looked, not where disease is.</summary>
public static class HeatmapOverlay
{
    public const float Floor = 0.3f;
    private const float MaxOpacity = 0.55f;

    /// <summary>RGBA pixels (row-major, 4 bytes per pixel) of <paramref name="image"/> with <paramref name="heat"/>
    /// (values 0–1, same size as the image) blended in.</summary>
    public static byte[] Blend(DisplayImage image, ReadOnlySpan<float> heat)
    {
        ArgumentNullException.ThrowIfNull(image);
        var count = image.Width * image.Height;
        if (heat.Length != count)
        {
            throw new ArgumentException($"Heatmap has {heat.Length} values for a {image.Width}×{image.Height} image.", nameof(heat));
        }

        var rgba = new byte[count * 4];
        for (var i = 0; i < count; i++)
        {
            var gray = image.Pixels[i];
            var h = Math.Clamp(heat[i], 0f, 1f);
            var alpha = h <= Floor ? 0f : MaxOpacity * (h - Floor) / (1f - Floor);
            var (r, g, b) = Colour(h);
            rgba[(i * 4) + 0] = Mix(gray, r, alpha);
            rgba[(i * 4) + 1] = Mix(gray, g, alpha);
            rgba[(i * 4) + 2] = Mix(gray, b, alpha);
            rgba[(i * 4) + 3] = 255;
        }

        return rgba;
    }

    /// <summary>A stored heatmap (<paramref name="width"/>×<paramref name="height"/> bytes, row-major, 0–255 over the
    /// whole image) as heat 0–1 per pixel of a <paramref name="targetWidth"/>×<paramref name="targetHeight"/> image,
    /// sampling pixel centres bilinearly.</summary>
    public static float[] Upsample(ReadOnlySpan<byte> values, int width, int height, int targetWidth, int targetHeight)
    {
        if (width < 1 || height < 1 || values.Length != width * height)
        {
            throw new ArgumentException($"{values.Length} values for a {width}×{height} heatmap.", nameof(values));
        }

        var heat = new float[targetWidth * targetHeight];
        var sx = (float)width / targetWidth;
        var sy = (float)height / targetHeight;
        for (var y = 0; y < targetHeight; y++)
        {
            var fy = Math.Clamp(((y + 0.5f) * sy) - 0.5f, 0f, height - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, height - 1);
            var wy = fy - y0;
            for (var x = 0; x < targetWidth; x++)
            {
                var fx = Math.Clamp(((x + 0.5f) * sx) - 0.5f, 0f, width - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, width - 1);
                var wx = fx - x0;
                var top = (values[(y0 * width) + x0] * (1 - wx)) + (values[(y0 * width) + x1] * wx);
                var bottom = (values[(y1 * width) + x0] * (1 - wx)) + (values[(y1 * width) + x1] * wx);
                heat[(y * targetWidth) + x] = ((top * (1 - wy)) + (bottom * wy)) / 255f;
            }
        }

        return heat;
    }

    public static void WritePng(string path, DisplayImage image, ReadOnlySpan<float> heat)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var rgba = Blend(image, heat);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        rgba.CopyTo(bitmap.GetPixelSpan());
        using var encoded = SKImage.FromBitmap(bitmap);
        using var data = encoded.Encode(SKEncodedImageFormat.Png, 100) ?? throw new ImagingException("SkiaSharp could not encode the PNG.");
        using var stream = File.Create(path);
        data.SaveTo(stream);
    }

    /// <summary>A perceptually ordered ramp: 0.3 blue, 0.55 green, 0.8 yellow, 1.0 red.</summary>
    internal static (byte R, byte G, byte B) Colour(float h)
    {
        var t = Math.Clamp((h - Floor) / (1f - Floor), 0f, 1f) * 3f;
        var (r, g, b) = t switch
        {
            < 1f => (0f, t, 1f - t),
            < 2f => (t - 1f, 1f, 0f),
            _ => (1f, 3f - t, 0f),
        };
        return ((byte)(r * 255), (byte)(g * 255), (byte)(b * 255));
    }

    private static byte Mix(byte gray, byte colour, float alpha) => (byte)Math.Round((gray * (1f - alpha)) + (colour * alpha));
}
