using XrayTriage.Core.Pipeline;

namespace XrayTriage.Reporting.Documents;

/// <summary>The result lines burned into a heatmap capture for one image.</summary>
internal static class HeatmapCaption
{
    public const string Disclaimer = "AI triage \u2014 not for diagnosis";

    public static IReadOnlyList<string> Lines(TriagedImage image, TriagePriority? studyPriority, AlgorithmIdentity algorithm)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(algorithm);
        var lines = new List<string>
        {
            $"Image: {TriageSummary.PriorityText(image.Priority)}   Study: {TriageSummary.PriorityText(studyPriority)}",
        };
        if (image.IsAssessed)
        {
            lines.Add(TriageSummary.Probabilities(image.Probabilities!));
        }
        else if (image.NotAssessableReason is { } reason)
        {
            lines.Add(reason);
        }

        lines.Add($"Model {algorithm.ModelName} {algorithm.ModelVersion}   {algorithm.Manufacturer} {algorithm.ApplicationVersion}");
        return lines;
    }
}
