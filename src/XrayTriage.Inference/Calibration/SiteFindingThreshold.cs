namespace XrayTriage.Inference.Calibration;

/// <summary>One finding of a thresholds file: the threshold and what it measured on the site's films.</summary>
public sealed record SiteFindingThreshold(
    double Threshold,
    double Sensitivity,
    double? Specificity,
    double? NormalSpecificity,
    double? Auc,
    int Positives,
    int Negatives);
