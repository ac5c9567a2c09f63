using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Calibration;

/// <summary>The result of <see cref="SiteCalibrator.Calibrate"/>: films per class (in <see cref="EnsembleLabels.All"/>
/// order) and one entry per finding (in <see cref="EnsembleLabels.Findings"/> order).</summary>
public sealed record SiteCalibration(
    int Films,
    IReadOnlyDictionary<string, int> FilmsPerClass,
    double TargetSensitivity,
    int Resamples,
    int Seed,
    IReadOnlyList<FindingCalibration> Findings)
{
    /// <summary>The classes with fewer films than <see cref="SiteCalibrator.TooFewFilms"/>.</summary>
    public IEnumerable<string> ClassesWithTooFewFilms => FilmsPerClass.Where(c => c.Value < SiteCalibrator.TooFewFilms).Select(c => c.Key);
}
