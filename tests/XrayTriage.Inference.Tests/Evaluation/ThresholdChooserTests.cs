using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Inference.Tests.Evaluation;

public sealed class ThresholdChooserTests
{
    // Class 1 scores — positives: 0.9, 0.8, 0.7, 0.4; negatives: 0.85, 0.5, 0.3, 0.1.
    private static readonly int[] Truth = [1, 1, 1, 1, 0, 0, 0, 0];

    private static readonly double[][] Probabilities =
    [
        [0.1, 0.9], [0.2, 0.8], [0.3, 0.7], [0.6, 0.4],
        [0.15, 0.85], [0.5, 0.5], [0.7, 0.3], [0.9, 0.1],
    ];

    [Theory]
    [InlineData(1.0, 0.4, 1.0, 0.5)]
    [InlineData(0.75, 0.7, 0.75, 0.75)]
    [InlineData(0.5, 0.8, 0.5, 0.75)]
    [InlineData(0.25, 0.9, 0.25, 1.0)]
    public void ForSensitivity_Target_GivesTheLargestThresholdReachingIt(
        double target, double threshold, double sensitivity, double specificity)
    {
        var point = ThresholdChooser.ForSensitivity(Truth, Probabilities, 1, target);

        Assert.Equal(new OperatingPoint(threshold, sensitivity, specificity), point);
    }

    [Fact]
    public void ForSensitivity_TiedPositives_ReportsTheSensitivityActuallyReached()
    {
        int[] truth = [1, 1, 1, 0];
        float[][] probabilities = [[0.1f, 0.9f], [0.1f, 0.9f], [0.8f, 0.2f], [0.6f, 0.4f]];

        var point = ThresholdChooser.ForSensitivity(truth, probabilities, 1, 0.3);

        Assert.NotNull(point);
        Assert.Equal((double)0.9f, point.Threshold);
        Assert.Equal(2.0 / 3, point.Sensitivity, 12);
        Assert.Equal(1, point.Specificity);
    }

    [Fact]
    public void ForSensitivity_NoPositives_ReturnsNull()
    {
        double[][] probabilities = [[0.6, 0.4], [0.7, 0.3]];

        Assert.Null(ThresholdChooser.ForSensitivity([0, 0], probabilities, 1, 0.9));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void ForSensitivity_TargetOutOfRange_Throws(double target)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdChooser.ForSensitivity(Truth, Probabilities, 1, target));
    }
}
