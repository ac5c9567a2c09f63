using SkiaSharp;
using XrayTriage.Imaging.Resampling;

namespace XrayTriage.Imaging.Tests;

/// <summary>Issue 18 item 5: uploads are decoded no larger than the model needs. A gray PNG decodes straight to one byte
/// per pixel and is then reduced exactly as a full decode would be; a JPEG decodes at a DCT scale and lands within a few
/// gray levels of that; the header alone tells what a decode will cost.</summary>
public sealed class RasterImageMaxSideTests
{
    [Fact]
    public void Decode_GrayPngWithMaxSide_EqualsTheFullDecodeReduced()
    {
        var png = Encode(Gradient(1000, 600, SKColorType.Gray8), SKEncodedImageFormat.Png);

        var reduced = RasterImage.Decode(png, maxSide: 250);

        var expected = DisplayDownscale.Fit(RasterImage.Decode(png), 250);
        Assert.Equal((250, 150), (reduced.Width, reduced.Height));
        Assert.Equal(expected.Pixels, reduced.Pixels);
    }

    [Fact]
    public void Decode_RgbPngWithMaxSide_EqualsTheFullDecodeReduced()
    {
        var png = Encode(Gradient(640, 480, SKColorType.Rgba8888), SKEncodedImageFormat.Png);

        var reduced = RasterImage.Decode(png, maxSide: 320);

        Assert.Equal(DisplayDownscale.Fit(RasterImage.Decode(png), 320).Pixels, reduced.Pixels);
    }

    [Fact]
    public void Decode_JpegWithMaxSide_ScaledDecodeWithinThreeLevelsOfTheFullOneReduced()
    {
        var jpeg = Encode(Gradient(2000, 1600, SKColorType.Gray8), SKEncodedImageFormat.Jpeg);

        var reduced = RasterImage.Decode(jpeg, maxSide: 500);

        var expected = DisplayDownscale.Fit(RasterImage.Decode(jpeg), 500);
        Assert.Equal((500, 400), (reduced.Width, reduced.Height));
        var worst = reduced.Pixels.Zip(expected.Pixels, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 3, $"max |scaled − full| = {worst}");
    }

    [Fact]
    public void DecodeBytes_GrayAndRgbPng_OneByteAPixelForGrayFiveForRgb()
    {
        var gray = RasterImage.DecodeBytes(Encode(Gradient(2048, 2048, SKColorType.Gray8), SKEncodedImageFormat.Png), maxSide: 512);
        var rgb = RasterImage.DecodeBytes(Encode(Gradient(2048, 2048, SKColorType.Rgba8888), SKEncodedImageFormat.Png), maxSide: 512);

        const long pixels = 2048L * 2048;
        const long reduction = (512L * 512 * 5) + (2048L * 512 * 4);
        Assert.Equal(pixels + reduction, gray);
        Assert.Equal((pixels * 5) + reduction, rgb);
        Assert.Null(RasterImage.DecodeBytes("not an image"u8));
    }

    private static SKBitmap Gradient(int width, int height, SKColorType colorType)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, colorType, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var level = (byte)(((x * 255 / width) + (y * 97 / height) + ((x / 7) % 3)) % 256);
                bitmap.SetPixel(x, y, colorType == SKColorType.Gray8
                    ? new SKColor(level, level, level)
                    : new SKColor(level, (byte)(255 - level), (byte)(y % 256)));
            }
        }

        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var data = bitmap.Encode(format, 95))
        {
            return data.ToArray();
        }
    }
}
