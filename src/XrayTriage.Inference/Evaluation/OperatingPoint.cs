namespace XrayTriage.Inference.Evaluation;

/// <summary>A one-vs-rest decision threshold (positive when the class probability is ≥ <see cref="Threshold"/>) and
/// what it achieves on the evaluation set. <see cref="Specificity"/> is null when the set has no negatives.</summary>
public sealed record OperatingPoint(double Threshold, double Sensitivity, double? Specificity);
