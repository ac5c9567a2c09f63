using XrayTriage.Core.Pipeline;

namespace XrayTriage.Persistence.Entities;

/// <summary>A row of <c>triage.triage_results</c>: the decision for one instance and the thresholds it used.</summary>
public sealed class TriageResult
{
    public long Id { get; set; }

    public long InstanceId { get; set; }

    public Instance? Instance { get; set; }

    public long InferenceRunId { get; set; }

    public InferenceRun? InferenceRun { get; set; }

    public TriagePriority Priority { get; set; }

    public List<string> FindingsOverThreshold { get; set; } = [];

    /// <summary>Label → threshold as a JSON object (<c>jsonb</c>), written by the work queue.</summary>
    public required string ThresholdsJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Why the content gate gave the image no class; null when it passed (or there was no gate).</summary>
    public NotAssessableReason? NotAssessableReason { get; set; }

    /// <summary>The content gate's score (for a blank image: the gray plane's percentile range); null without a gate.</summary>
    public double? ContentGateScore { get; set; }

    /// <summary>The threshold (for a blank image: the minimum range) the score was compared with.</summary>
    public double? ContentGateThreshold { get; set; }

    /// <summary>The operating point in force for this decision, e.g. <c>site-calibrated 2026-12-07 by alice on 1136 films
    /// (sensitivity&gt;=0.95): covid19 &gt;= 0.134, …</c>; null for results stored before it was recorded.</summary>
    public string? OperatingPoint { get; set; }
}
