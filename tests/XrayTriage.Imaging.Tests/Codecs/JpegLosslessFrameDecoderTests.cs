using System.Globalization;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>Our Process 14 decoder against the uncompressed original, DCMTK's dcmdjpeg, and dcmcjpeg round trips.</summary>
public sealed class JpegLosslessFrameDecoderTests
{
    public static TheoryData<string> LosslessSamples => new()
    {
        "other/mr_shoulder_mono2_u12_jpeg-lossless-p14_barre-MR-MONO2-12-shoulder.dcm",
        "other/cr_extremity_mono1_u10_jpeg-lossless-sv1_nema-RG3_JPLL.dcm",
        "other/ct_chest_mono2_s16_jpeg-lossless-sv1_barre-CT-MONO2-16-chest.dcm",
        "other/nm_wholebody_u16_jpeg-lossless_nema-NM1_JPLL.dcm",
        "other/pt_u16_jpeg-lossless_rescale_fo-dicom-GH184.dcm",
        "other/mg_breast_mlo_mono2_u12_jpeg-lossless_voi-lut_multi-wc.dcm",
        "other/cr_dental-panoramic_mono1_u10_jpeg-lossless_modality-lut-seq.dcm",
    };

    public static TheoryData<string> NativeInputs => new()
    {
        "other/ct_small_mono2_s16_explicit-le_pydicom-CT_small.dcm",
        "other/ot_smpte-test-pattern_bodypart-chest_s16_dclunie.dcm",
        "other/ct_mono2_u12_deflate_orthanc.dcm",
    };

    [Fact]
    public void Decode_Rg3Jpll_EqualsUncompressed()
    {
        var expected = CodecSamples.Decode(CodecSamples.PathOf("other/cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm"));
        var actual = CodecSamples.Decode(CodecSamples.PathOf("other/cr_extremity_mono1_u10_jpeg-lossless-sv1_nema-RG3_JPLL.dcm"));
        CodecSamples.AssertSame(expected, actual, "RG3 JPLL");
    }

    [Theory]
    [MemberData(nameof(LosslessSamples))]
    public async Task Decode_LosslessSample_EqualsDcmdjpeg(string sample)
    {
        var path = CodecSamples.PathOf(sample);
        var expected = await CodecSamples.WithToolOutputAsync("dcmdjpeg", [], path, p => CodecSamples.Decode(p));
        CodecSamples.AssertSame(expected, CodecSamples.Decode(path), sample);
    }

    [Theory]
    [MemberData(nameof(NativeInputs))]
    public async Task Decode_DcmcjpegEverySelectionValue_EqualsNativeInput(string sample)
    {
        var path = CodecSamples.PathOf(sample);
        await AssertRoundTripsAsync(path, sample);
    }

    [Theory]
    [InlineData(16, false)]
    [InlineData(16, true)]
    [InlineData(12, false)]
    [InlineData(10, false)]
    [InlineData(8, false)]
    [InlineData(2, false)]
    public async Task Decode_DcmcjpegSyntheticImage_EqualsNativeInput(int bitsStored, bool isSigned)
    {
        var path = await SyntheticImage.CreateAsync(67, 131, bitsStored, isSigned, bitsStored);
        try
        {
            await AssertRoundTripsAsync(path, $"synthetic {bitsStored}-bit {(isSigned ? "signed" : "unsigned")}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(7, 2)]
    public async Task Decode_PointTransform_EqualsDcmdjpeg(int selectionValue, int pointTransform)
    {
        var path = CodecSamples.PathOf("other/ct_mono2_u12_deflate_orthanc.dcm");
        string[] options = ["+el", "+sv", I(selectionValue), "+pt", I(pointTransform)];
        await CodecSamples.WithToolOutputAsync("dcmcjpeg", options, path, async compressed =>
        {
            var expected = await CodecSamples.WithToolOutputAsync("dcmdjpeg", [], compressed, p => CodecSamples.Decode(p));
            var actual = CodecSamples.Decode(compressed);
            CodecSamples.AssertSame(expected, actual, $"+sv {selectionValue} +pt {pointTransform}");
            Assert.True(actual.All(v => v % (1 << pointTransform) == 0), "the point transform leaves the low bits zero");
            return 0;
        });
    }

    private static async Task AssertRoundTripsAsync(string path, string what)
    {
        var expected = CodecSamples.Decode(path);
        var runs = Enumerable.Range(1, 7).Select(sv => (string[])["+el", "+sv", I(sv)]).Append(["+e1"]);
        foreach (var options in runs)
        {
            var actual = await CodecSamples.WithToolOutputAsync("dcmcjpeg", options, path, p => CodecSamples.Decode(p));
            CodecSamples.AssertSame(expected, actual, $"{what} dcmcjpeg {string.Join(' ', options)}");
        }
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
