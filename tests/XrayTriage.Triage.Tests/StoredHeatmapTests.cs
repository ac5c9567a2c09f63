using XrayTriage.Inference;

namespace XrayTriage.Triage.Tests;

public sealed class StoredHeatmapTests
{
    [Theory]
    [InlineData(2000, 2500, 51, 64)]
    [InlineData(3000, 2000, 64, 43)]
    [InlineData(440, 440, 64, 64)]
    [InlineData(5000, 10, 64, 1)]
    [InlineData(32, 16, 32, 16)]
    [InlineData(1, 1, 1, 1)]
    public void SizeFor_Image_LongSideSixtyFourAspectKept(int width, int height, int expectedWidth, int expectedHeight)
    {
        Assert.Equal(new HeatmapSize(expectedWidth, expectedHeight), StoredHeatmap.SizeFor(width, height));
    }

    [Fact]
    public void Quantize_UnitRangeValues_RoundedBytesWithOutOfRangeClampedAndNaNZero()
    {
        var map = new Heatmap(3, 2, [0f, 0.5f, 1f, 0.001f, float.NaN, 1.5f]);

        var stored = StoredHeatmap.Quantize(map);

        Assert.Equal(3, stored.Width);
        Assert.Equal(2, stored.Height);
        Assert.Equal([0, 128, 255, 0, 0, 255], stored.Values);
    }

    [Fact]
    public void Quantize_LargerThanStorage_Refused()
    {
        Assert.Throws<ArgumentException>(() => StoredHeatmap.Quantize(new Heatmap(65, 1, new float[65])));
    }
}
