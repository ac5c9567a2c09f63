namespace XrayTriage.Inference;

/// <summary>Threshold on the ensemble probability of one finding, with the sensitivity/specificity measured there.
/// <see cref="NormalSpecificity"/> (newer manifests) is the share of normal films below the threshold, where
/// <see cref="Specificity"/> counts every other class as negative.</summary>
public sealed record FindingThresholdManifest(
    double Threshold, double? Sensitivity = null, double? Specificity = null, double? NormalSpecificity = null);
