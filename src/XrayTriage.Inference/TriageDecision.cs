using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference;

/// <summary>The priority and the finding labels whose ensemble probability reached their threshold (label order).</summary>
public sealed record TriageDecision(TriagePriority Priority, IReadOnlyList<string> FindingsOverThreshold);
