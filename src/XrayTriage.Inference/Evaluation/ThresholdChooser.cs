namespace XrayTriage.Inference.Evaluation;

/// <summary>Chooses one-vs-rest decision thresholds on an evaluation set (a case is positive for the class when its
/// probability is ≥ the threshold).</summary>
public static class ThresholdChooser
{
    /// <summary>The largest threshold t with sensitivity ≥ <paramref name="targetSensitivity"/> for class
    /// <paramref name="classIndex"/>, and the sensitivity and specificity it reaches; null when the class has no
    /// positives. Sensitivity falls as t rises and only changes at a positive's score, so t is the k-th highest
    /// positive score for the least k with k / P ≥ target (ties may lift the sensitivity reached above k / P).</summary>
    public static OperatingPoint? ForSensitivity(
        IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int classIndex, double targetSensitivity)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (!(targetSensitivity > 0 && targetSensitivity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetSensitivity), $"Target sensitivity {targetSensitivity} must be in (0, 1].");
        }

        var classes = probabilities.Count > 0 && probabilities[0] is { } first ? first.Length : 0;
        if (classIndex < 0 || classIndex >= classes)
        {
            throw new ArgumentOutOfRangeException(nameof(classIndex), $"Class {classIndex} is outside 0–{classes - 1}.");
        }

        EvaluationInput.Validate(
            [.. Enumerable.Range(0, classes).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            truth,
            probabilities);
        var positives = new List<double>();
        var negatives = new List<double>();
        for (var i = 0; i < truth.Count; i++)
        {
            (truth[i] == classIndex ? positives : negatives).Add(probabilities[i][classIndex]);
        }

        if (positives.Count == 0)
        {
            return null;
        }

        positives.Sort((a, b) => b.CompareTo(a));
        var k = 1;
        while ((double)k / positives.Count < targetSensitivity)
        {
            k++;
        }

        var threshold = positives[k - 1];
        var sensitivity = (double)positives.Count(p => p >= threshold) / positives.Count;
        double? specificity = negatives.Count == 0 ? null : (double)negatives.Count(s => s < threshold) / negatives.Count;
        return new OperatingPoint(threshold, sensitivity, specificity);
    }

    /// <inheritdoc cref="ForSensitivity(IReadOnlyList{int}, IReadOnlyList{double[]}, int, double)"/>
    public static OperatingPoint? ForSensitivity(
        IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities, int classIndex, double targetSensitivity)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return ForSensitivity(
            truth,
            probabilities.Select(p => p is null ? null! : Array.ConvertAll(p, v => (double)v)).ToList(),
            classIndex,
            targetSensitivity);
    }
}
