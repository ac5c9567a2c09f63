using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Evaluation;

/// <summary>Splits an evaluation by where the films came from, so that a source whose films the model tells apart by
/// their look (scanner, hospital, age group) rather than by disease shows up as such.</summary>
public static class SourceBreakdown
{
    /// <summary>The source of films the labels file does not list; reported last.</summary>
    public const string Unlisted = "unlisted";

    /// <summary>One <see cref="SourceMetrics"/> per distinct value of <paramref name="sources"/> (ordinal order,
    /// <see cref="Unlisted"/> last). Probabilities are in <see cref="EnsembleLabels.All"/> order; a member's are judged
    /// by the same <paramref name="policy"/> as the ensemble's, to show what triage on that member alone would do.</summary>
    public static IReadOnlyList<SourceMetrics> Compute(
        IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, IReadOnlyList<string> sources, TriagePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(policy);
        EvaluationInput.Validate(EnsembleLabels.All, truth, probabilities);
        if (sources.Count != truth.Count || sources.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException(
                $"Need a non-empty source for each of the {truth.Count} cases (got {sources.Count}).", nameof(sources));
        }

        return sources
            .Select((source, index) => (source, index))
            .GroupBy(c => c.source, c => c.index, StringComparer.Ordinal)
            .OrderBy(g => g.Key == Unlisted)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => OfSource(g.Key, [.. g], truth, probabilities, policy))
            .ToList();
    }

    private static SourceMetrics OfSource(
        string source, int[] cases, IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, TriagePolicy policy)
    {
        var classes = new List<SourceClassMetrics>();
        for (var label = 0; label < EnsembleLabels.Count; label++)
        {
            int count = 0, correct = 0, asExpected = 0;
            var expected = AbnormalVersusNormal.IsAbnormal(label) ? TriagePriority.Urgent : TriagePriority.Routine;
            foreach (var i in cases.Where(i => truth[i] == label))
            {
                count++;
                correct += ClassificationMetrics.ArgMax(probabilities[i]).Index == label ? 1 : 0;
                asExpected += policy.Evaluate(probabilities[i]).Priority == expected ? 1 : 0;
            }

            if (count > 0)
            {
                classes.Add(new SourceClassMetrics(EnsembleLabels.All[label], count, correct, expected, asExpected));
            }
        }

        var accuracy = (double)classes.Sum(c => c.Correct) / cases.Length;
        return new SourceMetrics(source, cases.Length, accuracy, AbnormalVersusNormal.Auc(truth, probabilities, cases), classes);
    }
}
