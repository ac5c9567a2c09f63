using XrayTriage.Inference.Calibration;

namespace XrayTriage.Inference.Tests.Calibration;

public sealed class SiteCalibratorTests
{
    private static readonly Dictionary<string, double> Shipped = new(StringComparer.Ordinal)
    {
        ["covid19"] = 0.25,
        ["viral_pneumonia"] = 0.5,
        ["lung_opacity"] = 0.5,
    };

    // Columns: normal, covid19, viral_pneumonia, lung_opacity. Only the covid19 column matters for covid19.
    // covid19 positives score 0.9, 0.8, 0.6, 0.3; normals 0.5, 0.2, 0.1; lung opacities 0.7, 0.05, 0.04.
    private static readonly (int Truth, double Covid)[] Films =
    [
        (1, 0.9), (1, 0.8), (1, 0.6), (1, 0.3),
        (0, 0.5), (0, 0.2), (0, 0.1),
        (3, 0.7), (3, 0.05), (3, 0.04),
    ];

    private static (int[] Truth, double[][] Probabilities) Set()
        => ([.. Films.Select(f => f.Truth)], [.. Films.Select(f => new[] { 0.1, f.Covid, 0.0, 0.2 })]);

    [Fact]
    public void Calibrate_HandBuiltFilms_ThresholdIsTheLargestReachingTheTarget()
    {
        var (truth, probabilities) = Set();

        var covid = SiteCalibrator.Calibrate(truth, probabilities, Shipped, 0.75, resamples: 200).Findings[0];

        // k = 3 of 4 positives reach 0.75, so the threshold is the third-highest positive score.
        Assert.Equal("covid19", covid.Finding);
        Assert.Equal(0.6, covid.Calibrated!.Threshold.Value);
        Assert.Equal(0.75, covid.Calibrated.Sensitivity.Value);
        Assert.Equal(5.0 / 6, covid.Calibrated.Specificity.Value!.Value, 12); // only the 0.7 lung opacity is flagged
        Assert.Equal(1.0, covid.Calibrated.NormalSpecificity.Value);
        Assert.Equal((4, 6), (covid.Positives, covid.Negatives));
    }

    [Fact]
    public void Calibrate_HandBuiltFilms_ShippedThresholdAndAucAsCountedByHand()
    {
        var (truth, probabilities) = Set();

        var covid = SiteCalibrator.Calibrate(truth, probabilities, Shipped, 0.95, resamples: 200).Findings[0];

        // 21 of the 24 (positive, negative) pairs are ordered right: 6 + 6 + 5 + 4.
        Assert.Equal(21.0 / 24, covid.Auc.Value!.Value, 12);
        Assert.Equal(0.25, covid.Shipped.Threshold.Value);
        Assert.Null(covid.Shipped.Threshold.Lower);
        Assert.Equal(1.0, covid.Shipped.Sensitivity.Value);
        Assert.Equal(4.0 / 6, covid.Shipped.Specificity.Value!.Value, 12);
        Assert.Equal(2.0 / 3, covid.Shipped.NormalSpecificity.Value!.Value, 12);
        // Target 0.95 of 4 positives needs all 4: the lowest positive score.
        Assert.Equal(0.3, covid.Calibrated!.Threshold.Value);
    }

    [Fact]
    public void Calibrate_FindingWithoutFilms_HasNoThresholdAndIsTooFew()
    {
        var (truth, probabilities) = Set();

        var calibration = SiteCalibrator.Calibrate(truth, probabilities, Shipped, 0.95, resamples: 10);

        var viral = calibration.Findings[1];
        Assert.Equal("viral_pneumonia", viral.Finding);
        Assert.Null(viral.Calibrated);
        Assert.True(viral.TooFew);
        Assert.Equal(["normal", "covid19", "viral_pneumonia", "lung_opacity"], calibration.ClassesWithTooFewFilms);
        Assert.Null(SiteThresholds.From(
            calibration, EnsembleManifestSamples.Manifest(), new string('0', 64), "tester", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Calibrate_PerfectlySeparatedFilms_EveryResampleHasAucOne()
    {
        int[] truth = [.. Enumerable.Repeat(1, 20), .. Enumerable.Repeat(0, 20)];
        double[][] probabilities = [.. truth.Select((t, i) => new[] { 0.0, t == 1 ? 0.9 + (i * 0.001) : 0.1 + (i * 0.001), 0.0, 0.0 })];

        var covid = SiteCalibrator.Calibrate(truth, probabilities, Shipped, 0.95).Findings[0];

        Assert.Equal(new Estimate(1.0, 1.0, 1.0), covid.Auc);
        Assert.Equal(1.0, covid.Calibrated!.Specificity.Lower);
    }

    [Fact]
    public void Calibrate_SameFilmsTwice_SameIntervals()
    {
        var (truth, probabilities) = Set();

        var first = SiteCalibrator.Calibrate(truth, probabilities, Shipped, 0.75);
        var second = SiteCalibrator.Calibrate(truth, probabilities, Shipped, 0.75);

        Assert.Equal(first.Findings, second.Findings);
        var covid = first.Findings[0];
        Assert.NotNull(covid.Auc.Lower);
        Assert.InRange(covid.Auc.Lower!.Value, 0, covid.Auc.Upper!.Value);
        Assert.InRange(covid.Calibrated!.Threshold.Lower!.Value, 0.3, 0.9);
    }
}
