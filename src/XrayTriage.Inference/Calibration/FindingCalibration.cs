namespace XrayTriage.Inference.Calibration;

/// <summary>One finding on a site's films.</summary>
/// <param name="Finding">The finding's label.</param>
/// <param name="Positives">Films of the finding.</param>
/// <param name="Negatives">Films of every other class.</param>
/// <param name="Auc">One-vs-rest ROC AUC of the finding's ensemble probability.</param>
/// <param name="Calibrated">The largest threshold reaching the target sensitivity on these films; null without positives.
/// Its threshold interval is the spread of the threshold chosen again on each resample; the other intervals are those of
/// the chosen threshold kept fixed.</param>
/// <param name="Shipped">The manifest's threshold on these films.</param>
public sealed record FindingCalibration(
    string Finding,
    int Positives,
    int Negatives,
    Estimate Auc,
    OperatingPointEstimate? Calibrated,
    OperatingPointEstimate Shipped)
{
    /// <summary>Fewer positive films than <see cref="SiteCalibrator.TooFewFilms"/>: the numbers are too uncertain to trust.</summary>
    public bool TooFew => Positives < SiteCalibrator.TooFewFilms;
}
