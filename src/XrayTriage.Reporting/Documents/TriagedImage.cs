using XrayTriage.Core.Pipeline;

namespace XrayTriage.Reporting.Documents;

/// <summary>One source image of the study and what the ensemble said about it.</summary>
/// <param name="SopClassUid">The image's SOP Class UID.</param>
/// <param name="SopInstanceUid">The image's SOP Instance UID.</param>
/// <param name="SeriesInstanceUid">The image's Series Instance UID.</param>
/// <param name="TrackingUid">Tracking Unique Identifier of the image's measurement group; stable per image across report versions.</param>
/// <param name="TrackingIdentifier">Tracking Identifier text (e.g. "image 1").</param>
/// <param name="Probabilities">Ensemble probability (0–1) per label of <see cref="EnsembleLabels.All"/>; null when the image
/// was not assessed.</param>
/// <param name="Flags">Labels whose probability reached their threshold.</param>
/// <param name="Thresholds">The threshold per label (0–1) the flags were decided with.</param>
/// <param name="Priority">The image's priority.</param>
internal sealed record TriagedImage(
    string SopClassUid,
    string SopInstanceUid,
    string SeriesInstanceUid,
    string TrackingUid,
    string TrackingIdentifier,
    IReadOnlyDictionary<string, double>? Probabilities,
    IReadOnlyCollection<string> Flags,
    IReadOnlyDictionary<string, double> Thresholds,
    TriagePriority Priority)
{
    /// <summary>Why the content gate gave this image no class, as text (e.g. "not a chest radiograph (content gate
    /// score 2311.4 &gt; threshold 1630.2)"); null when it was not refused by the content gate.</summary>
    public string? NotAssessableReason { get; init; }

    /// <summary>The operating point the flags were decided at (shipped or site-calibrated, with its date and thresholds,
    /// e.g. "site-calibrated 2026-12-07 by alice on 1136 films (sensitivity&gt;=0.95): covid19 &gt;= 0.134, …"); null
    /// for results stored before it was recorded.</summary>
    public string? OperatingPoint { get; init; }

    /// <summary>True when the ensemble produced probabilities for this image.</summary>
    public bool IsAssessed => Probabilities is not null && Priority != TriagePriority.NotAssessable;

    /// <summary>The finding the report asserts for this image: the most probable flagged label, else the most probable label.</summary>
    public string? PrimaryLabel
    {
        get
        {
            if (!IsAssessed)
            {
                return null;
            }

            var candidates = EnsembleLabels.All.Where(l => Flags.Contains(l)).ToList();
            if (candidates.Count == 0)
            {
                candidates = [.. EnsembleLabels.All];
            }

            return candidates.OrderByDescending(l => Probabilities!.GetValueOrDefault(l)).First();
        }
    }
}
