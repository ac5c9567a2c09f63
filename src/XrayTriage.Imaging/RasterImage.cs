using SkiaSharp;
using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Resampling;

namespace XrayTriage.Imaging;

/// <summary>PNG and JPEG files (training and validation sets, secondary captures exported as pictures) → the same
/// 8-bit grayscale <see cref="DisplayImage"/> a DICOM film becomes, so both go through one model-input pipeline.</summary>
/// <remarks>
/// Decoded with SkiaSharp to RGBA8888, unpremultiplied, without colour management and without applying the EXIF
/// orientation; alpha is ignored. Each pixel becomes Pillow's <c>convert("L")</c> luma (ITU-R 601-2, integer form):
/// L = (19595 R + 38470 G + 7471 B + 0x8000) &gt;&gt; 16, so gray images pass through unchanged. The header's size is
/// checked against <see cref="ImagingLimits.MaxPixelCount"/> before any pixel buffer is allocated.
/// With a maximum side, the image is decoded no larger than the codec must: a grayscale source straight to one byte
/// per pixel (its luma is itself), a JPEG at libjpeg-turbo's DCT scale (n/8) closest above the target; then area
/// averaged (<see cref="DisplayDownscale"/>) to the maximum side. SkiaSharp's PNG codec cannot decode scaled or row by
/// row (it answers <c>Unimplemented</c>), so a PNG's full plane is still decoded once, at one byte per pixel when gray.
/// </remarks>
public static class RasterImage
{
    /// <summary>The <see cref="DisplayImage.Window"/> of images decoded here: the file's own gray levels.</summary>
    public const string Window = "raster";

    /// <summary>Decodes a PNG or JPEG file; with <paramref name="maxSide"/>, no larger than that on its long side.</summary>
    public static DisplayImage Load(string path, ImagingLimits? limits = null, int? maxSide = null)
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
            return Decode(data, limits ?? ImagingLimits.Default, maxSide);
        }
        catch (ImagingException e)
        {
            throw new ImagingException($"{Path.GetFileName(path)}: {e.Message}", e);
        }
    }

    /// <summary>Decodes a PNG or JPEG held in memory; with <paramref name="maxSide"/>, no larger than that on its long side.</summary>
    public static DisplayImage Decode(ReadOnlySpan<byte> encoded, ImagingLimits? limits = null, int? maxSide = null)
    {
        if (encoded.IsEmpty)
        {
            throw new ImagingException("The image is empty (0 bytes).");
        }

        using var data = SKData.CreateCopy(encoded);
        return Decode(data, limits ?? ImagingLimits.Default, maxSide);
    }

    /// <summary>The bytes <see cref="Decode(ReadOnlySpan{byte}, ImagingLimits?, int?)"/> will allocate for pixels at
    /// most (decode buffer, gray plane, reduction), from the header alone; null when the header is not a PNG or JPEG.</summary>
    public static long? DecodeBytes(ReadOnlySpan<byte> encoded, int? maxSide = null)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            return null;
        }

        var (width, height) = DecodeSize(codec, maxSide);
        var pixels = (long)width * height;
        var fitted = maxSide is { } side ? DisplayDownscale.FitSize(width, height, side) : (width, height);
        return (pixels * (IsGray(codec) ? 1 : 5)) + ((long)fitted.Item1 * fitted.Item2 * 5) + ((long)height * fitted.Item1 * 4);
    }

    /// <summary>Width and height the header declares; null when it is not a PNG or JPEG header.</summary>
    public static (int Width, int Height)? HeaderSize(ReadOnlySpan<byte> encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        return codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg)
            ? null
            : (codec.Info.Width, codec.Info.Height);
    }

    private static bool IsGray(SKCodec codec) => codec.Info.ColorType == SKColorType.Gray8;

    /// <summary>The size the codec decodes to: the full size, or for a JPEG with a maximum side the smallest DCT
    /// scale whose long side still reaches it.</summary>
    private static (int Width, int Height) DecodeSize(SKCodec codec, int? maxSide)
    {
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var longSide = Math.Max(width, height);
        if (maxSide is not { } side || longSide <= side || codec.EncodedFormat != SKEncodedImageFormat.Jpeg)
        {
            return (width, height);
        }

        var scaled = codec.GetScaledDimensions((float)side / longSide);
        return Math.Max(scaled.Width, scaled.Height) >= side && scaled.Width > 0 && scaled.Height > 0
            ? (scaled.Width, scaled.Height)
            : (width, height);
    }

    private static DisplayImage Decode(SKData data, ImagingLimits limits, int? maxSide)
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

        (width, height) = DecodeSize(codec, maxSide);
        byte[] gray;
        if (IsGray(codec))
        {
            gray = Pixels(codec, new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        }
        else
        {
            var rgba = Pixels(codec, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            gray = new byte[width * height];
            for (var i = 0; i < gray.Length; i++)
            {
                var pixel = rgba.AsSpan(i * 4, 3);
                gray[i] = (byte)(((pixel[0] * 19595) + (pixel[1] * 38470) + (pixel[2] * 7471) + 0x8000) >> 16);
            }
        }

        var image = new DisplayImage(width, height, gray, Window, Inverted: false);
        return maxSide is { } side ? DisplayDownscale.Fit(image, side) : image;
    }

    private static byte[] Pixels(SKCodec codec, SKImageInfo info)
    {
        var result = codec.GetPixels(info, out var pixels);
        if (result != SKCodecResult.Success)
        {
            throw new ImagingException(
                $"The {codec.EncodedFormat} image ({codec.Info.Width}×{codec.Info.Height}) could not be decoded: {result}.");
        }

        return pixels;
    }
}
