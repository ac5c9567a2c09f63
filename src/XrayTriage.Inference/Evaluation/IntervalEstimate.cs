namespace XrayTriage.Inference.Evaluation;

/// <summary>A point estimate and its bootstrap percentile interval. <see cref="Value"/> is null when the statistic is
/// undefined on the whole set (an AUC without normals, a share of nothing); <see cref="Low"/>/<see cref="High"/> are
/// null when no resample defined it either.</summary>
public sealed record IntervalEstimate(double? Value, double? Low, double? High);
