using XrayTriage.Imaging.Codecs;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Tests.Regressions;

/// <summary>Issue 17 item 6: a JPEG frame with SOI, a frame header and EOI but no scan decoded to an all-zero image that
/// triage then classified. dcmdjpeg refuses it ("missing SOS marker"); so do we, on both decoder paths (libjpeg-turbo
/// for 8-bit monochrome, JpegLibrary for 12-bit).</summary>
public sealed class JpegFrameWithoutScanTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    public void Decode_FrameHeaderWithoutScan_IsAnError(int precision)
    {
        byte[] frame =
        [
            0xFF, 0xD8,                                                      // SOI
            0xFF, 0xC1, 0x00, 0x0B, (byte)precision, 0x00, 0x10, 0x00, 0x10, // SOF1, 16 × 16
            0x01, 0x01, 0x11, 0x00,                                          // one component, 1×1, table 0
            0xFF, 0xD9,                                                      // EOI
        ];
        var bitsAllocated = precision == 8 ? 8 : 16;
        var geometry = new PixelGeometry(16, 16, 1, 1, bitsAllocated, precision, precision - 1, false, "MONOCHROME2", 0);

        var error = Assert.Throws<ImagingException>(() => new JpegBaselineFrameDecoder().Decode(frame, geometry));

        Assert.Contains("no scan", error.Message, StringComparison.Ordinal);
    }
}
