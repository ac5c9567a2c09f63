using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Preprocessing;
using XrayTriage.Imaging.Resampling;
using XrayTriage.Imaging.Tests.Preprocessing;

namespace XrayTriage.Imaging.Tests;

public sealed class ModelInputBuilderTests
{
    private static DisplayImage Gray(int width, int height, byte value) =>
        new(width, height, Enumerable.Repeat(value, width * height).ToArray(), "test", false);

    [Fact]
    public void Build_ImageNetSpec_NormalizesEachChannelAndReplicatesGray()
    {
        var tensor = ModelInputBuilder.Build(Gray(300, 200, 255), ModelInputSpec.ImageNet224);

        Assert.Equal(3 * 224 * 224, tensor.Length);
        Assert.Equal((1 - 0.485f) / 0.229f, tensor[0], 4);
        Assert.Equal((1 - 0.456f) / 0.224f, tensor[224 * 224], 4);
        Assert.Equal((1 - 0.406f) / 0.225f, tensor[(2 * 224 * 224) + 500], 4);
    }

    [Fact]
    public void Fit_PadMode_KeepsAspectRatioAndPadsBlack()
    {
        var spec = ModelInputSpec.ImageNet224 with { Resize = ResizeMode.Pad };

        var plane = ModelInputBuilder.Fit(Gray(400, 200, 200), spec);

        Assert.Equal(0f, plane[0]);                      // top padding band
        Assert.Equal(200f, plane[(112 * 224) + 112], 3); // image centre
        Assert.Equal(0f, plane[(223 * 224) + 223]);      // bottom padding band
    }

    [Fact]
    public void Build_InvalidSpec_Throws()
    {
        var spec = ModelInputSpec.ImageNet224 with { Std = [0.2f, 0f, 0.2f] };

        Assert.Throws<ImagingException>(() => ModelInputBuilder.Build(Gray(10, 10, 1), spec));
    }

    [Fact]
    public void Fit_ImageNetSpec_NeitherTrimsNorStretchesContrast()
    {
        var pixels = BorderTrimTests.Textured(300, 200);
        pixels.AsSpan(0, 300 * 20).Clear(); // a black bar ImageNet224 keeps
        var image = new DisplayImage(300, 200, pixels, "test", false);

        var plane = ModelInputBuilder.Fit(image, ModelInputSpec.ImageNet224);

        Assert.False(ModelInputSpec.ImageNet224.TrimBorders);
        Assert.Null(ModelInputSpec.ImageNet224.ContrastPercentiles);
        Assert.Equal(AreaResampler.Resize(pixels, 300, 200, 224, 224), plane);
    }

    [Fact]
    public void Fit_TrimAndPercentiles_TrimsThenResizesThenStretches()
    {
        var pixels = BorderTrimTests.Textured(300, 200);
        pixels.AsSpan(0, 300 * 20).Fill(255);
        var image = new DisplayImage(300, 200, pixels, "test", false);
        var spec = ModelInputSpec.ImageNet224 with { TrimBorders = true, ContrastPercentiles = (0.02, 0.98) };

        var plane = ModelInputBuilder.Fit(image, spec);

        var expected = AreaResampler.Resize(pixels.AsSpan(300 * 20), 300, 180, 224, 224);
        ContrastStretch.Apply(expected, 0.02, 0.98);
        Assert.Equal(expected, plane);
        Assert.Equal(0f, plane.Min());
        Assert.Equal(255f, plane.Max());
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(-0.1, 0.9)]
    [InlineData(0.1, 1.5)]
    [InlineData(double.NaN, 0.9)]
    public void Validate_BadContrastPercentiles_Throws(double low, double high)
    {
        var spec = ModelInputSpec.ImageNet224 with { ContrastPercentiles = (low, high) };

        Assert.Throws<ImagingException>(() => ModelInputBuilder.Fit(Gray(10, 10, 1), spec));
    }
}
