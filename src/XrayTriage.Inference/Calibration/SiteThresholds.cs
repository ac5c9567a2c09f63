using System.Text.Json.Serialization;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference.Calibration;

/// <summary>A site thresholds file as <c>xraytriage calibrate --out</c> writes it and <c>Triage:ThresholdsPath</c>,
/// <c>classify --thresholds</c> and <c>eval --thresholds</c> read it (<see cref="SiteThresholdsFile"/>).</summary>
public sealed record SiteThresholds(
    string Format,
    SiteThresholdsModel Model,
    SiteThresholdsFilms Films,
    string CalibratedBy,
    DateTimeOffset CalibratedAt,
    double TargetSensitivity,
    IReadOnlyDictionary<string, SiteFindingThreshold> Findings)
{
    public const string CurrentFormat = "xraytriage-site-thresholds/1";

    /// <summary>Where the file was read from (for messages); empty for one not read from a file.</summary>
    [JsonIgnore]
    public string Source { get; init; } = "";

    /// <summary>The thresholds file of a calibration; null when a finding had no positive film to calibrate on.</summary>
    public static SiteThresholds? From(
        SiteCalibration calibration, EnsembleManifest manifest, string filmsSha256, string calibratedBy, DateTimeOffset calibratedAt)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(manifest);
        var findings = new Dictionary<string, SiteFindingThreshold>(StringComparer.Ordinal);
        foreach (var finding in calibration.Findings)
        {
            if (finding.Calibrated is not { } point)
            {
                return null;
            }

            findings[finding.Finding] = new SiteFindingThreshold(
                point.Threshold.Value!.Value, point.Sensitivity.Value!.Value, point.Specificity.Value, point.NormalSpecificity.Value,
                finding.Auc.Value, finding.Positives, finding.Negatives);
        }

        return new SiteThresholds(
            CurrentFormat,
            new SiteThresholdsModel(manifest.Name, manifest.Version, manifest.DeviceUid),
            new SiteThresholdsFilms(calibration.Films, filmsSha256),
            calibratedBy,
            calibratedAt,
            calibration.TargetSensitivity,
            findings);
    }

    /// <summary>The operating point for <paramref name="manifest"/>; refused when the file was calibrated for another
    /// model (name, version or Device UID differ), naming both.</summary>
    /// <exception cref="SiteThresholdsException">The file belongs to another model.</exception>
    public TriageOperatingPoint OperatingPointFor(EnsembleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (Model.Name != manifest.Name || Model.Version != manifest.Version || Model.DeviceUid != manifest.DeviceUid)
        {
            throw new SiteThresholdsException(
                $"thresholds file {Source} was calibrated for model {Model.Name} {Model.Version} (Device UID {Model.DeviceUid}), " +
                $"but the installed model is {manifest.Name} {manifest.Version} (Device UID {manifest.DeviceUid}); " +
                "calibrate again with 'xraytriage calibrate'.");
        }

        return new TriageOperatingPoint(
            TriageOperatingPoint.SiteCalibrated,
            EnsembleLabels.Findings.ToDictionary(f => f, f => Findings[f].Threshold, StringComparer.Ordinal),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sensitivity>={TargetSensitivity}"),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Films.Count} site films"),
            CalibratedAt,
            CalibratedBy);
    }
}
