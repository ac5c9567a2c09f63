namespace XrayTriage.Reporting.Documents;

/// <summary>The ensemble's class labels as the request carries them (the same strings as Inference's EnsembleLabels,
/// which Reporting does not reference), in the ensemble's logit order.</summary>
public static class TriageLabels
{
    public const string Normal = "normal";
    public const string Covid19 = "covid19";
    public const string ViralPneumonia = "viral_pneumonia";
    public const string LungOpacity = "lung_opacity";

    public static IReadOnlyList<string> All { get; } = [Normal, Covid19, ViralPneumonia, LungOpacity];

    /// <summary>Short human-readable name used in the text summary and the burned-in caption.</summary>
    public static string DisplayName(string label) => label switch
    {
        Normal => "Normal",
        Covid19 => "COVID-19",
        ViralPneumonia => "Viral pneumonia",
        LungOpacity => "Lung opacity",
        _ => label,
    };
}
