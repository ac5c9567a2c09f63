namespace XrayTriage.Host.Inference;

/// <summary><c>Triage:ThresholdsPath</c>: the site thresholds file <c>serve</c> decides with (empty: the shipped thresholds).</summary>
internal static class ThresholdsSetting
{
    public const string Key = "Triage:ThresholdsPath";

    /// <summary>Null for empty; a relative path is taken from the application's folder, like <c>Models:Path</c>.</summary>
    public static string? ResolvePath(string? configured)
        => string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(configured, AppContext.BaseDirectory);
}
