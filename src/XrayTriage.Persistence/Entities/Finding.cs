namespace XrayTriage.Persistence.Entities;

/// <summary>A row of <c>triage.findings</c>: one class probability of one model (ensemble or member) in one run.</summary>
public sealed class Finding
{
    public long Id { get; set; }

    public long InferenceRunId { get; set; }

    public required string Model { get; set; }

    public required string Label { get; set; }

    public double Probability { get; set; }
}
