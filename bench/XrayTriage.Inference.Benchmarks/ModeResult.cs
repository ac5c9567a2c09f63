namespace XrayTriage.Inference.Benchmarks;

/// <summary>Timings of one mode at one batch size, and its paired ratio to the bare run of the same round.</summary>
internal sealed record ModeResult(string Mode, int Batch, IReadOnlyList<double> Seconds, IReadOnlyList<double> RatioToBare)
{
    public double MedianMs => Statistics.Quantile(Seconds, 0.5) * 1000;

    public double P25Ms => Statistics.Quantile(Seconds, 0.25) * 1000;

    public double P75Ms => Statistics.Quantile(Seconds, 0.75) * 1000;

    public double MsPerImage => MedianMs / Batch;

    public double ImagesPerSecond => Batch * 1000 / MedianMs;

    /// <summary>Median over rounds of (this mode's time / the bare time in the same round) − 1, in percent.</summary>
    public double OverheadPercent => (Statistics.Quantile(RatioToBare, 0.5) - 1) * 100;

    public double OverheadP25Percent => (Statistics.Quantile(RatioToBare, 0.25) - 1) * 100;

    public double OverheadP75Percent => (Statistics.Quantile(RatioToBare, 0.75) - 1) * 100;
}
