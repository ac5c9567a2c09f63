using System.Globalization;
using System.Text;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Reporting.Documents;

/// <summary>The plain-language result shared by the SR's TEXT item and the Secondary Capture caption. ASCII only, so it
/// encodes in whatever character set the source declared.</summary>
internal static class TriageSummary
{
    public const string Disclaimer = "AI triage - not for diagnosis";

    /// <summary>Probability as a percentage with two decimals, the value written to Certainty of Finding (DS).</summary>
    public static string Percent(double probability)
        => Math.Round(Math.Clamp(probability, 0, 1) * 100, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>URGENT, ROUTINE, NOT ASSESSABLE or PENDING: the wire name in capitals.</summary>
    public static string PriorityText(TriagePriority? priority) => priority.ToWireName().ToUpperInvariant().Replace('-', ' ');

    /// <summary>The reason text of a content-gate refusal, e.g. "not a chest radiograph (content gate score 2311.4 &gt;
    /// threshold 1630.2)" or "blank image (grey-level range 0 &lt; 8)".</summary>
    public static string NotAssessableText(NotAssessableReason reason, double? score, double? threshold) => reason switch
    {
        NotAssessableReason.NotChestRadiograph => string.Create(CultureInfo.InvariantCulture,
            $"not a chest radiograph (content gate score {score:0.#} > threshold {threshold:0.#})"),
        NotAssessableReason.BlankImage => string.Create(CultureInfo.InvariantCulture,
            $"blank image (grey-level range {score:0} < {threshold:0})"),
        _ => reason.ToString(),
    };

    /// <summary>"COVID-19 93 %, Viral pneumonia 4 %, ..." in descending probability (whole percent).</summary>
    public static string Probabilities(IReadOnlyDictionary<string, double> probabilities)
        => string.Join(", ", EnsembleLabels.All
            .OrderByDescending(l => probabilities.GetValueOrDefault(l))
            .Select(l => string.Create(
                CultureInfo.InvariantCulture,
                $"{DisplayName(l)} {Math.Round(probabilities.GetValueOrDefault(l) * 100, MidpointRounding.AwayFromZero):0} %")));

    /// <summary>Short human-readable name of an ensemble label, used in the text summary and the burned-in caption.</summary>
    public static string DisplayName(string label) => label switch
    {
        EnsembleLabels.Normal => "Normal",
        EnsembleLabels.Covid19 => "COVID-19",
        EnsembleLabels.ViralPneumonia => "Viral pneumonia",
        EnsembleLabels.LungOpacity => "Lung opacity",
        _ => label,
    };

    /// <summary>The SR summary: disclaimer, study priority, one clause per image, skipped images, model.</summary>
    public static string ForReport(ReportDocumentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder();
        text.Append(Disclaimer).Append(": ").Append(PriorityText(request.StudyPriority)).Append('.');
        foreach (var image in request.Images)
        {
            text.Append(' ').Append(image.TrackingIdentifier).Append(": ");
            text.Append(image.IsAssessed
                ? $"{PriorityText(image.Priority)} - {Probabilities(image.Probabilities!)}."
                : image.NotAssessableReason is { } reason ? $"not assessable - {reason}." : "not assessable (not triaged).");
        }

        text.Append(" Model ").Append(request.Algorithm.ModelName).Append(' ').Append(request.Algorithm.ModelVersion).Append('.');
        return text.ToString();
    }
}
