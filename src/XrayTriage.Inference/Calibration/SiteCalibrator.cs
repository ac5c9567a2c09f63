using XrayTriage.Core.Pipeline;
using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Inference.Calibration;

/// <summary>Site calibration of the triage operating point: per finding, on a site's labelled films, the one-vs-rest AUC,
/// the largest threshold whose sensitivity reaches the target (<see cref="ThresholdChooser"/>, the recipe's rule) and what
/// it and the shipped threshold give, with 95 % percentile bootstrap intervals (<see cref="PercentileBootstrap"/>, as
/// <c>eval</c>). Deterministic: the resamples come from a seeded generator, so the same films give the same numbers.</summary>
public static class SiteCalibrator
{
    public const int Resamples = 2000;

    /// <summary>Seed of the resampling generator (issue 16).</summary>
    public const int Seed = 16;

    /// <summary>A class with fewer films is reported as too few to trust.</summary>
    public const int TooFewFilms = 30;

    /// <param name="truth">Index into <see cref="EnsembleLabels.All"/> of each film's class.</param>
    /// <param name="probabilities">Each film's ensemble probabilities, in <see cref="EnsembleLabels.All"/> order.</param>
    /// <param name="shipped">The shipped threshold of each finding.</param>
    /// <param name="targetSensitivity">In (0, 1].</param>
    /// <param name="resamples">Bootstrap resamples (films drawn with replacement, as many as there are).</param>
    /// <param name="seed">Seed of the resampling generator.</param>
    public static SiteCalibration Calibrate(
        IReadOnlyList<int> truth,
        IReadOnlyList<double[]> probabilities,
        IReadOnlyDictionary<string, double> shipped,
        double targetSensitivity,
        int resamples = Resamples,
        int seed = Seed)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        EvaluationInput.Validate(EnsembleLabels.All, truth, probabilities);
        if (!(targetSensitivity > 0 && targetSensitivity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetSensitivity), $"Target sensitivity {targetSensitivity} must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        var perClass = EnsembleLabels.All.Select((label, c) => (label, count: truth.Count(t => t == c)))
            .ToDictionary(x => x.label, x => x.count, StringComparer.Ordinal);
        var findings = new List<FindingCalibration>(EnsembleLabels.Findings.Count);
        foreach (var finding in EnsembleLabels.Findings)
        {
            var shippedThreshold = shipped.TryGetValue(finding, out var t)
                ? t
                : throw new ArgumentException($"No shipped threshold for '{finding}'.", nameof(shipped));
            findings.Add(CalibrateFinding(finding, truth, probabilities, shippedThreshold, targetSensitivity, resamples, seed));
        }

        return new SiteCalibration(truth.Count, perClass, targetSensitivity, resamples, seed, findings);
    }

    private static FindingCalibration CalibrateFinding(
        string finding, IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, double shippedThreshold,
        double target, int resamples, int seed)
    {
        var c = IndexOf(finding);
        var n = truth.Count;
        var positives = truth.Count(x => x == c);
        var chosen = ThresholdChooser.ForSensitivity(truth, probabilities, c, target)?.Threshold;
        var all = Enumerable.Range(0, n).ToArray();
        var auc = Auc(truth, probabilities, c, all);
        var atChosen = chosen is { } fixedChosen ? Measure(truth, probabilities, c, fixedChosen, all) : default;
        var atShipped = Measure(truth, probabilities, c, shippedThreshold, all);

        // Every finding is resampled with the same seed, so each sees the same draws whatever the others do.
        // The rates at a threshold are measured once per draw for the three statistics they give.
        var resampled = resamples == 0 ? null : PercentileBootstrap.Intervals(n, 8, draws =>
        {
            var chosenHere = chosen is { } threshold ? Measure(truth, probabilities, c, threshold, draws) : default;
            var shippedHere = Measure(truth, probabilities, c, shippedThreshold, draws);
            var resampledChosen = chosen is null ? null : ThresholdChooser.ForSensitivity(
                [.. draws.Select(i => truth[i])], [.. draws.Select(i => probabilities[i])], c, target)?.Threshold;
            return
            [
                Auc(truth, probabilities, c, draws), resampledChosen,
                chosenHere.Sensitivity, chosenHere.Specificity, chosenHere.NormalSpecificity,
                shippedHere.Sensitivity, shippedHere.Specificity, shippedHere.NormalSpecificity
            ];
        }, resamples, seed);
        Estimate Interval(double? value, int statistic)
            => resampled?[statistic] is { } range ? new(value, range.Low, range.High) : Estimate.Fixed(value);

        OperatingPointEstimate? calibrated = chosen is { } value
            ? new OperatingPointEstimate(Interval(value, 1), Interval(atChosen.Sensitivity, 2), Interval(atChosen.Specificity, 3),
                Interval(atChosen.NormalSpecificity, 4))
            : null;
        var shippedEstimate = new OperatingPointEstimate(Estimate.Fixed(shippedThreshold), Interval(atShipped.Sensitivity, 5),
            Interval(atShipped.Specificity, 6), Interval(atShipped.NormalSpecificity, 7));
        return new FindingCalibration(finding, positives, n - positives, Interval(auc, 0), calibrated, shippedEstimate);
    }

    /// <summary>Sensitivity, specificity and normal specificity of "probability ≥ threshold" over the films
    /// <paramref name="films"/> (indexes, repeats counted); null where the denominator is zero.</summary>
    internal static Rates Measure(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int c, double threshold, int[] films)
    {
        int positives = 0, flaggedPositives = 0, negatives = 0, clearNegatives = 0, normals = 0, clearNormals = 0;
        const int Normal = 0;
        foreach (var i in films)
        {
            var flagged = probabilities[i][c] >= threshold;
            if (truth[i] == c)
            {
                positives++;
                flaggedPositives += flagged ? 1 : 0;
                continue;
            }

            negatives++;
            clearNegatives += flagged ? 0 : 1;
            if (truth[i] == Normal)
            {
                normals++;
                clearNormals += flagged ? 0 : 1;
            }
        }

        return new Rates(Ratio(flaggedPositives, positives), Ratio(clearNegatives, negatives), Ratio(clearNormals, normals));
    }

    private static double? Auc(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int c, int[] films)
    {
        var scores = new double[films.Length];
        var isPositive = new bool[films.Length];
        for (var k = 0; k < films.Length; k++)
        {
            scores[k] = probabilities[films[k]][c];
            isPositive[k] = truth[films[k]] == c;
        }

        return RocAuc.Compute(scores, isPositive);
    }

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static int IndexOf(string label)
    {
        for (var i = 0; i < EnsembleLabels.All.Count; i++)
        {
            if (EnsembleLabels.All[i] == label)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{label}' is not an ensemble label.", nameof(label));
    }

    internal readonly record struct Rates(double? Sensitivity, double? Specificity, double? NormalSpecificity);
}
