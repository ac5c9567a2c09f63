namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>.50/.51 against DCMTK's dcmdjpeg: 8-bit monochrome frames (libjpeg-turbo, IJG's integer IDCT like DCMTK)
/// exactly, the others (JpegLibrary) within ±1 (lossy decoders differ in IDCT rounding).</summary>
public sealed class JpegBaselineFrameDecoderTests
{
    public static TheoryData<string> LossySamples => new()
    {
        "chest/cr_chest_mono1_u8_jpeg-baseline_rescale_orthanc-Issue44.dcm",
        "chest/cr_chest_pa_mono2_u8_jpeg-baseline_sc_siim-acr.dcm",
        "other/cr_extremity_mono1_u10_jpeg-extended_nema-RG3_JPLY.dcm",
        "other/cr_hip_mono2_u10_jpeg-extended_nema-RG2_JPLY.dcm",
    };

    [Theory]
    [MemberData(nameof(LossySamples))]
    public async Task Decode_LossySample_WithinOneOfDcmdjpeg(string sample)
    {
        var path = CodecSamples.PathOf(sample);
        var expected = await CodecSamples.WithToolOutputAsync("dcmdjpeg", [], path, p => CodecSamples.Decode(p));
        var worst = CodecSamples.MaxDifference(expected, CodecSamples.Decode(path));
        Assert.True(worst <= 1, $"{sample}: worst difference {worst}");
    }

    [Theory]
    [InlineData("chest/cr_chest_mono1_u8_jpeg-baseline_rescale_orthanc-Issue44.dcm")]
    [InlineData("chest/cr_chest_pa_mono2_u8_jpeg-baseline_sc_siim-acr.dcm")]
    public async Task Decode_EightBitMonochromeSample_EqualsDcmdjpegExactly(string sample)
    {
        var path = CodecSamples.PathOf(sample);
        var expected = await CodecSamples.WithToolOutputAsync("dcmdjpeg", [], path, p => CodecSamples.Decode(p));
        CodecSamples.AssertSame(expected, CodecSamples.Decode(path), sample);
    }

    [Fact]
    public void Decode_TruncatedEightBitFrame_ThrowsInsteadOfPartialImage()
    {
        var (frame, geometry) = CodecSamples.EncodedFrame(CodecSamples.PathOf("chest/cr_chest_pa_mono2_u8_jpeg-baseline_sc_siim-acr.dcm"));
        var decoder = new XrayTriage.Imaging.Codecs.JpegBaselineFrameDecoder();
        Assert.Throws<ImagingException>(() => decoder.Decode(frame.AsMemory(0, frame.Length / 2), geometry));
    }

    [Theory]
    [InlineData("other/rf_fluoro_u8_orthanc-KarstenHilbertRF.dcm", "+eb")]
    [InlineData("other/ct_mono2_u12_deflate_orthanc.dcm", "+ee")]
    [InlineData("other/cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm", "+ee")]
    public async Task Decode_DcmcjpegOutput_WithinOneOfDcmdjpeg(string sample, string process)
    {
        var path = CodecSamples.PathOf(sample);
        await CodecSamples.WithToolOutputAsync("dcmcjpeg", [process], path, async compressed =>
        {
            var expected = await CodecSamples.WithToolOutputAsync("dcmdjpeg", [], compressed, p => CodecSamples.Decode(p));
            var worst = CodecSamples.MaxDifference(expected, CodecSamples.Decode(compressed));
            Assert.True(worst <= 1, $"{sample} {process}: worst difference {worst}");
            return worst;
        });
    }
}
