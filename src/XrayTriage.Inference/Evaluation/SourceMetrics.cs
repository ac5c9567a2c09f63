namespace XrayTriage.Inference.Evaluation;

/// <summary>The films of one source (a <c>source_repo</c> of the labels file, or <see cref="SourceBreakdown.Unlisted"/>):
/// their accuracy, the abnormal-vs-normal AUC inside the source (null unless it has both normal and abnormal films) and
/// one row per class present, in label order.</summary>
public sealed record SourceMetrics(string Source, int Count, double Accuracy, double? Auc, IReadOnlyList<SourceClassMetrics> Classes);
