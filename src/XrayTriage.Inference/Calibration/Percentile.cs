namespace XrayTriage.Inference.Calibration;

/// <summary>Percentile with linear interpolation between order statistics (numpy's default, Hyndman–Fan type 7).</summary>
internal static class Percentile
{
    public static double? Of(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var position = fraction * (values.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, values.Count - 1);
        return values[below] + ((position - below) * (values[above] - values[below]));
    }
}
