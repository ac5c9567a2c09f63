using XrayTriage.Imaging.Codecs;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Tests.Codecs;

public sealed class RleFrameDecoderTests
{
    private static readonly PixelGeometry Gray8 = new(2, 4, 1, 1, 8, 8, 7, false, "MONOCHROME2", 0);
    private static readonly PixelGeometry Gray16 = Gray8 with { BitsAllocated = 16, BitsStored = 16, HighBit = 15 };

    [Fact]
    public void Decode_Rg3Rle_EqualsUncompressed()
    {
        var expected = CodecSamples.Decode(CodecSamples.PathOf("other/cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm"));
        var actual = CodecSamples.Decode(CodecSamples.PathOf("other/cr_extremity_mono1_u10_rle_nema-RG3_RLE.dcm"));
        CodecSamples.AssertSame(expected, actual, "RG3 RLE");
    }

    [Fact]
    public async Task Decode_PaletteRle_EqualsDcmdrle()
    {
        var path = CodecSamples.PathOf("other/us_palette-color_rle_pydicom-OBXXXX1A_rle.dcm");
        var expected = await CodecSamples.WithToolOutputAsync("dcmdrle", [], path, p => CodecSamples.Decode(p));
        CodecSamples.AssertSame(expected, CodecSamples.Decode(path), "OBXXXX1A RLE");
    }

    [Theory]
    [InlineData("other/ct_small_mono2_s16_explicit-le_pydicom-CT_small.dcm")]
    [InlineData("other/mr_small_mono2_s16_explicit-le_pydicom-MR_small.dcm")]
    [InlineData("other/rf_fluoro_u8_orthanc-KarstenHilbertRF.dcm")]
    [InlineData("other/cr_extremity_mono1_u10_explicit-le_nema-RG3_UNC.dcm")]
    public async Task Decode_DcmcrleOutput_EqualsNativeInput(string sample)
    {
        var path = CodecSamples.PathOf(sample);
        var actual = await CodecSamples.WithToolOutputAsync("dcmcrle", [], path, p => CodecSamples.Decode(p));
        CodecSamples.AssertSame(CodecSamples.Decode(path), actual, sample);
    }

    [Fact]
    public void Decode_HandMadeSegments_MostSignificantByteFirst()
    {
        // Segment 1 (high bytes): literal 0x01 0x02 then replicate 0x03 ×6; segment 2 (low bytes): replicate 0xAA ×8.
        byte[] high = [0x01, 0x01, 0x02, 0xFB, 0x03];
        byte[] low = [0x80, 0xF9, 0xAA];
        var frame = Frame([high, low]);
        var native = new RleFrameDecoder().Decode(frame, Gray16);
        Assert.Equal(new byte[] { 0xAA, 0x01, 0xAA, 0x02, 0xAA, 0x03, 0xAA, 0x03, 0xAA, 0x03, 0xAA, 0x03, 0xAA, 0x03, 0xAA, 0x03 }, native);
    }

    public static TheoryData<string, byte[]> CorruptFrames => new()
    {
        { "shorter than header", new byte[10] },
        { "no segments", Frame([]) },
        { "too many segments", Frame([[0xF9, 1], [0xF9, 1]]) },
        { "literal past end", Frame([[0x07, 1, 2]]) },
        { "replicate without byte", Frame([[0xFB]]) },
        { "plane too short", Frame([[0xFD, 1]]) },
        { "first offset not 64", WithOffset(Frame([[0xF9, 1]]), 0, 60) },
        { "offset past end", WithOffset(Frame([[0xF9, 1]]), 0, 4000) },
    };

    [Theory]
    [MemberData(nameof(CorruptFrames))]
    public void Decode_CorruptFrame_ThrowsImagingException(string why, byte[] frame)
    {
        var error = Assert.Throws<ImagingException>(() => new RleFrameDecoder().Decode(frame, Gray8));
        Assert.StartsWith("RLE:", error.Message, StringComparison.Ordinal);
        Assert.NotNull(why);
    }

    internal static byte[] Frame(byte[][] segments)
    {
        var header = new byte[64];
        BitConverter.GetBytes(segments.Length).CopyTo(header, 0);
        var offset = 64;
        for (var i = 0; i < segments.Length; i++)
        {
            BitConverter.GetBytes(offset).CopyTo(header, 4 + (i * 4));
            offset += segments[i].Length;
        }

        return [.. header, .. segments.SelectMany(s => s)];
    }

    private static byte[] WithOffset(byte[] frame, int segment, int offset)
    {
        BitConverter.GetBytes(offset).CopyTo(frame, 4 + (segment * 4));
        return frame;
    }
}
