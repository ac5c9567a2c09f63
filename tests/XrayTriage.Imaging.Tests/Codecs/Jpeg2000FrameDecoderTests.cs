using XrayTriage.Testing;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>OpenJPEG through P/Invoke against the uncompressed original and OpenJPEG's own opj_decompress.</summary>
public sealed class Jpeg2000FrameDecoderTests
{
    public static TheoryData<string> Jpeg2000Samples => new()
    {
        "other/cr_extremity_mono1_u10_j2k-lossless_nema-RG3_J2KR.dcm",
        "other/cr_extremity_mono1_u10_j2k-lossy_nema-RG3_J2KI.dcm",
        "other/cr_hip_mono2_u10_j2k-lossy_nema-RG2_J2KI.dcm",
        "other/mr_mono2_u12_j2k-lossy_rescale_nema-MR2_J2KI.dcm",
        "chest/cr_chest_pa_mono1_u15_j2k-lossy_nema-RG1_J2KI.dcm",
    };

    [Fact]
    public void Decode_Rg3J2kr_EqualsUncompressed()
    {
        var expected = CodecSamples.Decode(CodecSamples.PathOf("other/cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm"));
        CodecSamples.AssertSame(
            expected,
            CodecSamples.Decode(CodecSamples.PathOf("other/cr_extremity_mono1_u10_j2k-lossless_nema-RG3_J2KR.dcm")),
            "RG3 J2KR");
    }

    [Fact]
    public void Decode_Rg3J2ki_CloseToUncompressed()
    {
        var expected = CodecSamples.Decode(CodecSamples.PathOf("other/cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm"));
        var worst = CodecSamples.MaxDifference(
            expected, CodecSamples.Decode(CodecSamples.PathOf("other/cr_extremity_mono1_u10_j2k-lossy_nema-RG3_J2KI.dcm")));
        Assert.InRange(worst, 1, 1023 / 8);
    }

    [Theory]
    [MemberData(nameof(Jpeg2000Samples))]
    public async Task Decode_Sample_EqualsOpjDecompress(string sample)
    {
        var path = CodecSamples.PathOf(sample);
        var (frame, geometry) = CodecSamples.EncodedFrame(path);
        var stem = Path.Combine(Path.GetTempPath(), $"xraytriage-j2k-{Guid.NewGuid():N}");
        var input = stem + (frame[0] == 0xFF ? ".j2k" : ".jp2");
        var output = stem + ".rawl";
        try
        {
            await File.WriteAllBytesAsync(input, frame);
            var result = await PeerTools.RunAsync("opj_decompress", ["-i", input, "-o", output], TimeSpan.FromMinutes(1));
            result.EnsureSuccess("opj_decompress (Debian package libopenjp2-tools)");
            var raw = await File.ReadAllBytesAsync(output);
            var bytesPerSample = raw.Length / (int)geometry.PixelCount;
            var expected = Enumerable.Range(0, (int)geometry.PixelCount)
                .Select(i => bytesPerSample == 1 ? raw[i] : (int)BitConverter.ToUInt16(raw, i * 2)).ToArray();
            CodecSamples.AssertSame(expected, CodecSamples.Decode(path), sample);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("j2k")]
    [InlineData("jp2")]
    public async Task Decode_OpjCompressLossless_EqualsInput(string extension)
    {
        var encoded = await OpenJpegTool.EncodeAsync(extension, 0);
        var native = new XrayTriage.Imaging.Codecs.Jpeg2000FrameDecoder().Decode(encoded, OpenJpegTool.Geometry);
        var actual = XrayTriage.Imaging.Pixels.NativeFrameDecoder.Decode(native, OpenJpegTool.Geometry, 0);
        CodecSamples.AssertSame(OpenJpegTool.Pixels(), actual, $"opj_compress .{extension}");
    }

    [Fact]
    public async Task Decode_TruncatedCodestream_ThrowsInsteadOfPartialImage()
    {
        var encoded = await OpenJpegTool.EncodeAsync("j2k", 0);
        var decoder = new XrayTriage.Imaging.Codecs.Jpeg2000FrameDecoder();
        Assert.Throws<ImagingException>(() => decoder.Decode(encoded.AsMemory(0, encoded.Length * 2 / 3), OpenJpegTool.Geometry));
    }
}
