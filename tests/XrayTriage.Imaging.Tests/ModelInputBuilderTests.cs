using XrayTriage.Imaging.Grayscale;
using XrayTriage.Imaging.Resampling;

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
}
