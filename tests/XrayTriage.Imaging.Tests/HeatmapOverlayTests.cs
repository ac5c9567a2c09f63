namespace XrayTriage.Imaging.Tests;

public sealed class HeatmapOverlayTests
{
    [Fact]
    public void Upsample_StoredHeatmap_CornersKeepTheirValuesAndMidpointsInterpolate()
    {
        var heat = HeatmapOverlay.Upsample([0, 255], 2, 1, 4, 1);

        // pixel centres 0.5..3.5 map to -0.25, 0.25, 0.75, 1.25 in heatmap space, clamped to [0, 1]
        Assert.Equal([0f, 0.25f, 0.75f, 1f], heat);
    }

    [Fact]
    public void Upsample_ValuesNotMatchingTheSize_Throws()
        => Assert.Throws<ArgumentException>(() => HeatmapOverlay.Upsample(new byte[10], 64, 52, 128, 104));
}
