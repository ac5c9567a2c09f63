using XrayTriage.Core.Pipeline;

namespace XrayTriage.Persistence;

/// <summary>Where a received instance stands, for a caller that sent it and waits for its triage (<c>xraytriage demo</c>).</summary>
/// <param name="SopInstanceUid">The instance.</param>
/// <param name="State">Its pipeline state.</param>
/// <param name="Priority">The triage decision; null until triaged.</param>
/// <param name="Reason">Why it was not assessed: the header rule that skipped it, or the content gate's reason.</param>
/// <param name="Findings">The findings that reached their thresholds.</param>
public sealed record InstanceOutcome(
    string SopInstanceUid, InstanceState State, TriagePriority? Priority, string? Reason, IReadOnlyList<string> Findings)
{
    /// <summary>Whether the pipeline is done with it (triaged, skipped or failed for good).</summary>
    public bool IsFinal => State is InstanceState.Triaged or InstanceState.Skipped or InstanceState.Failed;
}
