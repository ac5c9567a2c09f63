namespace XrayTriage.Inference;

/// <summary>Threshold on the ensemble probability of one finding, with the sensitivity/specificity measured there.</summary>
public sealed record FindingThresholdManifest(double Threshold, double? Sensitivity = null, double? Specificity = null);
