namespace XrayTriage.Inference.Evaluation;

/// <summary>
/// The percentile bootstrap (Efron and Tibshirani 1993, ch. 13): draw the cases with replacement as many times as
/// <c>resamples</c>, recompute each statistic on every draw and take the (1 − level)/2 and (1 + level)/2 percentiles of
/// the values (linear interpolation between order statistics, numpy's default). One <see cref="Random"/> seeded with
/// <c>seed</c> draws every index in order, so a seed gives the same intervals on every run and machine.
/// </summary>
public static class PercentileBootstrap
{
    public const int DefaultResamples = 2000;

    public const int DefaultSeed = 15;

    public const double Level = 0.95;

    /// <summary>One interval per statistic. A statistic gets the case indexes of one draw (a buffer reused between
    /// draws: read it, do not keep it) and returns its value, or null where it is undefined on that draw (an AUC
    /// drawing no normals); such draws are left out of that statistic's interval, which is null when no draw defined it.</summary>
    public static (double Low, double High)?[] Intervals(
        int count, IReadOnlyList<Func<int[], double?>> statistics, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return Intervals(count, statistics.Count, draw => [.. statistics.Select(statistic => statistic(draw))], resamples, seed);
    }

    /// <summary>As above for <paramref name="statisticCount"/> statistics that one call of <paramref name="measure"/>
    /// computes together from a draw (when they share work, e.g. the rates at one threshold).</summary>
    public static (double Low, double High)?[] Intervals(
        int count,
        int statisticCount,
        Func<int[], IReadOnlyList<double?>> measure,
        int resamples = DefaultResamples,
        int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resamples);
        var values = Enumerable.Range(0, statisticCount).Select(_ => new List<double>(resamples)).ToArray();
        var random = new Random(seed);
        var sample = new int[count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < count; i++)
            {
                sample[i] = random.Next(count);
            }

            var measured = measure(sample);
            for (var s = 0; s < statisticCount; s++)
            {
                if (measured[s] is { } value)
                {
                    values[s].Add(value);
                }
            }
        }

        var result = new (double Low, double High)?[statisticCount];
        for (var s = 0; s < statisticCount; s++)
        {
            if (values[s].Count > 0)
            {
                var sorted = values[s].ToArray();
                Array.Sort(sorted);
                result[s] = (Percentile(sorted, (1 - Level) / 2), Percentile(sorted, (1 + Level) / 2));
            }
        }

        return result;
    }

    /// <summary>The q-quantile of ascending <paramref name="sorted"/>: position q·(m − 1), interpolated linearly.</summary>
    internal static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
