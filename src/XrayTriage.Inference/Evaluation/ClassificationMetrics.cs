namespace XrayTriage.Inference.Evaluation;

/// <summary>
/// How well a classifier's probabilities match the truth on an evaluation set: accuracy, balanced accuracy, expected
/// calibration error, the confusion matrix and per-class one-vs-rest metrics. The prediction is the argmax of each
/// probability vector (the first index on ties), as the ensemble predicts.
/// </summary>
/// <param name="Labels">Class labels, in probability-vector order.</param>
/// <param name="Count">N, the number of cases.</param>
/// <param name="Accuracy">Share of cases whose argmax is the true class.</param>
/// <param name="BalancedAccuracy">Mean sensitivity over the classes present in the truth (classes without positives
/// have no sensitivity and are left out, as scikit-learn's <c>balanced_accuracy_score</c> does).</param>
/// <param name="ExpectedCalibrationError">Over <see cref="CalibrationBins"/> equal-width bins of the confidence (the
/// maximum probability), bin b covering (b/15, (b+1)/15] (a confidence of 0 goes to the first bin):
/// Σ<sub>b</sub> (n<sub>b</sub> / N) · |accuracy<sub>b</sub> − mean confidence<sub>b</sub>| (Guo et al., 2017).</param>
/// <param name="ConfusionMatrix">Counts indexed [truth][predicted].</param>
/// <param name="PerClass">One-vs-rest metrics per class, in label order.</param>
public sealed record ClassificationMetrics(
    IReadOnlyList<string> Labels,
    int Count,
    double Accuracy,
    double? BalancedAccuracy,
    double ExpectedCalibrationError,
    int[][] ConfusionMatrix,
    IReadOnlyList<ClassMetrics> PerClass)
{
    /// <summary>Number of equal-width confidence bins of the expected calibration error.</summary>
    public const int CalibrationBins = 15;

    /// <summary>Scores <paramref name="probabilities"/> (one vector of <paramref name="labels"/>.Count finite values
    /// per case) against <paramref name="truth"/> (the index of each case's true label).</summary>
    public static ClassificationMetrics Compute(
        IReadOnlyList<string> labels, IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return Compute(labels, truth, probabilities.Select(p => p is null ? null! : Array.ConvertAll(p, v => (double)v)).ToList());
    }

    /// <inheritdoc cref="Compute(IReadOnlyList{string}, IReadOnlyList{int}, IReadOnlyList{float[]})"/>
    public static ClassificationMetrics Compute(
        IReadOnlyList<string> labels, IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        EvaluationInput.Validate(labels, truth, probabilities);
        var classes = labels.Count;
        var n = truth.Count;
        var confusion = new int[classes][];
        for (var c = 0; c < classes; c++)
        {
            confusion[c] = new int[classes];
        }

        var binCount = new int[CalibrationBins];
        var binCorrect = new int[CalibrationBins];
        var binConfidence = new double[CalibrationBins];
        var correct = 0;
        for (var i = 0; i < n; i++)
        {
            var (predicted, confidence) = ArgMax(probabilities[i]);
            confusion[truth[i]][predicted]++;
            var hit = predicted == truth[i];
            correct += hit ? 1 : 0;
            var bin = CalibrationBin(confidence);
            binCount[bin]++;
            binCorrect[bin] += hit ? 1 : 0;
            binConfidence[bin] += confidence;
        }

        var ece = 0.0;
        for (var b = 0; b < CalibrationBins; b++)
        {
            if (binCount[b] > 0)
            {
                ece += (double)binCount[b] / n * Math.Abs(((double)binCorrect[b] / binCount[b]) - (binConfidence[b] / binCount[b]));
            }
        }

        var perClass = new ClassMetrics[classes];
        var scores = new double[n];
        var isPositive = new bool[n];
        for (var c = 0; c < classes; c++)
        {
            for (var i = 0; i < n; i++)
            {
                scores[i] = probabilities[i][c];
                isPositive[i] = truth[i] == c;
            }

            perClass[c] = OneVersusRest(labels[c], c, confusion, n, RocAuc.Compute(scores, isPositive));
        }

        var sensitivities = perClass.Where(m => m.Sensitivity is not null).Select(m => m.Sensitivity!.Value).ToList();
        return new ClassificationMetrics(
            [.. labels],
            n,
            (double)correct / n,
            sensitivities.Count == 0 ? null : sensitivities.Average(),
            ece,
            confusion,
            perClass);
    }

    /// <summary>The bin b with b/15 &lt; confidence ≤ (b+1)/15, decided by comparing with the edges themselves so
    /// that a confidence exactly on an edge goes to the lower bin whatever the rounding of confidence·15.</summary>
    internal static int CalibrationBin(double confidence)
    {
        var bin = Math.Clamp((int)Math.Ceiling(confidence * CalibrationBins) - 1, 0, CalibrationBins - 1);
        while (bin > 0 && confidence <= (double)bin / CalibrationBins)
        {
            bin--;
        }

        while (bin < CalibrationBins - 1 && confidence > (double)(bin + 1) / CalibrationBins)
        {
            bin++;
        }

        return bin;
    }

    internal static (int Index, double Value) ArgMax(double[] values)
    {
        var best = 0;
        for (var c = 1; c < values.Length; c++)
        {
            if (values[c] > values[best])
            {
                best = c;
            }
        }

        return (best, values[best]);
    }

    private static ClassMetrics OneVersusRest(string label, int c, int[][] confusion, int n, double? auc)
    {
        long truePositives = confusion[c][c];
        long actual = confusion[c].Sum();
        long predicted = confusion.Sum(row => (long)row[c]);
        var falseNegatives = actual - truePositives;
        var falsePositives = predicted - truePositives;
        var trueNegatives = n - actual - falsePositives;
        return new ClassMetrics(
            label,
            Ratio(truePositives, actual),
            Ratio(trueNegatives, n - actual),
            Ratio(truePositives, predicted),
            Ratio(2 * truePositives, (2 * truePositives) + falsePositives + falseNegatives),
            auc);
    }

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
