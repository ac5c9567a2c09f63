namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>CharLS through P/Invoke against the uncompressed original, DCMTK's dcmdjpls and dcmcjpls round trips.</summary>
public sealed class JpegLsFrameDecoderTests
{
    private const string Rg3Unc = "other/cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm";

    public static TheoryData<string> JpegLsSamples => new()
    {
        "other/cr_extremity_mono1_u10_jpegls-lossless_nema-RG3_JLSL.dcm",
        "other/cr_extremity_mono1_u10_jpegls-nearlossless_nema-RG3_JLSN.dcm",
        "chest/cr_chest_pa_mono1_u15_jpegls-nearlossless_nema-RG1_JLSN.dcm",
    };

    [Fact]
    public void Decode_Rg3Jlsl_EqualsUncompressed()
    {
        var expected = CodecSamples.Decode(CodecSamples.PathOf(Rg3Unc));
        CodecSamples.AssertSame(
            expected,
            CodecSamples.Decode(CodecSamples.PathOf("other/cr_extremity_mono1_u10_jpegls-lossless_nema-RG3_JLSL.dcm")),
            "RG3 JLSL");
    }

    [Fact]
    public void Decode_Rg3Jlsn_WithinNearOfUncompressed()
    {
        var path = CodecSamples.PathOf("other/cr_extremity_mono1_u10_jpegls-nearlossless_nema-RG3_JLSN.dcm");
        var near = NearOf(CodecSamples.EncodedFrame(path).Frame);
        Assert.InRange(near, 1, 255);
        var worst = CodecSamples.MaxDifference(CodecSamples.Decode(CodecSamples.PathOf(Rg3Unc)), CodecSamples.Decode(path));
        Assert.InRange(worst, 1, near);
    }

    [Theory]
    [MemberData(nameof(JpegLsSamples))]
    public async Task Decode_Sample_EqualsDcmdjpls(string sample)
    {
        var path = CodecSamples.PathOf(sample);
        var expected = await CodecSamples.WithToolOutputAsync("dcmdjpls", [], path, p => CodecSamples.Decode(p));
        CodecSamples.AssertSame(expected, CodecSamples.Decode(path), sample);
    }

    [Theory]
    [InlineData("other/ct_small_mono2_s16_explicit-le_pydicom-CT_small.dcm")]
    [InlineData("other/ct_mono2_u12_deflate_orthanc.dcm")]
    [InlineData("other/rf_fluoro_u8_orthanc-KarstenHilbertRF.dcm")]
    [InlineData("other/ot_smpte-test-pattern_bodypart-chest_s16_dclunie.dcm")]
    public async Task Decode_DcmcjplsLossless_EqualsNativeInput(string sample)
    {
        var path = CodecSamples.PathOf(sample);
        var actual = await CodecSamples.WithToolOutputAsync("dcmcjpls", ["+el"], path, p => CodecSamples.Decode(p));
        CodecSamples.AssertSame(CodecSamples.Decode(path), actual, sample);
    }

    [Fact]
    public async Task Decode_DcmcjplsNearLossless_EqualsDcmdjplsAndWithinNear()
    {
        var path = CodecSamples.PathOf(Rg3Unc);
        var original = CodecSamples.Decode(path);
        await CodecSamples.WithToolOutputAsync("dcmcjpls", ["+en"], path, async compressed =>
        {
            var expected = await CodecSamples.WithToolOutputAsync("dcmdjpls", [], compressed, p => CodecSamples.Decode(p));
            var actual = CodecSamples.Decode(compressed);
            CodecSamples.AssertSame(expected, actual, "dcmcjpls +en");
            Assert.InRange(CodecSamples.MaxDifference(original, actual), 0, 2);
            return 0;
        });
    }

    /// <summary>NEAR from the first SOS segment (T.87 C.2.3): Ns, Ns × (Ci, Tmi), NEAR, ILV, Al/Ah.</summary>
    private static int NearOf(byte[] frame)
    {
        var sos = Enumerable.Range(0, frame.Length - 1).First(i => frame[i] == 0xFF && frame[i + 1] == 0xDA);
        var components = frame[sos + 4];
        return frame[sos + 5 + (2 * components)];
    }
}
