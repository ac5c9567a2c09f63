namespace XrayTriage.Inference.Calibration;

/// <summary>The films a thresholds file was calibrated on: how many, and <see cref="FilmSetHash"/> over them.</summary>
public sealed record SiteThresholdsFilms(int Count, string Sha256);
