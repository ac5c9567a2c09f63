using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Preprocessing;

namespace XrayTriage.Imaging.Tests.Preprocessing;

/// <summary>The content gate's blank measure, as <c>gray_range</c> in <c>models/training/gate.py</c>: sorted[⌊q·(n−1)⌋]
/// at the high quantile minus the low one.</summary>
public sealed class GrayRangeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(128)]
    [InlineData(255)]
    public void Of_ConstantImage_IsZero(byte value)
    {
        var image = new DisplayImage(64, 32, Enumerable.Repeat(value, 64 * 32).ToArray(), "test", false);

        Assert.Equal(0, GrayRange.Of(image, 0.01, 0.99));
    }

    [Fact]
    public void Of_Ramp0To255_IsDifferenceOfSortedValuesAtFlooredIndexes()
    {
        // 256 values 0..255, n − 1 = 255: index ⌊0.01·255⌋ = 2, ⌊0.99·255⌋ = 252.
        var pixels = Enumerable.Range(0, 256).Select(v => (byte)v).Reverse().ToArray();

        Assert.Equal(250, GrayRange.Of(pixels, 0.01, 0.99));
    }

    [Fact]
    public void Of_FewOutliersOnConstantBackground_IgnoresThem()
    {
        // A screen that is one grey with a few bright pixels (under 1 %) is still blank by this measure.
        var pixels = Enumerable.Repeat((byte)40, 10_000).ToArray();
        for (var i = 0; i < 50; i++)
        {
            pixels[i * 199] = 255;
        }

        Assert.Equal(0, GrayRange.Of(pixels, 0.01, 0.99));
    }

    [Fact]
    public void Of_TwoLevelsHalfAndHalf_IsTheirDifference()
    {
        var pixels = Enumerable.Repeat((byte)10, 500).Concat(Enumerable.Repeat((byte)17, 500)).ToArray();

        Assert.Equal(7, GrayRange.Of(pixels, 0.01, 0.99));
    }

    [Fact]
    public void Of_InvalidPercentiles_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => GrayRange.Of(new byte[4], 0.5, 0.5));
}
