using System.Globalization;
using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference;

/// <summary>Why an image gets no class, with the measure and the limit it was decided on. For
/// <see cref="NotAssessableReason.NotChestRadiograph"/> these are the content gate's score and threshold (refused when
/// score &gt; threshold); for <see cref="NotAssessableReason.BlankImage"/> the gray plane's percentile range and the
/// minimum range (refused when range &lt; minimum).</summary>
public sealed record NotAssessableVerdict(NotAssessableReason Reason, double Score, double Threshold)
{
    /// <summary>The content gate's refusal of <paramref name="prediction"/>; null when it passed or there is no gate.</summary>
    public static NotAssessableVerdict? Of(EnsemblePrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return prediction.ContentGate is { Passed: false } gate
            ? new NotAssessableVerdict(NotAssessableReason.NotChestRadiograph, gate.Score, gate.Threshold)
            : null;
    }

    /// <summary>Blank when the manifest has a content gate and <paramref name="grayRange"/> is below its minimum.</summary>
    public static NotAssessableVerdict? Blank(ContentGateManifest? gate, int grayRange)
        => gate is not null && grayRange < gate.Blank.MinRange
            ? new NotAssessableVerdict(NotAssessableReason.BlankImage, grayRange, gate.Blank.MinRange)
            : null;

    /// <summary>E.g. <c>NotChestRadiograph (score 2311.4 &gt; threshold 1630.2)</c>; no patient data.</summary>
    public string Describe() => Describe(Reason, Score, Threshold);

    public static string Describe(NotAssessableReason reason, double score, double threshold) => reason switch
    {
        NotAssessableReason.NotChestRadiograph => string.Create(CultureInfo.InvariantCulture,
            $"{reason} (score {score:0.#} > threshold {threshold:0.#})"),
        NotAssessableReason.BlankImage => string.Create(CultureInfo.InvariantCulture,
            $"{reason} (grey-level range {score:0} < {threshold:0})"),
        _ => reason.ToString(),
    };
}
