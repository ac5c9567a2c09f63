using SkiaSharp;

namespace XrayTriage.Imaging;

/// <summary>Writes 8-bit grayscale images as PNG (SkiaSharp).</summary>
public static class PngWriter
{
    public static void WriteGray8(string path, int width, int height, ReadOnlySpan<byte> pixels)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (pixels.Length < width * height)
        {
            throw new ArgumentException($"{pixels.Length} bytes for a {width}×{height} image.", nameof(pixels));
        }

        var info = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        pixels[..(width * height)].CopyTo(bitmap.GetPixelSpan());
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new ImagingException("SkiaSharp could not encode the PNG.");
        using var stream = File.Create(path);
        data.SaveTo(stream);
    }
}
