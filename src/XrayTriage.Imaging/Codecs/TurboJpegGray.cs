using System.Runtime.InteropServices;
using SkiaSharp;

namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// 8-bit single-component JPEG frames through the libjpeg-turbo that SkiaSharp bundles (SIMD IDCT and Huffman
/// decoding): the common chest film (8-bit CR/DX JPEG baseline) decodes in about half the CPU time of JpegLibrary.
/// 12-bit and colour frames stay with JpegLibrary (SkiaSharp decodes 8-bit samples only, and would apply its own colour
/// conversion where DICOM's Photometric Interpretation decides). Anything but a complete decode is an error, like the
/// managed path: a truncated frame is not rendered half grey.
/// </summary>
internal static class TurboJpegGray
{
    /// <summary>With <paramref name="minimumShortSide"/> &gt; 0, libjpeg-turbo's DCT scaling (k/8, k = 1…8) decodes
    /// straight to the smallest size whose short side keeps at least that many pixels.</summary>
    public static ReducedFrame Decode(ReadOnlyMemory<byte> frame, int rows, int columns, int minimumShortSide)
    {
        using var stream = new SKMemoryStream(frame.ToArray());
        using var codec = SKCodec.Create(stream, out var created)
            ?? throw new ImagingException($"JPEG: the data cannot be decoded ({created}).");
        if (codec.Info.Width != columns || codec.Info.Height != rows)
        {
            throw new ImagingException(
                $"JPEG: the decoder sees {codec.Info.Height} × {codec.Info.Width}; the frame header says {rows} × {columns}.");
        }

        var (width, height, eighths) = (columns, rows, 8);
        for (var k = 1; k < 8 && minimumShortSide > 0; k++)
        {
            var scaled = codec.GetScaledDimensions(k / 8f);
            if (Math.Min(scaled.Width, scaled.Height) >= minimumShortSide)
            {
                (width, height, eighths) = (scaled.Width, scaled.Height, k);
                break;
            }
        }

        var output = new byte[checked(width * height)];
        var info = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        var handle = GCHandle.Alloc(output, GCHandleType.Pinned);
        try
        {
            var result = codec.GetPixels(info, handle.AddrOfPinnedObject());
            if (result != SKCodecResult.Success)
            {
                throw new ImagingException($"JPEG: the data cannot be decoded ({result}).");
            }
        }
        finally
        {
            handle.Free();
        }

        return new ReducedFrame(output, height, width, eighths == 8 ? null : $"JPEG DCT scaling {eighths}/8");
    }
}
