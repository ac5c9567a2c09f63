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

    public WorklistPriority Priority { get; set; }

    public List<string> FindingsOverThreshold { get; set; } = [];

    /// <summary>Label → threshold as a JSON object (<c>jsonb</c>), written by the work queue.</summary>
    public required string ThresholdsJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
