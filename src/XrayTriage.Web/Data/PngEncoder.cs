using SkiaSharp;
using XrayTriage.Imaging;

namespace XrayTriage.Web.Data;

/// <summary>PNG bytes in memory for HTTP responses (the Imaging writers write files).</summary>
internal static class PngEncoder
{
    public static byte[] Gray8(int width, int height, ReadOnlySpan<byte> pixels)
        => Encode(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), pixels[..(width * height)]);

    public static byte[] Rgba(int width, int height, ReadOnlySpan<byte> rgba)
        => Encode(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), rgba[..(width * height * 4)]);

    private static byte[] Encode(SKImageInfo info, ReadOnlySpan<byte> pixels)
    {
        using var bitmap = new SKBitmap(info);
        pixels.CopyTo(bitmap.GetPixelSpan());
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100) ?? throw new ImagingException("SkiaSharp could not encode the PNG.");
        return data.ToArray();
    }
}
