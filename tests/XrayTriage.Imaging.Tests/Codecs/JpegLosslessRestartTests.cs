using XrayTriage.Imaging.Codecs;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>Restart intervals and three-component frames, from streams made by <see cref="LosslessJpegTestEncoder"/>.</summary>
public sealed class JpegLosslessRestartTests
{
    private const int Rows = 19;
    private const int Columns = 23;

    [Theory]
    [InlineData(1, 16, Columns)]
    [InlineData(4, 16, Columns * 3)]
    [InlineData(7, 12, Columns * 5)]
    [InlineData(5, 16, Columns * 19)]
    [InlineData(6, 2, Columns * 2)]
    public void Decode_RestartIntervals_EqualsInput(int predictor, int precision, int restartInterval)
    {
        var plane = Plane(precision, 1);
        var encoded = new LosslessJpegTestEncoder(Rows, Columns, precision, predictor, restartInterval).Encode([plane]);
        var geometry = new PixelGeometry(Rows, Columns, 1, 1, 16, precision, precision - 1, false, "MONOCHROME2", 0);
        var native = new JpegLosslessFrameDecoder().Decode(encoded, geometry);
        Assert.Equal(plane, Enumerable.Range(0, plane.Length).Select(i => BitConverter.ToUInt16(native, i * 2)).ToArray());
    }

    [Fact]
    public void Decode_ThreeInterleavedComponents_EqualsInputInterleaved()
    {
        ushort[][] planes = [Plane(8, 1), Plane(8, 2), Plane(8, 3)];
        var encoded = new LosslessJpegTestEncoder(Rows, Columns, 8, 6, Columns * 4).Encode(planes);
        var geometry = new PixelGeometry(Rows, Columns, 1, 3, 8, 8, 7, false, "RGB", 0);
        var native = new JpegLosslessFrameDecoder().Decode(encoded, geometry);
        for (var i = 0; i < Rows * Columns; i++)
        {
            Assert.Equal((planes[0][i], planes[1][i], planes[2][i]), (native[i * 3], native[(i * 3) + 1], native[(i * 3) + 2]));
        }
    }

    [Fact]
    public void Decode_WrongRestartMarker_ThrowsImagingException()
    {
        var encoded = new LosslessJpegTestEncoder(Rows, Columns, 12, 1, Columns).Encode([Plane(12, 4)]);
        var rst = Enumerable.Range(1, encoded.Length - 1).First(i => encoded[i - 1] == 0xFF && encoded[i] == 0xD0);
        encoded[rst] = 0xD3;
        var geometry = new PixelGeometry(Rows, Columns, 1, 1, 16, 12, 11, false, "MONOCHROME2", 0);
        var error = Assert.Throws<ImagingException>(() => new JpegLosslessFrameDecoder().Decode(encoded, geometry));
        Assert.Contains("RST0", error.Message, StringComparison.Ordinal);
    }

    private static ushort[] Plane(int precision, int seed)
    {
        var random = new Random(seed);
        var max = (1 << precision) - 1;
        return [.. Enumerable.Range(0, Rows * Columns).Select(i => (ushort)(i % 7 == 0 ? random.Next(max + 1) : (i * 97 % (max + 1))))];
    }
}
