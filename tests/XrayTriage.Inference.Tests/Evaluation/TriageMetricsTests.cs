using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Inference.Tests.Evaluation;

public sealed class TriageMetricsTests
{
    [Fact]
    public void Compute_HandBuiltSetWithTies_AucCountsTiesHalf()
    {
        // Abnormal 0.7 beats 3 normals; 0.3 beats 0.1, ties 0.3 → 1.5; 0.6 beats 3; 0.4 beats 0.1 and 0.3, ties 0.4 → 2.5.
        var triage = TriageMetrics.Compute(TriageSets.Truth, TriageSets.Probabilities, TriageSets.Policy);

        Assert.Equal(10.0 / 12, triage.Auc.Value!.Value, 12);
    }

    [Fact]
    public void Compute_HandBuiltSet_SharesFollowThePolicy()
    {
        var triage = TriageMetrics.Compute(TriageSets.Truth, TriageSets.Probabilities, TriageSets.Policy);

        Assert.Equal((2, 4, 0.5), (triage.AbnormalFlagged.Count, triage.AbnormalFlagged.Of, triage.AbnormalFlagged.Estimate.Value));
        Assert.Equal((2, 3), (triage.NormalRoutine.Count, triage.NormalRoutine.Of));
        Assert.Equal(2.0 / 3, triage.NormalRoutine.Estimate.Value!.Value, 12);
        Assert.Equal(
            [KeyValuePair.Create("covid19", 0.3), KeyValuePair.Create("viral_pneumonia", 0.4), KeyValuePair.Create("lung_opacity", 0.5)],
            triage.Thresholds);
    }

    [Fact]
    public void Compute_LowerCovidThreshold_FlagsTheFilmItNowReaches()
    {
        var policy = new TriagePolicy(
            new Dictionary<string, double> { ["covid19"] = 0.2, ["viral_pneumonia"] = 0.4, ["lung_opacity"] = 0.5 });

        var triage = TriageMetrics.Compute(TriageSets.Truth, TriageSets.Probabilities, policy);

        Assert.Equal(3, triage.AbnormalFlagged.Count);
        Assert.Equal(2, triage.NormalRoutine.Count);
    }

    [Fact]
    public void Compute_SameSeed_SameIntervalsThatContainThePointEstimates()
    {
        var first = TriageMetrics.Compute(TriageSets.Truth, TriageSets.Probabilities, TriageSets.Policy);
        var second = TriageMetrics.Compute(TriageSets.Truth, TriageSets.Probabilities, TriageSets.Policy);

        Assert.Equal(first, second with { Thresholds = first.Thresholds });
        Assert.Equal((PercentileBootstrap.DefaultResamples, 15), (first.Resamples, first.Seed));
        foreach (var estimate in new[] { first.Auc, first.AbnormalFlagged.Estimate, first.NormalRoutine.Estimate })
        {
            Assert.NotNull(estimate.Low);
            Assert.InRange(estimate.Value!.Value, estimate.Low!.Value, estimate.High!.Value);
            Assert.True(estimate.Low < estimate.High, "seven films cannot pin a share down");
        }
    }

    [Fact]
    public void Compute_OtherSeed_OtherIntervals()
    {
        var seed15 = TriageMetrics.Compute(TriageSets.Truth, TriageSets.Probabilities, TriageSets.Policy);
        var seed16 = TriageMetrics.Compute(TriageSets.Truth, TriageSets.Probabilities, TriageSets.Policy, seed: 16);

        Assert.Equal(seed15.Auc.Value, seed16.Auc.Value);
        Assert.NotEqual(
            (seed15.Auc.Low, seed15.Auc.High, seed15.NormalRoutine.Estimate.Low, seed15.AbnormalFlagged.Estimate.Low),
            (seed16.Auc.Low, seed16.Auc.High, seed16.NormalRoutine.Estimate.Low, seed16.AbnormalFlagged.Estimate.Low));
    }

    [Fact]
    public void Compute_OnlyNormalFilms_AucAndFlaggedAreNullNotNaN()
    {
        int[] truth = [0, 0, 0];
        double[][] probabilities = [[0.9, 0.05, 0.03, 0.02], [0.6, 0.35, 0.03, 0.02], [0.7, 0.1, 0.1, 0.1]];

        var triage = TriageMetrics.Compute(truth, probabilities, TriageSets.Policy);

        Assert.Equal(new IntervalEstimate(null, null, null), triage.Auc);
        Assert.Equal(new ShareEstimate(0, 0, new IntervalEstimate(null, null, null)), triage.AbnormalFlagged);
        Assert.Equal((2, 3), (triage.NormalRoutine.Count, triage.NormalRoutine.Of));
        Assert.NotNull(triage.NormalRoutine.Estimate.Low);
    }

    [Fact]
    public void Compute_OnlyAbnormalFilms_AucAndRoutineAreNull()
    {
        int[] truth = [1, 2, 3];
        double[][] probabilities = [[0.3, 0.6, 0.05, 0.05], [0.7, 0.1, 0.15, 0.05], [0.4, 0.05, 0.05, 0.5]];

        var triage = TriageMetrics.Compute(truth, probabilities, TriageSets.Policy);

        Assert.Null(triage.Auc.Value);
        Assert.Null(triage.NormalRoutine.Estimate.Value);
        Assert.Equal(0, triage.NormalRoutine.Of);
        Assert.Equal((2, 3), (triage.AbnormalFlagged.Count, triage.AbnormalFlagged.Of));
    }

    [Fact]
    public void Compute_OneNormalAmongAbnormals_IntervalLeavesOutDrawsWithoutANormal()
    {
        // Most draws of four films include the normal one; those that do not have no AUC and are skipped, not NaN.
        int[] truth = [0, 1, 2, 3];
        double[][] probabilities = [[0.9, 0.05, 0.03, 0.02], [0.3, 0.6, 0.05, 0.05], [0.7, 0.1, 0.15, 0.05], [0.4, 0.05, 0.05, 0.5]];

        var triage = TriageMetrics.Compute(truth, probabilities, TriageSets.Policy);

        Assert.Equal(1.0, triage.Auc.Value);
        Assert.Equal((1.0, 1.0), (triage.Auc.Low, triage.Auc.High));
    }
}
