using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Inference.Tests.Evaluation;

public sealed class ClassificationMetricsTests
{
    private static readonly string[] Abc = ["a", "b", "c"];
    private static readonly string[] Binary = ["neg", "pos"];

    [Fact]
    public void Compute_PerfectClassifier_EverythingOneAndEceIsTheMissingConfidence()
    {
        int[] truth = [0, 1, 2, 0, 1, 2];
        float[][] probabilities =
        [
            [0.8f, 0.1f, 0.1f], [0.1f, 0.8f, 0.1f], [0.1f, 0.1f, 0.8f],
            [0.8f, 0.1f, 0.1f], [0.1f, 0.8f, 0.1f], [0.1f, 0.1f, 0.8f],
        ];

        var metrics = ClassificationMetrics.Compute(Abc, truth, probabilities);

        Assert.Equal(6, metrics.Count);
        Assert.Equal(1, metrics.Accuracy);
        Assert.Equal(1, metrics.BalancedAccuracy);
        Assert.Equal(0.2, metrics.ExpectedCalibrationError, 6); // every case in one bin: |1 − 0.8|
        Assert.Equal([[2, 0, 0], [0, 2, 0], [0, 0, 2]], metrics.ConfusionMatrix);
        Assert.All(metrics.PerClass, m =>
        {
            Assert.Equal(1, m.Sensitivity);
            Assert.Equal(1, m.Specificity);
            Assert.Equal(1, m.Precision);
            Assert.Equal(1, m.F1);
            Assert.Equal(1, m.Auc);
        });
    }

    [Fact]
    public void Compute_AllWrong_EverythingZero()
    {
        int[] truth = [0, 0, 1, 1];
        double[][] probabilities = [[0.1, 0.9], [0.1, 0.9], [0.9, 0.1], [0.9, 0.1]];

        var metrics = ClassificationMetrics.Compute(Binary, truth, probabilities);

        Assert.Equal(0, metrics.Accuracy);
        Assert.Equal(0, metrics.BalancedAccuracy);
        Assert.Equal(0.9, metrics.ExpectedCalibrationError, 12);
        Assert.Equal([[0, 2], [2, 0]], metrics.ConfusionMatrix);
        Assert.All(metrics.PerClass, m => Assert.Equal(new ClassMetrics(m.Label, 0, 0, 0, 0, 0), m));
    }

    [Fact]
    public void Compute_TiedScores_CountHalfInTheAuc()
    {
        // Class "pos" scores: positives 0.8, 0.5; negatives 0.5, 0.2. Pairs: 1 + 1 + ½ + 1 = 3.5 of 4.
        int[] truth = [1, 1, 0, 0];
        double[][] probabilities = [[0.2, 0.8], [0.5, 0.5], [0.5, 0.5], [0.8, 0.2]];

        var metrics = ClassificationMetrics.Compute(Binary, truth, probabilities);

        Assert.Equal(0.875, metrics.PerClass[1].Auc);
        Assert.Equal(0.875, metrics.PerClass[0].Auc);
    }

    [Fact]
    public void Compute_MixedCase_MatchesHandCount()
    {
        // Predictions (argmax, first on ties): 0, 0, 1, 1, 2, 0.
        int[] truth = [0, 0, 0, 1, 1, 2];
        double[][] probabilities =
        [
            [0.7, 0.2, 0.1], [0.4, 0.4, 0.2], [0.3, 0.6, 0.1],
            [0.1, 0.8, 0.1], [0.2, 0.3, 0.5], [0.5, 0.1, 0.4],
        ];

        var metrics = ClassificationMetrics.Compute(Abc, truth, probabilities);

        Assert.Equal([[2, 1, 0], [0, 1, 1], [1, 0, 0]], metrics.ConfusionMatrix);
        Assert.Equal(0.5, metrics.Accuracy);
        Assert.Equal((2.0 / 3 + 0.5 + 0) / 3, metrics.BalancedAccuracy!.Value, 12);
        var a = metrics.PerClass[0]; // TP 2, FN 1, FP 1, TN 2
        Assert.Equal(2.0 / 3, a.Sensitivity!.Value, 12);
        Assert.Equal(2.0 / 3, a.Specificity!.Value, 12);
        Assert.Equal(2.0 / 3, a.Precision!.Value, 12);
        Assert.Equal(2.0 / 3, a.F1!.Value, 12);
        var c = metrics.PerClass[2]; // TP 0, FN 1, FP 1, TN 4
        Assert.Equal(0, c.Sensitivity);
        Assert.Equal(0.8, c.Specificity!.Value, 12);
        Assert.Equal(0, c.Precision);
        Assert.Equal(0, c.F1);
        // Class "c" scores: positive 0.4 against 0.1, 0.2, 0.1, 0.1, 0.5 → 4 of 5.
        Assert.Equal(0.8, c.Auc!.Value, 12);
    }

    [Fact]
    public void Compute_EceByHand_WeighsEachBinByItsShare()
    {
        // Confidences 0.95 (right), 0.95 (wrong) → bin 14: |0.5 − 0.95| · 2/4;
        // 0.6 (right), 0.55 (right) → bin 8 = (8/15, 9/15]: |1 − 0.575| · 2/4.
        int[] truth = [1, 0, 1, 1];
        double[][] probabilities = [[0.05, 0.95], [0.05, 0.95], [0.4, 0.6], [0.45, 0.55]];

        var metrics = ClassificationMetrics.Compute(Binary, truth, probabilities);

        Assert.Equal((0.45 * 0.5) + (0.425 * 0.5), metrics.ExpectedCalibrationError, 12);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0 / 15, 0)]
    [InlineData(2.0 / 15, 1)]
    [InlineData(0.6, 8)]
    [InlineData(0.6000001, 9)]
    [InlineData(1.0, 14)]
    public void CalibrationBin_EdgeValues_GoToTheLowerBin(double confidence, int bin)
    {
        Assert.Equal(bin, ClassificationMetrics.CalibrationBin(confidence));
    }

    [Fact]
    public void Compute_ClassAbsentAndNeverPredicted_GivesNullsNotNaN()
    {
        int[] truth = [0, 1, 0, 1];
        double[][] probabilities = [[0.6, 0.3, 0.1], [0.2, 0.7, 0.1], [0.3, 0.6, 0.1], [0.1, 0.8, 0.1]];

        var metrics = ClassificationMetrics.Compute(Abc, truth, probabilities);

        var c = metrics.PerClass[2];
        Assert.Equal(new ClassMetrics("c", null, 1, null, null, null), c);
        Assert.Equal((0.5 + 1) / 2, metrics.BalancedAccuracy); // over the classes present only
        var json = ClassificationMetricsJson.ToJson(metrics);
        Assert.Contains(
            "\"c\":{\"sensitivity\":null,\"specificity\":1,\"precision\":null,\"f1\":null,\"auc\":null}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_SmallCase_HasTheStableShape()
    {
        int[] truth = [0, 1, 1, 0];
        double[][] probabilities = [[0.75, 0.25], [0.25, 0.75], [0.75, 0.25], [0.75, 0.25]];

        var json = ClassificationMetricsJson.ToJson(ClassificationMetrics.Compute(Binary, truth, probabilities));

        // neg: TP 2, FN 0, FP 1, TN 1; pos: TP 1, FN 1, FP 0, TN 2; every confidence 0.75, accuracy 0.75 → ECE 0.
        // AUC of pos: positives 0.75, 0.25 vs negatives 0.25, 0.25 → (1 + 1 + ½ + ½) / 4.
        Assert.Equal(
            "{\"accuracy\":0.75,\"balancedAccuracy\":0.75,\"ece\":0,\"confusionMatrix\":[[2,0],[1,1]]," +
            "\"perClass\":{\"neg\":{\"sensitivity\":1,\"specificity\":0.5,\"precision\":0.6666666666666666,\"f1\":0.8,\"auc\":0.75}," +
            "\"pos\":{\"sensitivity\":0.5,\"specificity\":1,\"precision\":1,\"f1\":0.6666666666666666,\"auc\":0.75}}}",
            json);
    }

    [Fact]
    public void Compute_MalformedInput_ThrowsNamingTheCase()
    {
        double[][] one = [[0.5, 0.5]];
        double[][] two = [[0.5, 0.5], [0.5, 0.5]];
        double[][] notANumber = [[double.NaN, 0.5]];
        double[][] tooLong = [[0.5, 0.3, 0.2]];

        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(Binary, [0, 1], one));
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(Binary, [0, 2], two));
        Assert.Contains("Case 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(Binary, [0], notANumber));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(Binary, [0], tooLong));
    }
}
