namespace XrayTriage.Inference.Calibration;

/// <summary>The ensemble a thresholds file was calibrated for (the manifest's name, version and Device UID).</summary>
public sealed record SiteThresholdsModel(string Name, string Version, string DeviceUid);
