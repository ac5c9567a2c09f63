using SkiaSharp;
using XrayTriage.Imaging.Grayscale;

namespace XrayTriage.Imaging;

/// <summary>PNG and JPEG files (training and validation sets, secondary captures exported as pictures) → the same
/// 8-bit grayscale <see cref="DisplayImage"/> a DICOM film becomes, so both go through one model-input pipeline.</summary>
/// <remarks>
/// Decoded with SkiaSharp to RGBA8888, unpremultiplied, without colour management and without applying the EXIF
/// orientation; alpha is ignored. Each pixel becomes Pillow's <c>convert("L")</c> luma (ITU-R 601-2, integer form):
/// L = (19595 R + 38470 G + 7471 B + 0x8000) &gt;&gt; 16, so gray images pass through unchanged. The header's size is
/// checked against <see cref="ImagingLimits.MaxPixelCount"/> before any pixel buffer is allocated.
/// </remarks>
public static class RasterImage
{
    /// <summary>The <see cref="DisplayImage.Window"/> of images decoded here: the file's own gray levels.</summary>
    public const string Window = "raster";

    /// <summary>Decodes a PNG or JPEG file.</summary>
    public static DisplayImage Load(string path, ImagingLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Image file {path} does not exist.", path);
        }

        using var data = SKData.Create(path)
            ?? throw new ImagingException($"{path} could not be read.");
        try
        {
            return Decode(data, limits ?? ImagingLimits.Default);
        }
        catch (ImagingException e)
        {
            throw new ImagingException($"{Path.GetFileName(path)}: {e.Message}", e);
        }
    }

    /// <summary>Decodes a PNG or JPEG held in memory.</summary>
    public static DisplayImage Decode(ReadOnlySpan<byte> encoded, ImagingLimits? limits = null)
    {
        if (encoded.IsEmpty)
        {
            throw new ImagingException("The image is empty (0 bytes).");
        }

        using var data = SKData.CreateCopy(encoded);
        return Decode(data, limits ?? ImagingLimits.Default);
    }

    private static DisplayImage Decode(SKData data, ImagingLimits limits)
    {
        using var codec = SKCodec.Create(data)
            ?? throw new ImagingException($"Not a decodable PNG or JPEG ({data.Size} bytes; unknown or corrupt header).");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            throw new ImagingException($"{codec.EncodedFormat} images are not supported; only PNG and JPEG.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > limits.MaxPixelCount)
        {
            throw new ImagingException(
                $"The {codec.EncodedFormat} header declares {width}×{height} pixels; the limit is {limits.MaxPixelCount} pixels.");
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new ImagingException($"The {codec.EncodedFormat} image ({width}×{height}) could not be decoded: {result}.");
        }

        var rgba = bitmap.GetPixelSpan();
        var gray = new byte[width * height];
        for (var i = 0; i < gray.Length; i++)
        {
            var pixel = rgba.Slice(i * 4, 3);
            gray[i] = (byte)(((pixel[0] * 19595) + (pixel[1] * 38470) + (pixel[2] * 7471) + 0x8000) >> 16);
        }

        return new DisplayImage(width, height, gray, Window, Inverted: false);
    }
}
