namespace XrayTriage.Inference.Calibration;

/// <summary>A value measured on the films and its 95 % percentile bootstrap interval; any part is null where it is
/// undefined (e.g. a specificity without negatives, an interval of a fixed threshold).</summary>
public readonly record struct Estimate(double? Value, double? Lower, double? Upper)
{
    public static Estimate Fixed(double? value) => new(value, null, null);
}
