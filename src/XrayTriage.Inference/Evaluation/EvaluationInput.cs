namespace XrayTriage.Inference.Evaluation;

/// <summary>Checks shared by the metrics and the threshold chooser, so a malformed evaluation set fails with the
/// case that is wrong rather than with an index error or a NaN metric.</summary>
internal static class EvaluationInput
{
    public static void Validate(IReadOnlyList<string> labels, IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count < 2 || labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
        {
            throw new ArgumentException($"Need at least two distinct labels (got {labels.Count}).", nameof(labels));
        }

        if (truth.Count == 0 || truth.Count != probabilities.Count)
        {
            throw new ArgumentException(
                $"{truth.Count} true labels for {probabilities.Count} probability vectors; need the same non-zero number.",
                nameof(probabilities));
        }

        for (var i = 0; i < truth.Count; i++)
        {
            if (truth[i] < 0 || truth[i] >= labels.Count)
            {
                throw new ArgumentException($"Case {i}: true label index {truth[i]} is outside 0–{labels.Count - 1}.", nameof(truth));
            }

            var vector = probabilities[i];
            if (vector is null || vector.Length != labels.Count || !vector.All(double.IsFinite))
            {
                throw new ArgumentException($"Case {i}: need {labels.Count} finite probabilities.", nameof(probabilities));
            }
        }
    }
}
