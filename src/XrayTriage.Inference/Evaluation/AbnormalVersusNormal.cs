using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Evaluation;

/// <summary>The binary question triage answers: is the film abnormal (any class but normal)? Its score is
/// 1 − P(normal), so every finding class counts towards it whether or not it crossed a threshold.</summary>
internal static class AbnormalVersusNormal
{
    public static int NormalIndex { get; } = IndexOf(EnsembleLabels.Normal);

    public static bool IsAbnormal(int truth) => truth != NormalIndex;

    public static double Score(double[] probabilities) => 1 - probabilities[NormalIndex];

    /// <summary>ROC AUC of <see cref="Score"/> for abnormal against normal over <paramref name="cases"/>; null without both.</summary>
    public static double? Auc(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, ReadOnlySpan<int> cases)
    {
        var scores = new double[cases.Length];
        var abnormal = new bool[cases.Length];
        for (var k = 0; k < cases.Length; k++)
        {
            scores[k] = Score(probabilities[cases[k]]);
            abnormal[k] = IsAbnormal(truth[cases[k]]);
        }

        return RocAuc.Compute(scores, abnormal);
    }

    private static int IndexOf(string label)
    {
        for (var i = 0; i < EnsembleLabels.All.Count; i++)
        {
            if (EnsembleLabels.All[i] == label)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{label}' is not an ensemble label.");
    }
}
