using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Inference.Tests.Evaluation;

public sealed class PercentileBootstrapTests
{
    [Theory]
    [InlineData(0.5, 2.5)]
    [InlineData(0.025, 1.075)]
    [InlineData(0.975, 3.925)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    public void Percentile_FourValues_InterpolatesLinearlyLikeNumpy(double q, double expected)
    {
        Assert.Equal(expected, PercentileBootstrap.Percentile([1, 2, 3, 4], q), 12);
    }

    [Fact]
    public void Intervals_SameSeed_SameIntervals()
    {
        Func<int[], double?> mean = sample => sample.Average();

        var first = PercentileBootstrap.Intervals(50, [mean], resamples: 500, seed: 15);
        var second = PercentileBootstrap.Intervals(50, [mean], resamples: 500, seed: 15);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Intervals_MeanIndexOfManyCases_CoversTheMeanAndStaysNarrow()
    {
        // The mean index of 1,000 cases is 499.5; its standard error is about 289/√1000 ≈ 9.1, so the 95 % interval
        // is about ±18 around it.
        var interval = PercentileBootstrap.Intervals(1000, [sample => sample.Average()])[0]!.Value;

        Assert.InRange(499.5, interval.Low, interval.High);
        Assert.InRange(interval.High - interval.Low, 25, 50);
    }

    [Fact]
    public void Intervals_ConstantStatistic_IsAPoint()
    {
        var interval = PercentileBootstrap.Intervals(5, [_ => 0.25], resamples: 100)[0];

        Assert.Equal((0.25, 0.25), interval);
    }

    [Fact]
    public void Intervals_StatisticNeverDefined_IsNull()
    {
        var intervals = PercentileBootstrap.Intervals(5, [_ => null, _ => 1.0], resamples: 100);

        Assert.Null(intervals[0]);
        Assert.Equal((1.0, 1.0), intervals[1]);
    }

    [Fact]
    public void Intervals_EveryDrawHasTheCaseCount()
    {
        var sizes = new HashSet<int>();

        PercentileBootstrap.Intervals(7, [sample => { sizes.Add(sample.Length); return sample.Max(); }], resamples: 50);

        Assert.Equal([7], sizes);
    }
}
