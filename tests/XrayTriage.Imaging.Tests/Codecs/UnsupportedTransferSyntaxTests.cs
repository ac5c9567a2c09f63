using XrayTriage.Dicom;
using XrayTriage.Imaging.Codecs;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>What has no decoder is absent from the registry: decoding fails with a clear message, and the SCP can
/// leave it out of negotiation.</summary>
public sealed class UnsupportedTransferSyntaxTests
{
    [Theory]
    [InlineData("other/sc_rgb_htj2k-lossy_pydicom-HTJ2K_08_RGB.dcm", "1.2.840.10008.1.2.4.203")]
    [InlineData("other/us_ybr-full-422_jpeg-xl_dcm4che-will-jxl.dcm", "1.2.840.10008.1.2.4.111")]
    [InlineData("other/seg_deflated-image-frame_pydicom-liver_deflate.dcm", "1.2.840.10008.1.2.8.1")]
    public void DecodeFrame_UnsupportedSyntax_ThrowsUnsupportedTransferSyntax(string sample, string uid)
    {
        var file = DicomFile.Open(CodecSamples.PathOf(sample));
        Assert.Equal(uid, file.TransferSyntax.Uid.Value);
        var geometry = PixelGeometry.FromDataset(file.Dataset, ImagingLimits.Default);
        var error = Assert.Throws<ImagingException>(() => MonochromeImage.DecodeFrame(file, geometry, 0));
        Assert.StartsWith("Unsupported transfer syntax", error.Message, StringComparison.Ordinal);
        Assert.Contains(uid, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.4.201")]
    [InlineData("1.2.840.10008.1.2.4.202")]
    [InlineData("1.2.840.10008.1.2.4.203")]
    [InlineData("1.2.840.10008.1.2.4.110")]
    [InlineData("1.2.840.10008.1.2.4.111")]
    [InlineData("1.2.840.10008.1.2.4.112")]
    [InlineData("1.2.840.10008.1.2.4.100")]
    [InlineData("1.2.840.10008.1.2.4.102")]
    [InlineData("1.2.840.10008.1.2.4.107")]
    [InlineData("1.2.840.10008.1.2.8.1")]
    public void DecodableTransferSyntaxUids_UnsupportedSyntax_IsAbsent(string uid)
        => Assert.DoesNotContain(uid, FrameDecoderRegistry.DecodableTransferSyntaxUids);

    [Theory]
    [InlineData("1.2.840.10008.1.2.5")]
    [InlineData("1.2.840.10008.1.2.4.50")]
    [InlineData("1.2.840.10008.1.2.4.51")]
    [InlineData("1.2.840.10008.1.2.4.57")]
    [InlineData("1.2.840.10008.1.2.4.70")]
    [InlineData("1.2.840.10008.1.2.4.80")]
    [InlineData("1.2.840.10008.1.2.4.81")]
    [InlineData("1.2.840.10008.1.2.4.90")]
    [InlineData("1.2.840.10008.1.2.4.91")]
    public void DecodableTransferSyntaxUids_CodecSyntax_IsPresent(string uid)
        => Assert.Contains(uid, FrameDecoderRegistry.DecodableTransferSyntaxUids);
}
