using XrayTriage.Imaging.Preprocessing;

namespace XrayTriage.Imaging.Tests.Preprocessing;

public sealed class ContrastStretchTests
{
    [Fact]
    public void Apply_ElevenValues_MapsTheTenthAndNinetiethPercentilesToBlackAndWhite()
    {
        float[] plane = [50, 0, 100, 10, 90, 20, 80, 30, 70, 40, 60];

        // sorted: 0, 10, …, 100; n − 1 = 10; v_lo = sorted[⌊0.1·10⌋] = 10, v_hi = sorted[⌊0.9·10⌋] = 90.
        ContrastStretch.Apply(plane, 0.1, 0.9);

        float[] expected = [127.5f, 0, 255, 0, 255, 31.875f, 223.125f, 63.75f, 191.25f, 95.625f, 159.375f];
        Assert.Equal(expected, plane);
    }

    [Fact]
    public void Apply_IndexProduct_IsComputedInDoubleLikePython()
    {
        var plane = Enumerable.Range(0, 101).Select(i => (float)i).ToArray();

        // 0.01·100 = 1 in double (0.01f·100 would floor to 0): v_lo = 1, v_hi = sorted[⌊0.99·100⌋] = 99.
        ContrastStretch.Apply(plane, 0.01, 0.99);

        Assert.Equal(0f, plane[1]);
        Assert.Equal(255f, plane[99]);
        Assert.Equal((50f - 1f) / 98f * 255f, plane[50], 4);
    }

    [Fact]
    public void Apply_RangeUnderOneLevel_LeavesThePlaneUnchanged()
    {
        float[] plane = [10, 10.5f, 10.9f, 10.2f, 200];

        ContrastStretch.Apply(plane, 0, 0.75);

        Assert.Equal([10, 10.5f, 10.9f, 10.2f, 200], plane);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(-0.01, 0.9)]
    [InlineData(0.1, 1.01)]
    [InlineData(double.NaN, 0.9)]
    public void Apply_InvalidPercentiles_Throws(double low, double high)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContrastStretch.Apply(new float[4], low, high));
    }
}
