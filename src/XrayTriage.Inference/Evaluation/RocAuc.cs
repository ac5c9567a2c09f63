namespace XrayTriage.Inference.Evaluation;

/// <summary>ROC AUC as the Mann–Whitney statistic: the share of (positive, negative) pairs where the positive scores
/// higher, ties counted half. Computed from mid-ranks in O(n log n); equal to the pairwise count.</summary>
public static class RocAuc
{
    /// <summary>The AUC of <paramref name="scores"/> for the cases where <paramref name="isPositive"/> is true, or null
    /// when there are no positives or no negatives.</summary>
    public static double? Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isPositive)
    {
        if (scores.Length != isPositive.Length)
        {
            throw new ArgumentException($"{scores.Length} scores for {isPositive.Length} labels.", nameof(isPositive));
        }

        foreach (var score in scores)
        {
            if (!double.IsFinite(score))
            {
                throw new ArgumentException($"Score {score} is not a finite number.", nameof(scores));
            }
        }

        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);
        long positives = 0;
        var positiveRankSum = 0.0;
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            // Ranks start + 1 … end share their mean: a tie between a positive and a negative counts half.
            var midRank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                if (isPositive[order[k]])
                {
                    positives++;
                    positiveRankSum += midRank;
                }
            }

            start = end;
        }

        long negatives = scores.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }
}
