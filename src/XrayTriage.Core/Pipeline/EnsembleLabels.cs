namespace XrayTriage.Core.Pipeline;

/// <summary>The classes every ensemble member predicts, in the order of the logits, and the subset that are findings.
/// These strings are stored with every probability and carried to the reports, so every stage shares this one list.</summary>
public static class EnsembleLabels
{
    public const string Normal = "normal";
    public const string Covid19 = "covid19";
    public const string ViralPneumonia = "viral_pneumonia";
    public const string LungOpacity = "lung_opacity";

    /// <summary>Logit order of every member: normal, covid19, viral_pneumonia, lung_opacity.</summary>
    public static IReadOnlyList<string> All { get; } = [Normal, Covid19, ViralPneumonia, LungOpacity];

    /// <summary>The classes that make a study urgent when they cross their threshold.</summary>
    public static IReadOnlyList<string> Findings { get; } = [Covid19, ViralPneumonia, LungOpacity];

    public static int Count => 4;
}
