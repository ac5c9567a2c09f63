namespace XrayTriage.Inference.Tests;

public sealed class ClassActivationMapTests
{
    [Fact]
    public void Combine_SameSize_IsMinMaxNormalized()
    {
        var result = ClassActivationMap.Combine([new ClassMap(new float[] { 2, 4, 6, 10 }, 2, 2, 1)], 2, 2);

        Assert.Equal([0f, 0.25f, 0.5f, 1f], result);
    }

    [Fact]
    public void Combine_Upsample2To4_IsBilinearWithPixelCentresAligned()
    {
        // PyTorch: F.interpolate(torch.tensor([[[[0., 1.]]]]), size=(1, 4), mode="bilinear", align_corners=False) = [0, 0.25, 0.75, 1].
        var result = ClassActivationMap.Combine([new ClassMap(new float[] { 0, 1 }, 2, 1, 1)], 4, 1);

        Assert.Equal([0f, 0.25f, 0.75f, 1f], result);
    }

    [Fact]
    public void Combine_ConstantMap_GivesZeros()
    {
        var result = ClassActivationMap.Combine([new ClassMap(Enumerable.Repeat(3.7f, 49).ToArray(), 7, 7, 1)], 224, 180);

        Assert.All(result, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Combine_TwoMembers_WeighsThemByEnsembleWeight()
    {
        // Member a is hot on the left, member b on the right; b weighs three times as much, so the right wins.
        var a = new ClassMap(new float[] { 1, 0 }, 2, 1, 0.25);
        var b = new ClassMap(new float[] { 0, 1 }, 2, 1, 0.75);

        var result = ClassActivationMap.Combine([a, b], 2, 1);

        // Raw: left 0.25, right 0.75 → normalized 0 and 1.
        Assert.Equal([0f, 1f], result);
    }

    [Fact]
    public void Combine_DifferentMapSizes_AreUpsampledToTheSameOutput()
    {
        var coarse = new ClassMap(new float[] { 0, 0, 0, 1 }, 2, 2, 1);
        var fine = new ClassMap(Enumerable.Range(0, 16).Select(i => i == 15 ? 1f : 0f).ToArray(), 4, 4, 1);

        var result = ClassActivationMap.Combine([coarse, fine], 8, 8);

        Assert.Equal(64, result.Length);
        Assert.Equal(1f, result[63]);
        Assert.Equal(0f, result[0]);
    }

    [Fact]
    public void Combine_ValuesDoNotMatchSize_Throws()
        => Assert.Throws<ArgumentException>(() => ClassActivationMap.Combine([new ClassMap(new float[3], 2, 2, 1)], 4, 4));
}
