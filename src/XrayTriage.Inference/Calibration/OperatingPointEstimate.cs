namespace XrayTriage.Inference.Calibration;

/// <summary>What one threshold of one finding gives on the films: sensitivity (findings flagged), specificity (films of
/// every other class not flagged) and normal specificity (normal films not flagged), each with its interval.</summary>
public sealed record OperatingPointEstimate(Estimate Threshold, Estimate Sensitivity, Estimate Specificity, Estimate NormalSpecificity);
