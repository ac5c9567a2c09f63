using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Evaluation;

/// <summary>
/// The ensemble judged as the service uses it: abnormal (any class but normal) against normal. <see cref="Auc"/> ranks
/// the films by 1 − P(normal); <see cref="AbnormalFlagged"/> is the share of abnormal films the
/// <see cref="TriagePolicy"/> makes urgent, <see cref="NormalRoutine"/> the share of normal films it leaves routine.
/// Each comes with a percentile-bootstrap interval over the images (<see cref="PercentileBootstrap"/>).
/// </summary>
/// <param name="Auc">Abnormal-vs-normal ROC AUC; null values when the set lacks abnormal or normal films.</param>
/// <param name="AbnormalFlagged">Abnormal films triaged urgent, of all abnormal films.</param>
/// <param name="NormalRoutine">Normal films triaged routine, of all normal films.</param>
/// <param name="Thresholds">The policy's threshold per finding, in <see cref="EnsembleLabels.Findings"/> order.</param>
/// <param name="Resamples">Bootstrap draws.</param>
/// <param name="Seed">Seed of the bootstrap's random draws.</param>
public sealed record TriageMetrics(
    IntervalEstimate Auc,
    ShareEstimate AbnormalFlagged,
    ShareEstimate NormalRoutine,
    IReadOnlyList<KeyValuePair<string, double>> Thresholds,
    int Resamples,
    int Seed)
{
    /// <summary>Scores <paramref name="probabilities"/> (ensemble probabilities in <see cref="EnsembleLabels.All"/>
    /// order, one vector per image) against <paramref name="truth"/> (label indexes) under <paramref name="policy"/>.</summary>
    public static TriageMetrics Compute(
        IReadOnlyList<int> truth,
        IReadOnlyList<double[]> probabilities,
        TriagePolicy policy,
        int resamples = PercentileBootstrap.DefaultResamples,
        int seed = PercentileBootstrap.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(policy);
        EvaluationInput.Validate(EnsembleLabels.All, truth, probabilities);
        var n = truth.Count;
        var urgent = new bool[n];
        for (var i = 0; i < n; i++)
        {
            urgent[i] = policy.Evaluate(probabilities[i]).Priority == TriagePriority.Urgent;
        }

        double? Auc(int[] cases) => AbnormalVersusNormal.Auc(truth, probabilities, cases);
        double? Flagged(int[] cases) => Share(cases, i => AbnormalVersusNormal.IsAbnormal(truth[i]), i => urgent[i]).Value;
        double? Routine(int[] cases) => Share(cases, i => !AbnormalVersusNormal.IsAbnormal(truth[i]), i => !urgent[i]).Value;

        var all = Enumerable.Range(0, n).ToArray();
        var intervals = PercentileBootstrap.Intervals(n, [Auc, Flagged, Routine], resamples, seed);
        var flagged = Share(all, i => AbnormalVersusNormal.IsAbnormal(truth[i]), i => urgent[i]);
        var routine = Share(all, i => !AbnormalVersusNormal.IsAbnormal(truth[i]), i => !urgent[i]);
        return new TriageMetrics(
            Estimate(Auc(all), intervals[0]),
            new ShareEstimate(flagged.Count, flagged.Of, Estimate(flagged.Value, intervals[1])),
            new ShareEstimate(routine.Count, routine.Of, Estimate(routine.Value, intervals[2])),
            [.. EnsembleLabels.Findings.Select(f => KeyValuePair.Create(f, policy.ThresholdOf(f)))],
            resamples,
            seed);
    }

    private static (int Count, int Of, double? Value) Share(int[] cases, Func<int, bool> inDenominator, Func<int, bool> counted)
    {
        int count = 0, of = 0;
        foreach (var i in cases)
        {
            if (inDenominator(i))
            {
                of++;
                count += counted(i) ? 1 : 0;
            }
        }

        return (count, of, of == 0 ? null : (double)count / of);
    }

    private static IntervalEstimate Estimate(double? value, (double Low, double High)? interval)
        => value is null ? new IntervalEstimate(null, null, null) : new IntervalEstimate(value, interval?.Low, interval?.High);
}
